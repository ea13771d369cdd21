/**
 * The sheet "Mål": one row per inriktningsmål of the period, with its målområde and the
 * units that follow it up. Keyed by the inriktningsmål's code; written by saveGoals, the
 * rules the plan's form follows too.
 */
import type { Cell } from '../import/cells.js';
import type { CellError, ImportColumn, ImportKind, RawRow } from '../import/import-kind.js';
import { saveGoals, type GoalPlanRow } from './goal-plan.service.js';
import { importOutcomes, readList, requiredText, type ColumnsOf } from '../editing/plan-import.js';

const column = {
  areaCode: 'Målområde (kod)',
  areaTitle: 'Målområde',
  agenda2030: 'Agenda 2030',
  code: 'Inriktningsmål (kod)',
  title: 'Inriktningsmål',
  unitKeys: 'Enheter (koder)',
} as const satisfies ColumnsOf<GoalPlanRow>;

const columns: ImportColumn[] = [
  { label: column.areaCode, required: true, help: 'Målområdets nummer, t.ex. 1.', example: '1' },
  {
    label: column.areaTitle,
    required: true,
    help: 'Målområdets titel.',
    example: 'En sund och hållbar ekonomi i balans',
  },
  {
    label: column.agenda2030,
    required: false,
    help: 'Agenda 2030-mål (1–17) som målområdet hör till, åtskilda med kommatecken. Tomt: behåll.',
    example: '8, 12',
  },
  {
    label: column.code,
    required: true,
    help: 'Inriktningsmålets nummer, t.ex. 1.1. Unikt i perioden.',
    example: '1.1',
  },
  { label: column.title, required: true, help: 'Inriktningsmålets titel.', example: 'En ekonomi i balans' },
  {
    label: column.unitKeys,
    required: true,
    help: 'Koderna för de enheter som följer upp målet, åtskilda med kommatecken.',
    example: 'ksk',
  },
];

function readAgenda2030(cell: Cell | undefined): { ok: number[] | null } | { error: string } {
  const items = readList(cell);
  if (items === null) return { ok: null };
  const goals = items.map(Number);
  const bad = items.find((item, i) => !Number.isInteger(goals[i]) || goals[i]! < 1 || goals[i]! > 17);
  if (bad !== undefined) return { error: `”${bad}” är inget av Agenda 2030-målen 1–17` };
  return { ok: [...new Set(goals)].sort((a, b) => a - b) };
}

function parse(row: RawRow): { value: GoalPlanRow; errors: [] } | { value: null; errors: CellError[] } {
  const errors: CellError[] = [];
  const text = (field: 'areaCode' | 'areaTitle' | 'code' | 'title') =>
    requiredText(row.cells.get(column[field]), column[field], errors);
  const value = {
    areaCode: text('areaCode'),
    areaTitle: text('areaTitle'),
    code: text('code'),
    title: text('title'),
  };
  const agenda = readAgenda2030(row.cells.get(column.agenda2030));
  if ('error' in agenda) errors.push({ column: column.agenda2030, message: agenda.error });
  const unitKeys = readList(row.cells.get(column.unitKeys)) ?? [];
  if (unitKeys.length === 0)
    errors.push({ column: column.unitKeys, message: 'Ange minst en enhet som följer upp målet.' });
  if (errors.length) return { value: null, errors };
  return { value: { ...value, agenda2030: 'ok' in agenda ? agenda.ok : null, unitKeys }, errors: [] };
}

export const goalImport: ImportKind<GoalPlanRow> = {
  name: 'goals',
  sheetName: 'Mål',
  columns,
  parse,
  keyOf: (value) => value.code,
  importRows: async (em, target, rows) => importOutcomes(await saveGoals(em, target, rows), column),
};
