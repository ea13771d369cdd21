/** Numbers and dates as Swedish readers expect them: "23 676 tkr", "2025-07-31". */
const tkrFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/**
 * Whole kronor in whole tkr, rounded half away from zero as the reports round (and as the
 * server does): −2 210 500 kr is −2 211 tkr, the mirror of 2 210 500.
 */
export function toTkr(kronor: number): number {
  const tkr = Math.floor((Math.abs(kronor) + 500) / 1000);
  return kronor < 0 && tkr !== 0 ? -tkr : tkr;
}

/** The number of tkr alone ("23 676"), for a table whose caption says "belopp i tkr". */
export const formatTkrNumber = (kronor: number): string => tkrFormat.format(toTkr(kronor));

/**
 * The sign of a deviation as the reader sees it, by its rounded tkr: −400 kr reads "0 tkr",
 * so it is neither favourable nor unfavourable, nor marked ▼.
 */
export const deviationSign = (kronor: number): -1 | 0 | 1 => {
  const tkr = toTkr(kronor);
  return tkr > 0 ? 1 : tkr < 0 ? -1 : 0;
};

/** A deviation with its sign: "+23 676 tkr", "−2 211 tkr", "0 tkr". */
export const formatSignedTkr = (kronor: number): string =>
  `${deviationSign(kronor) > 0 ? '+' : ''}${formatTkr(kronor)}`;

/** Whole kronor to the krona ("−2 210 500"), where a control total must match exactly. */
export const formatKronor = (kronor: number | null | undefined): string =>
  kronor == null ? '–' : tkrFormat.format(kronor);

/** Whole kronor shown in tkr, as the reports print them; a missing amount is a dash. */
export function formatTkr(kronor: number | null | undefined): string {
  if (kronor == null) return '–';
  return `${formatTkrNumber(kronor)} tkr`;
}

/** An indicator value with its unit; missing values say so instead of showing 0. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value == null) return 'Inget värde';
  return unit === '%' ? `${numberFormat.format(value)} %` : `${numberFormat.format(value)} ${unit}`;
}

const shareFormat = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/**
 * A percentage with the decimals its report prints ("70,6 %" in an economy table) or, without
 * them, one decimal at least as the personnel tables print shares ("3,0 %"); missing is a dash.
 */
export function formatPercent(value: number | null | undefined, decimals?: number): string {
  if (value == null) return '–';
  const format =
    decimals === undefined
      ? shareFormat
      : new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return `${format.format(value)} %`;
}

/** A moment as Swedish readers write it: 2025-11-22 14:32. */
export const dateTime = (value: string | Date) =>
  new Date(value).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
