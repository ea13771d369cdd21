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

/** Whole kronor shown in tkr, as the reports print them; a missing amount is a dash. */
export function formatTkr(kronor: number | null | undefined): string {
  if (kronor == null) return '–';
  return `${tkrFormat.format(toTkr(kronor))} tkr`;
}

/** A percentage with the decimals the reports print it with: "70,6 %". */
export function formatPercent(value: number | null | undefined, decimals: number): string {
  if (value == null) return '–';
  return `${new Intl.NumberFormat('sv-SE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value)} %`;
}

/** An indicator value with its unit; missing values say so instead of showing 0. */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value == null) return 'Inget värde';
  return unit === '%' ? `${numberFormat.format(value)} %` : `${numberFormat.format(value)} ${unit}`;
}

/** A moment as Swedish readers write it: 2025-11-22 14:32. */
export const dateTime = (value: string | Date) =>
  new Date(value).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
