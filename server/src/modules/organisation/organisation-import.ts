/**
 * The organisation sheet of the spreadsheet import: one row per unit, keyed by its code
 * within the kommun. The rows say how the organisation should be from the import's period
 * on; applyUnitStates (unit-change.service.ts) checks and writes them, as it does the
 * administration's forms, so a row and a form are refused for the same reasons.
 */
import { readChoice, readText, type Cell } from '../import/cells.js';
import type { CellError, ImportColumn, ImportKind, RawRow, RowOutcome } from '../import/import-kind.js';
import { unitKinds } from './org-unit.entity.js';
import {
  applyUnitStates,
  MAX_NAME,
  MAX_SHORT_NAME,
  type UnitField,
  type UnitState,
} from './unit-change.service.js';

const KEY = 'Kod';
const NAME = 'Namn';
const SHORT_NAME = 'Kortnamn';
const KIND = 'Typ';
const PARENT = 'Överordnad (kod)';
const CLOSED = 'Stängd';

const columns: readonly ImportColumn[] = [
  {
    label: KEY,
    required: true,
    help: 'Enhetens kod, unik i kommunen: små bokstäver a–z, siffror och bindestreck.',
    example: 'ksk-ekonomi',
  },
  {
    label: NAME,
    required: true,
    help: `Enhetens namn, högst ${MAX_NAME} tecken.`,
    example: 'Ekonomiavdelningen',
  },
  {
    label: SHORT_NAME,
    required: false,
    help: `Valfritt, högst ${MAX_SHORT_NAME} tecken.`,
    example: 'Ekonomi',
  },
  { label: KIND, required: true, help: `En av: ${unitKinds.join(', ')}.`, example: 'avdelning' },
  {
    label: PARENT,
    required: false,
    help: 'Koden för enheten den ligger under; en enhet som finns eller en på en rad ovanför. Tom bara för kommunen själv.',
    example: 'ksk',
  },
  {
    label: CLOSED,
    required: false,
    help: 'ja om enheten är stängd från perioden, annars nej eller tom.',
    example: 'nej',
  },
];

/** The column of each field a change names; the period and the unit are the whole row's. */
const columnOf: Record<UnitField, string | null> = {
  fromPeriod: null,
  unit: null,
  key: KEY,
  name: NAME,
  shortName: SHORT_NAME,
  kind: KIND,
  parent: PARENT,
  closed: CLOSED,
};

const cell = (row: RawRow, column: string): Cell | undefined => row.cells.get(column);

function parse(row: RawRow): { value: UnitState; errors: [] } | { value: null; errors: CellError[] } {
  const errors: CellError[] = [];
  const required = (column: string) => {
    const text = readText(cell(row, column));
    if (text == null) errors.push({ column, message: `${column} måste anges.` });
    return text ?? '';
  };
  const key = required(KEY);
  const name = required(NAME);
  const kind = readChoice(cell(row, KIND), unitKinds);
  if ('error' in kind) errors.push({ column: KIND, message: `${KIND}: ${kind.error}.` });
  else if (kind.ok == null) errors.push({ column: KIND, message: `${KIND} måste anges.` });
  const closed = readChoice(cell(row, CLOSED), ['ja', 'nej'] as const);
  if ('error' in closed) errors.push({ column: CLOSED, message: `${CLOSED}: ${closed.error}.` });
  if (errors.length > 0 || !('ok' in kind) || kind.ok == null || !('ok' in closed)) {
    return { value: null, errors };
  }
  return {
    value: {
      key,
      name,
      shortName: readText(cell(row, SHORT_NAME)),
      kind: kind.ok,
      parentKey: readText(cell(row, PARENT)),
      closed: closed.ok === 'ja',
    },
    errors: [],
  };
}

export const organisationImport: ImportKind<UnitState> = {
  name: 'organisation',
  sheetName: 'Organisation',
  columns,
  parse,
  keyOf: (value) => value.key,
  async importRows(em, target, rows) {
    const outcomes = await applyUnitStates(
      em,
      {
        kommunId: target.kommunId,
        fromPeriodId: target.periodId,
        userId: target.userId,
        requestId: target.requestId,
      },
      rows.map((r) => r.value),
    );
    return outcomes.map((outcome, i): RowOutcome => {
      const row = rows[i]!.row;
      if (outcome.status === 'wrong') {
        const errors = outcome.problems.map((p) => ({
          column: p.field ? columnOf[p.field] : null,
          message: p.message,
        }));
        return { row, status: 'wrong', errors, changed: [] };
      }
      const changed = outcome.changed.flatMap((f) => columnOf[f] ?? []);
      return { row, status: outcome.status, errors: [], changed };
    });
  },
};
