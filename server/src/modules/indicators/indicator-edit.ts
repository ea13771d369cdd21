import { z } from 'zod';
import { goalAssessments, trends } from '../goals/goal.entity.js';
import { assignChanges, dateComment, type EditableKind } from '../editing/edit-record.js';
import { choice, measurement, optionalText } from '../editing/validation.js';
import { periodYear, type IOrgUnit } from '../organisation/org-unit.entity.js';
import { IndicatorFollowUp, type IIndicatorFollowUp } from './indicator.entity.js';

const changes = z.object({
  outcome: measurement('Utfallet'),
  assessment: choice('Bedömningen', goalAssessments, { nullable: true }),
  trend: choice('Trenden', trends, { nullable: true }),
  comment: optionalText('Kommentaren', 4000),
});

/** The year whose outcome a period reports: the year it ends in. */
export const outcomeYear = periodYear;

/**
 * An indicator's follow-up is edited by the unit that follows it up and by the department
 * responsible for the indicator. The outcome is saved on the follow-up itself, so it stays
 * with its period (and freezes with it).
 */
export const indicatorFollowUpKind: EditableKind<IIndicatorFollowUp, z.infer<typeof changes>> = {
  entity: IndicatorFollowUp,
  typename: 'IndicatorFollowUp',
  populate: ['unit', 'indicator.responsibleUnit', 'period'],
  unitsOf: (f) => [f.unit, f.indicator.responsibleUnit].filter((u): u is IOrgUnit => !!u),
  periodOf: (f) => f.period,
  input: changes,
  apply: (_, row, changes) => Promise.resolve(dateComment(row, assignChanges(row, changes))),
};
