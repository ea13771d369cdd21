/**
 * The figures of an economy table or an investment list, derived from stored amounts, and
 * the rounding the reports use. Written once over any arithmetic: the API computes them
 * from kronor, the seed check from the seed's kronor, and the kronor solver
 * (`db/seed/solve-kronor.ts`) from linear expressions over the unknown kronor, so a figure
 * the solver satisfies is the figure the API answers.
 */

/** Whatever the figures are computed over: kronor, or linear expressions of unknown kronor. */
export interface Arithmetic<T> {
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
}

export const kronorArithmetic: Arithmetic<number> = { add: (a, b) => a + b, sub: (a, b) => a - b };

/**
 * A percentage before it is divided out, so that it can be rounded exactly.
 * `ofMagnitude`: relative to the size of the denominator, so that the sign is the
 * numerator's (a deviation in per cent of a budget that is a cost, hence negative).
 */
export interface Ratio<T> {
  numerator: T;
  denominator: T;
  ofMagnitude: boolean;
}

type Maybe<T> = T | null;

/**
 * How a figure relates to the amounts, which decides how it converts from a source's sign
 * convention: an amount, and a change of an amount, change sign with the convention; a
 * deviation is favourable-positive in every convention the sources use, and percentages are
 * ratios of two amounts of one convention.
 */
export type FigureKind = 'amount' | 'deviation' | 'change' | 'share' | 'relativeDeviation';

interface Derivation<F extends string> {
  kind: Exclude<FigureKind, 'amount'>;
  /** [a, b]: a − b for deviations and changes, a / b for a share, (a − b) / |b| relative. */
  of: readonly [F, F];
}

export const lineAmountFields = [
  'budgetMonth',
  'outcomeMonth',
  'budgetPeriod',
  'outcomePeriod',
  'outcomePreviousYearPeriod',
  'budgetFullYear',
  'forecastFullYear',
] as const;
export type LineAmountField = (typeof lineAmountFields)[number];

/** The columns the reports print beside the amounts of an economy line. */
export const lineDerivations = {
  /** "Avvikelse nov" (002). */
  deviationMonth: { kind: 'deviation', of: ['outcomeMonth', 'budgetMonth'] },
  /** "% av budget" for the month (002). */
  percentOfBudgetMonth: { kind: 'share', of: ['outcomeMonth', 'budgetMonth'] },
  deviationPeriod: { kind: 'deviation', of: ['outcomePeriod', 'budgetPeriod'] },
  /** "% av budget" for the period (002). */
  percentOfBudgetPeriod: { kind: 'share', of: ['outcomePeriod', 'budgetPeriod'] },
  /** "Diff. utfall 2023/2024" (003). */
  changeFromPreviousYear: { kind: 'change', of: ['outcomePeriod', 'outcomePreviousYearPeriod'] },
  deviationForecast: { kind: 'deviation', of: ['forecastFullYear', 'budgetFullYear'] },
} as const satisfies Record<string, Derivation<LineAmountField>>;
export type LineDerivedField = keyof typeof lineDerivations;

export const investmentAmountFields = [
  'budgetTotal',
  'forecastTotal',
  'outcomeAccumulated',
  'budgetYear',
  'forecastYear',
  'outcomeYear',
  'outcomePreviousYear',
] as const;
export type InvestmentAmountField = (typeof investmentAmountFields)[number];

export const investmentDerivations = {
  deviationTotal: { kind: 'deviation', of: ['forecastTotal', 'budgetTotal'] },
  /** "Avvikelse" in per cent of the total budget (001). */
  deviationTotalPercent: { kind: 'relativeDeviation', of: ['forecastTotal', 'budgetTotal'] },
  /** "Avv. prognos/budget" (003). */
  deviationYear: { kind: 'deviation', of: ['forecastYear', 'budgetYear'] },
  /** "Diff. utfall 2023/2024" (003). */
  changeFromPreviousYear: { kind: 'change', of: ['outcomeYear', 'outcomePreviousYear'] },
} as const satisfies Record<string, Derivation<InvestmentAmountField>>;
export type InvestmentDerivedField = keyof typeof investmentDerivations;

export type FigureValue<T> = Maybe<T> | Maybe<Ratio<T>>;
export type Figures<T> = Record<string, FigureValue<T>>;

export function figureKind(derivations: Record<string, Derivation<string>>, field: string): FigureKind {
  return derivations[field]?.kind ?? 'amount';
}

/** The derived figures of one line (or total) from its amounts; missing amounts give none. */
export function derive<T, F extends string>(
  derivations: Record<string, Derivation<F>>,
  amounts: Record<F, Maybe<T>>,
  ar: Arithmetic<T>,
): Figures<T> {
  const out: Figures<T> = { ...amounts };
  for (const [field, { kind, of }] of Object.entries(derivations)) {
    const a = amounts[of[0]];
    const b = amounts[of[1]];
    if (a === null || b === null) out[field] = null;
    else if (kind === 'share') out[field] = { numerator: a, denominator: b, ofMagnitude: false };
    else if (kind === 'relativeDeviation')
      out[field] = { numerator: ar.sub(a, b), denominator: b, ofMagnitude: true };
    else out[field] = ar.sub(a, b);
  }
  return out;
}

/** A total is only as complete as its lines: one line without the amount makes it unknown. */
function sumComplete<T>(values: Maybe<T>[], ar: Arithmetic<T>): Maybe<T> {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return (values as T[]).reduce((acc, v) => ar.add(acc, v));
}
/** Added up over the lines that have it (a blank cell is nothing told, not an unknown total). */
function sumKnown<T>(values: Maybe<T>[], ar: Arithmetic<T>): Maybe<T> {
  const known = values.filter((v): v is T => v !== null);
  return known.length === 0 ? null : known.reduce((acc, v) => ar.add(acc, v));
}

/**
 * The totals of economy lines: amounts add up only when every line has them; deviations and
 * changes add up over the lines that have one (a blank forecast column tells no deviation);
 * percentages are those of the totals.
 */
export function lineTotals<T>(lines: Record<LineAmountField, Maybe<T>>[], ar: Arithmetic<T>): Figures<T> {
  const amounts = Object.fromEntries(
    lineAmountFields.map((f) => [
      f,
      sumComplete(
        lines.map((l) => l[f]),
        ar,
      ),
    ]),
  ) as Record<LineAmountField, Maybe<T>>;
  const totals = derive(lineDerivations, amounts, ar);
  const perLine = lines.map((l) => derive(lineDerivations, l, ar));
  for (const [field, { kind }] of Object.entries(lineDerivations)) {
    if (kind === 'deviation' || kind === 'change') {
      totals[field] = sumKnown(
        perLine.map((l) => l[field] as Maybe<T>),
        ar,
      );
    }
  }
  return totals;
}

/**
 * A category line of investments (a "Totalt …" row) adds up the projects under it, a blank
 * cell counting as nothing, as the reports add them.
 */
export function investmentSums<T>(
  children: Record<InvestmentAmountField, Maybe<T>>[],
  ar: Arithmetic<T>,
): Record<InvestmentAmountField, Maybe<T>> {
  return Object.fromEntries(
    investmentAmountFields.map((f) => [
      f,
      sumKnown(
        children.map((c) => c[f]),
        ar,
      ),
    ]),
  ) as Record<InvestmentAmountField, Maybe<T>>;
}

/**
 * Rounds n / d half away from zero, exactly (integers in, integer out): 2 210,5 tkr is
 * printed 2 211 and −2 210,5 tkr −2 211, so rounding commutes with a change of sign
 * convention. The reports' totals agree with it (see `printed-figures.test.ts`).
 */
export function roundRatio(n: number, d: number): number {
  if (d === 0) throw new RangeError('division by zero');
  const negative = n < 0 !== d < 0;
  const an = Math.abs(n);
  const ad = Math.abs(d);
  const q = Math.floor((2 * an + ad) / (2 * ad));
  // No −0: it would print as "−0" and compare unequal to 0 in tests.
  return negative && q !== 0 ? -q : q;
}

/** Whole kronor to whole tkr, as the reports print them. */
export const toTkr = (kronor: number) => roundRatio(kronor, 1000);

/**
 * A percentage as a number (70.6 for 70,6 %). A share of a zero budget is told only when
 * nothing was spent either: 0 %, as the reports print it; otherwise there is none.
 */
export function percent(ratio: Maybe<Ratio<number>>): number | null {
  if (ratio === null) return null;
  const { numerator, denominator, ofMagnitude } = ratio;
  if (denominator === 0) return numerator === 0 ? 0 : null;
  return (100 * numerator) / (ofMagnitude ? Math.abs(denominator) : denominator);
}

/** A percentage rounded half away from zero to the given decimals, exactly. */
export function roundPercent(ratio: Ratio<number>, decimals: number): number | null {
  const { numerator, denominator, ofMagnitude } = ratio;
  if (denominator === 0) return numerator === 0 ? 0 : null;
  const scale = 100 * 10 ** decimals;
  const d = ofMagnitude ? Math.abs(denominator) : denominator;
  return roundRatio(numerator * scale, d) / 10 ** decimals;
}
