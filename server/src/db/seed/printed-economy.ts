/**
 * What an economy or investment table of the seed data promises: every figure it prints
 * (lines, subtotals, totals, deviations, changes, percentages), each with the expression
 * that computes it from the stored amounts, written with the functions the API uses. The
 * seed check evaluates them over the seed's kronor; `solve-kronor.ts` turns them into
 * constraints over unknown kronor.
 */
import {
  derive,
  investmentAmountFields,
  investmentDerivations,
  investmentSums,
  kronorArithmetic,
  lineAmountFields,
  lineDerivations,
  lineTotals,
  roundPercent,
  toTkr,
  type Arithmetic,
  type FigureKind,
  type FigureValue,
  type Figures,
  type InvestmentAmountField,
  type LineAmountField,
} from '../../modules/economy/economy-figures.js';
import { lineFigureFields, investmentFigureFields, type SeedFile } from './seed-schema.js';

export type SeedEconomyTable = NonNullable<SeedFile['economyTables']>[number];
export type SeedEconomyLine = SeedEconomyTable['lines'][number];
export type SeedInvestmentTable = NonNullable<SeedFile['investmentTables']>[number];
export type SeedInvestment = SeedInvestmentTable['lines'][number];
type Maybe<T> = T | null;

/** One printed figure and what it is computed from. */
export interface PrintedFigure<T> {
  /** The label of the line, subtotal or total row, as printed. */
  line: string;
  figure: string;
  kind: FigureKind;
  /** As printed, turned into our sign convention: tkr, or a percentage. */
  printed: number;
  /** As the source prints it. */
  asPrinted: number;
  /** Decimals of a printed percentage. */
  decimals: number;
  value: FigureValue<T>;
}

/** Two amounts that are one and the same sum, though printed apart. */
export interface SameSum<T> {
  what: string;
  figure: string;
  a: T;
  b: T;
}

export interface TableFigures<T> {
  figures: PrintedFigure<T>[];
  sameSums: SameSum<T>[];
}

const negate = (x: number) => (x === 0 ? 0 : -x);

/** A printed figure of a seed row (a line, subtotal or total), if it prints one. */
const printedOf = (row: object, field: string): number | null => {
  const value = (row as Record<string, unknown>)[field];
  return typeof value === 'number' ? value : null;
};

/** A printed figure in our convention: amounts and changes of amounts turn with the convention. */
function ours(kind: FigureKind, printed: number, convention: SeedEconomyTable['signConvention']) {
  return convention === 'netCostPositive' && (kind === 'amount' || kind === 'change')
    ? negate(printed)
    : printed;
}

const kindOf = (derivations: Record<string, { kind: FigureKind }>, field: string): FigureKind =>
  derivations[field]?.kind ?? 'amount';

function printedFigures<T>(
  row: object,
  label: string,
  values: Figures<T>,
  fields: readonly string[],
  derivations: Record<string, { kind: FigureKind }>,
  convention: SeedEconomyTable['signConvention'],
  decimals: number,
  reversed: readonly string[] = [],
): PrintedFigure<T>[] {
  return fields.flatMap((figure) => {
    const printed = printedOf(row, figure);
    if (printed === null) return [];
    const kind = kindOf(derivations, figure);
    const value = ours(kind, printed, convention);
    return [
      {
        line: label,
        figure,
        kind,
        printed: reversed.includes(figure) ? negate(value) : value,
        asPrinted: printed,
        decimals,
        value: values[figure] ?? null,
      },
    ];
  });
}

/**
 * The amounts of a line that exist: those printed, and those a printed deviation or
 * percentage of the line needs (002 prints only the forecast's deviation).
 */
export function presentAmounts<F extends string>(
  row: object,
  amountFields: readonly F[],
  derivations: Record<string, { of: readonly [F, F] }>,
): Set<F> {
  const present = new Set(amountFields.filter((f) => printedOf(row, f) !== null));
  for (const [field, { of }] of Object.entries(derivations)) {
    if (printedOf(row, field) !== null) of.forEach((f) => present.add(f));
  }
  return present;
}

/** The kronor a seed line stores: its `kronor`, else the printed tkr × 1000 in our convention. */
export function seedAmount(
  row: object,
  field: string,
  convention: SeedEconomyTable['signConvention'],
  reversed: readonly string[] = [],
): number | null {
  const { kronor } = row as { kronor?: Record<string, number | null | undefined> };
  if (kronor) return kronor[field] ?? null;
  const printed = printedOf(row, field);
  if (printed === null) return null;
  const value = ours('amount', printed, convention) * 1000;
  return reversed.includes(field) ? negate(value) : value;
}

const countsInTotal = (l: SeedEconomyLine) => l.partOf === undefined && l.countsInTotal !== false;

/** The printed figures of an economy table, given each line's amount of each field. */
export function economyTableFigures<T>(
  table: SeedEconomyTable,
  amount: (line: SeedEconomyLine, field: LineAmountField) => Maybe<T>,
  ar: Arithmetic<T>,
): TableFigures<T> {
  const decimals = table.percentDecimals ?? 0;
  const amountsOf = (l: SeedEconomyLine) =>
    Object.fromEntries(lineAmountFields.map((f) => [f, amount(l, f)])) as Record<LineAmountField, Maybe<T>>;
  const byLabel = new Map(table.lines.map((l) => [l.label, l]));
  const linesNamed = (labels: string[], where: string) =>
    labels.map((label) => {
      const line = byLabel.get(label);
      if (!line) throw new Error(`${where}: ingen rad ${label}`);
      return line;
    });
  const printed = (row: object, label: string, values: Figures<T>) =>
    printedFigures(row, label, values, lineFigureFields, lineDerivations, table.signConvention, decimals);

  const figures = table.lines.flatMap((l) => printed(l, l.label, derive(lineDerivations, amountsOf(l), ar)));
  for (const s of table.subtotals ?? []) {
    figures.push(...printed(s, s.label, lineTotals(linesNamed(s.lines, s.label).map(amountsOf), ar)));
  }
  if (table.total) {
    figures.push(
      ...printed(
        table.total,
        table.total.label,
        lineTotals(table.lines.filter(countsInTotal).map(amountsOf), ar),
      ),
    );
  }
  const sameSums: SameSum<T>[] = [];
  for (const l of table.lines) {
    if (!l.sumOf) continue;
    const parts = lineTotals(linesNamed(l.sumOf, l.label).map(amountsOf), ar);
    for (const f of lineAmountFields) {
      const a = amount(l, f);
      const b = parts[f] as Maybe<T>;
      if (a !== null && b !== null)
        sameSums.push({ what: `${l.label} = ${l.sumOf.join(' + ')}`, figure: f, a, b });
    }
  }
  return { figures, sameSums };
}

/**
 * Two tables of one unit, period and ledger (per verksamhet and per kontogrupp) split the
 * same money two ways: their totals are the same kronor.
 */
export function sameTotals<T>(
  tables: SeedEconomyTable[],
  amount: (line: SeedEconomyLine, field: LineAmountField) => Maybe<T>,
  ar: Arithmetic<T>,
): SameSum<T>[] {
  const out: SameSum<T>[] = [];
  const totalOf = (t: SeedEconomyTable) =>
    lineTotals(
      t.lines
        .filter(countsInTotal)
        .map(
          (l) =>
            Object.fromEntries(lineAmountFields.map((f) => [f, amount(l, f)])) as Record<
              LineAmountField,
              Maybe<T>
            >,
        ),
      ar,
    );
  for (const [i, a] of tables.entries()) {
    for (const b of tables.slice(i + 1)) {
      if (a.unit !== b.unit || a.period !== b.period || a.ledger !== b.ledger) continue;
      const [ta, tb] = [totalOf(a), totalOf(b)];
      for (const f of lineAmountFields) {
        const x = ta[f] as Maybe<T>;
        const y = tb[f] as Maybe<T>;
        if (x !== null && y !== null) {
          out.push({
            what: `${a.total?.label ?? a.dimension} = ${b.total?.label ?? b.dimension}`,
            figure: f,
            a: x,
            b: y,
          });
        }
      }
    }
  }
  return out;
}

/** The lines under each category line, by the category's key. */
export function investmentChildren(table: SeedInvestmentTable): Map<string, SeedInvestment[]> {
  const children = new Map<string, SeedInvestment[]>();
  for (const line of table.lines) {
    if (line.parent === null) continue;
    children.set(line.parent, [...(children.get(line.parent) ?? []), line]);
  }
  return children;
}

/** The printed figures of an investments table; category lines add up the lines under them. */
export function investmentTableFigures<T>(
  table: SeedInvestmentTable,
  amount: (line: SeedInvestment, field: InvestmentAmountField) => Maybe<T>,
  ar: Arithmetic<T>,
): TableFigures<T> {
  const children = investmentChildren(table);
  const amountsOf = (l: SeedInvestment): Record<InvestmentAmountField, Maybe<T>> => {
    const under = children.get(l.key);
    if (under) return investmentSums(under.map(amountsOf), ar);
    return Object.fromEntries(investmentAmountFields.map((f) => [f, amount(l, f)])) as Record<
      InvestmentAmountField,
      Maybe<T>
    >;
  };
  const figures = table.lines.flatMap((l) =>
    printedFigures(
      l,
      l.name,
      derive(investmentDerivations, amountsOf(l), ar),
      investmentFigureFields,
      investmentDerivations,
      table.signConvention,
      table.percentDecimals ?? 0,
      l.signReversed,
    ),
  );
  return { figures, sameSums: [] };
}

/** Whether a figure computed from kronor prints as the source prints it. */
export function comesOut(f: PrintedFigure<number>): boolean {
  if (f.value === null) return false;
  if (typeof f.value === 'number') return toTkr(f.value) === f.printed;
  return roundPercent(f.value, f.decimals) === f.printed;
}

/**
 * Checks every printed economy figure of a kommun's seed against its kronor: each comes out
 * unless the table lists it as unreproduced (and then it must not), and figures printed
 * apart that are one sum are the same kronor. Returns the problems, in Swedish.
 */
export function printedEconomyProblems(seed: {
  economyTables: SeedEconomyTable[];
  investmentTables: SeedInvestmentTable[];
}): string[] {
  const problems: string[] = [];
  const ar = kronorArithmetic;
  const judge = (
    where: string,
    { figures, sameSums }: TableFigures<number>,
    unreproduced: SeedEconomyTable['unreproduced'] = [],
  ) => {
    const listed = new Set(unreproduced.map((u) => `${u.line}|${u.figure}`));
    for (const f of figures) {
      const ok = comesOut(f);
      const isListed = listed.delete(`${f.line}|${f.figure}`);
      if (!ok && !isListed)
        problems.push(`${where}: ${f.line} ${f.figure} blir inte ${f.printed} som tryckt`);
      if (ok && isListed)
        problems.push(`${where}: ${f.line} ${f.figure} står som ej återgiven men blir ${f.printed}`);
    }
    for (const u of listed)
      problems.push(`${where}: ej återgiven ${u} finns inte bland tabellens tryckta tal`);
    for (const s of sameSums) {
      if (s.a !== s.b) problems.push(`${where}: ${s.what} (${s.figure}) skiljer ${s.a - s.b} kr`);
    }
  };
  const economyAmount = (t: SeedEconomyTable) => (l: SeedEconomyLine, f: LineAmountField) =>
    seedAmount(l, f, t.signConvention);
  for (const t of seed.economyTables) {
    judge(
      `${t.source} ${t.unit} ${t.period} ${t.ledger}/${t.dimension}`,
      economyTableFigures(t, economyAmount(t), ar),
      t.unreproduced,
    );
  }
  for (const s of sameTotals(
    seed.economyTables,
    (l, f) => {
      const t = seed.economyTables.find((x) => x.lines.includes(l))!;
      return seedAmount(l, f, t.signConvention);
    },
    ar,
  )) {
    if (s.a !== s.b) problems.push(`${s.what} (${s.figure}) skiljer ${s.a - s.b} kr`);
  }
  for (const t of seed.investmentTables) {
    const children = investmentChildren(t);
    for (const l of t.lines) {
      if (children.has(l.key) && l.kronor)
        problems.push(`${t.source} ${l.name}: en summarad har inga egna kronor`);
    }
    judge(
      `${t.source} ${t.unit} ${t.period} investeringar`,
      investmentTableFigures(t, (l, f) => seedAmount(l, f, t.signConvention, l.signReversed), ar),
      t.unreproduced,
    );
  }
  return problems;
}
