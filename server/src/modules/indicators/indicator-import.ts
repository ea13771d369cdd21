/**
 * The sheet "Indikatorer": one row per indicator of the period, under an inriktningsmål of
 * the period (or of the sheet "Mål" of the same file), with its targets ("Mål 2026") and the
 * outcomes of earlier years ("Utfall 2024") in as many columns as the kommun has. Keyed by
 * the indicator's code; written by saveIndicators, the rules the plan's form follows too.
 */
import { readChoice, readNumber, readText, type Cell } from '../import/cells.js';
import type { CellError, ImportColumn, ImportKind, RawRow } from '../import/import-kind.js';
import {
  importOutcomes,
  optionalText,
  readCell,
  requiredText,
  type ColumnsOf,
} from '../editing/plan-import.js';
import { saveIndicators, type IndicatorPlanRow, type YearValue } from './indicator-plan.service.js';
import type { directions } from './indicator.entity.js';

/** The words of the column "Riktning", by the direction they stand for. */
export const directionWords = {
  'Högre är bättre': 'higher',
  'Lägre är bättre': 'lower',
  Ingen: 'none',
} as const satisfies Record<string, (typeof directions)[number]>;

const column = {
  key: 'Kod',
  name: 'Namn',
  goalCode: 'Inriktningsmål (kod)',
  unitOfMeasure: 'Måttenhet',
  direction: 'Riktning',
  decimals: 'Decimaler',
  origin: 'KF eller nämnd',
  responsibleUnitKey: 'Ansvarig enhet (kod)',
  followUpUnitKey: 'Följs upp av (kod)',
  koladaKpiId: 'Kolada-id',
  targets: 'Mål',
  outcomes: 'Utfall',
} as const satisfies ColumnsOf<IndicatorPlanRow>;

const TARGET = /^Mål (\d{4})$/;
const OUTCOME = /^Utfall (\d{4})$/;

const columns: ImportColumn[] = [
  {
    label: column.key,
    required: true,
    help: 'Indikatorns kod, unik i kommunen (högst 80 tecken).',
    example: 'ind-sjukfranvaro',
  },
  {
    label: column.name,
    required: true,
    help: 'Indikatorns namn.',
    example: 'Sjukfrånvaro, andel av arbetad tid',
  },
  {
    label: column.goalCode,
    required: true,
    help: 'Koden för ett inriktningsmål i perioden, t.ex. 1.1.',
    example: '1.1',
  },
  {
    label: column.unitOfMeasure,
    required: true,
    help: 'Som %, antal, kr per invånare, minuter, index, ranking.',
    example: '%',
  },
  {
    label: column.direction,
    required: true,
    help: Object.keys(directionWords).join(', '),
    example: 'Lägre är bättre',
  },
  {
    label: column.decimals,
    required: false,
    help: 'Antal decimaler som värdena visas med, 0–4. Tomt: som angivet.',
    example: '1',
  },
  {
    label: column.origin,
    required: true,
    help: 'KF eller Nämnd: vem som beslutat indikatorn.',
    example: 'KF',
  },
  {
    label: column.responsibleUnitKey,
    required: true,
    help: 'Koden för den ansvariga enheten.',
    example: 'ksk-hr',
  },
  {
    label: column.followUpUnitKey,
    required: false,
    help: 'Koden för enheten som följer upp indikatorn i perioden. Tomt: den ansvariga enheten.',
    example: 'ksk',
  },
  {
    label: column.koladaKpiId,
    required: false,
    help: 'Nyckeltalets id i Kolada, t.ex. N00097.',
    example: '',
  },
  {
    label: 'Mål 2026',
    required: false,
    help: 'Målvärdet för ett år, en kolumn per år (Mål 2025, Mål 2026 …). Tomt: behåll. Tal som 1 234,5.',
    example: '5,5',
    series: TARGET,
  },
  {
    label: 'Utfall 2024',
    required: false,
    help: 'Utfallet för ett tidigare år, en kolumn per år. Tomt: behåll. Tal som 1 234,5.',
    example: '6,1',
    series: OUTCOME,
  },
];

const MAX_VALUE = 1e9;

function readSeries(cells: ReadonlyMap<string, Cell>, pattern: RegExp, errors: CellError[]): YearValue[] {
  const values: YearValue[] = [];
  for (const [header, cell] of cells) {
    const year = pattern.exec(header)?.[1];
    if (!year) continue;
    const value = readCell(readNumber(cell), header, errors);
    if (value === null) continue;
    if (Math.abs(value) >= MAX_VALUE) errors.push({ column: header, message: `${value} är orimligt stort.` });
    else values.push({ year: Number(year), value: Math.round(value * 1e4) / 1e4 });
  }
  return values;
}

function parse(row: RawRow): { value: IndicatorPlanRow; errors: [] } | { value: null; errors: CellError[] } {
  const errors: CellError[] = [];
  const cell = (field: keyof typeof column) => row.cells.get(column[field]);
  const key = requiredText(cell('key'), column.key, errors, 80);
  const name = requiredText(cell('name'), column.name, errors);
  const goalCode = requiredText(cell('goalCode'), column.goalCode, errors, 20);
  const unitOfMeasure = requiredText(cell('unitOfMeasure'), column.unitOfMeasure, errors, 60);
  const word = readCell(
    readChoice(cell('direction'), Object.keys(directionWords) as (keyof typeof directionWords)[]),
    column.direction,
    errors,
  );
  if (word === null && readText(cell('direction')) === null)
    errors.push({ column: column.direction, message: `${column.direction} måste anges.` });
  const decimals = readCell(readNumber(cell('decimals')), column.decimals, errors);
  if (decimals !== null && (!Number.isInteger(decimals) || decimals < 0 || decimals > 4)) {
    errors.push({ column: column.decimals, message: `Decimaler ska vara ett heltal 0–4, inte ${decimals}.` });
  }
  const origin = readCell(readChoice(cell('origin'), ['KF', 'Nämnd'] as const), column.origin, errors);
  if (origin === null && readText(cell('origin')) === null)
    errors.push({ column: column.origin, message: `${column.origin} måste anges.` });
  const responsibleUnitKey = requiredText(cell('responsibleUnitKey'), column.responsibleUnitKey, errors, 80);
  const followUpUnitKey = optionalText(cell('followUpUnitKey'), column.followUpUnitKey, errors, 80);
  const koladaKpiId =
    optionalText(cell('koladaKpiId'), column.koladaKpiId, errors, 10)?.toUpperCase() ?? null;
  const targets = readSeries(row.cells, TARGET, errors);
  const outcomes = readSeries(row.cells, OUTCOME, errors);
  if (errors.length || word === null || origin === null) return { value: null, errors };
  return {
    value: {
      key,
      name,
      goalCode,
      unitOfMeasure,
      direction: directionWords[word],
      decimals,
      origin,
      responsibleUnitKey,
      followUpUnitKey,
      koladaKpiId,
      targets,
      outcomes,
    },
    errors: [],
  };
}

export const indicatorImport: ImportKind<IndicatorPlanRow> = {
  name: 'indicators',
  sheetName: 'Indikatorer',
  columns,
  parse,
  keyOf: (value) => value.key,
  importRows: async (em, target, rows) => importOutcomes(await saveIndicators(em, target, rows), column),
};
