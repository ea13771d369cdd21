/**
 * The sheet "Uppdrag": one row per uppdrag or nämndinitiativ of the period, with its
 * inriktningsmål, units, due date and decision. Keyed by its code where the sheet has one,
 * else by its title within the period; written by saveAssignments, the rules the plan's form
 * follows too.
 */
import { readChoice, readDate, readNumber, readText } from '../import/cells.js';
import type { CellError, ImportColumn, ImportKind, RawRow } from '../import/import-kind.js';
import {
  importOutcomes,
  optionalText,
  readCell,
  requiredText,
  type ColumnsOf,
} from '../editing/plan-import.js';
import { assignmentKey, saveAssignments, type AssignmentPlanRow } from './assignment-plan.service.js';
import type { AssignmentKind } from './assignment.entity.js';

/** The words of the column "Typ", by the kind they stand for. */
export const kindWords = { Uppdrag: 'uppdrag', Nämndinitiativ: 'nämndinitiativ' } as const satisfies Record<
  string,
  AssignmentKind
>;

const column = {
  code: 'Kod',
  kind: 'Typ',
  title: 'Titel',
  goalCode: 'Inriktningsmål (kod)',
  ownerUnitKey: 'Kontor eller nämnd (kod)',
  responsibleUnitKey: 'Ansvarig enhet (kod)',
  dueDate: 'Slutdatum',
  originYear: 'Givet år',
  decidedBy: 'Beslutat av',
  decidedOn: 'Beslutsdatum',
} as const satisfies ColumnsOf<AssignmentPlanRow>;

const columns: ImportColumn[] = [
  {
    label: column.code,
    required: false,
    help: 'Uppdragets kod, unik i kommunen (högst 80 tecken). Tomt: uppdraget känns igen på titeln i perioden.',
    example: '',
  },
  { label: column.kind, required: true, help: Object.keys(kindWords).join(' eller '), example: 'Uppdrag' },
  {
    label: column.title,
    required: true,
    help: 'Uppdragets titel.',
    example: 'Ta fram en plan för kompetensförsörjning.',
  },
  {
    label: column.goalCode,
    required: false,
    help: 'Koden för inriktningsmålet i perioden som uppdraget hör till.',
    example: '1.2',
  },
  {
    label: column.ownerUnitKey,
    required: true,
    help: 'Koden för kontoret eller nämnden vars lista uppdraget står på.',
    example: 'ksk',
  },
  {
    label: column.responsibleUnitKey,
    required: false,
    help: 'Koden för den ansvariga avdelningen.',
    example: 'ksk-hr',
  },
  { label: column.dueDate, required: false, help: 'Datum som 2025-12-31.', example: '2025-12-31' },
  {
    label: column.originYear,
    required: false,
    help: 'Året för Mål och budget (eller nämndens beslut) som gav uppdraget.',
    example: '2025',
  },
  {
    label: column.decidedBy,
    required: false,
    help: 'Vem som beslutade, t.ex. KF eller Kommunstyrelsen.',
    example: 'KF',
  },
  {
    label: column.decidedOn,
    required: false,
    help: 'Beslutets datum, som 2024-11-25.',
    example: '2024-11-25',
  },
];

function parse(row: RawRow): { value: AssignmentPlanRow; errors: [] } | { value: null; errors: CellError[] } {
  const errors: CellError[] = [];
  const cell = (field: keyof typeof column) => row.cells.get(column[field]);
  const code = optionalText(cell('code'), column.code, errors, 80);
  const word = readCell(
    readChoice(cell('kind'), Object.keys(kindWords) as (keyof typeof kindWords)[]),
    column.kind,
    errors,
  );
  if (word === null && readText(cell('kind')) === null)
    errors.push({ column: column.kind, message: `${column.kind} måste anges.` });
  const title = requiredText(cell('title'), column.title, errors);
  const goalCode = optionalText(cell('goalCode'), column.goalCode, errors, 20);
  const ownerUnitKey = requiredText(cell('ownerUnitKey'), column.ownerUnitKey, errors, 80);
  const responsibleUnitKey = optionalText(cell('responsibleUnitKey'), column.responsibleUnitKey, errors, 80);
  const dueDate = readCell(readDate(cell('dueDate')), column.dueDate, errors);
  const originYear = readCell(readNumber(cell('originYear')), column.originYear, errors);
  if (originYear !== null && (!Number.isInteger(originYear) || originYear < 1900 || originYear > 2200)) {
    errors.push({ column: column.originYear, message: `”${originYear}” är inget år som 2025.` });
  }
  const decidedBy = optionalText(cell('decidedBy'), column.decidedBy, errors, 60);
  const decidedOn = readCell(readDate(cell('decidedOn')), column.decidedOn, errors);
  if (errors.length || word === null) return { value: null, errors };
  return {
    value: {
      code,
      kind: kindWords[word],
      title,
      goalCode,
      ownerUnitKey,
      responsibleUnitKey,
      dueDate,
      originYear,
      decidedBy,
      decidedOn,
    },
    errors: [],
  };
}

export const assignmentImport: ImportKind<AssignmentPlanRow> = {
  name: 'assignments',
  sheetName: 'Uppdrag',
  columns,
  parse,
  keyOf: assignmentKey,
  importRows: async (em, target, rows) => importOutcomes(await saveAssignments(em, target, rows), column),
};
