import { z } from 'zod';
import type { EditableKind } from '../editing/edit-record.js';
import { optionalText } from '../editing/validation.js';
import { EconomyLine, type IEconomyLine } from './economy.entity.js';

const changes = z.object({
  deviationExplanation: optionalText('Förklaringen till periodens avvikelse', 4000),
  forecastExplanation: optionalText('Förklaringen till prognosavvikelsen', 4000),
});

/**
 * Only the explanations are edited: the figures come from the ledger. A department
 * explains its own line; the table's unit (the office) may explain every line.
 */
export const economyLineKind: EditableKind<IEconomyLine, z.infer<typeof changes>> = {
  entity: EconomyLine,
  typename: 'EconomyLine',
  populate: ['unit', 'table.unit', 'table.period'],
  unitsOf: (l) => [l.unit, l.table.unit],
  periodOf: (l) => l.table.period,
  input: changes,
};
