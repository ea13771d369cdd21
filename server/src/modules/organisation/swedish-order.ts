/**
 * Swedish sort order, with numbers compared as numbers ("1.10" after "1.9"). One collator
 * for the process: `localeCompare` with a locale builds a new one on every call, which
 * dominated the sorting of a large page.
 */
const collator = new Intl.Collator('sv', { numeric: true });

export const compareSwedish = (a: string, b: string) => collator.compare(a, b);

/** Goal codes ("1.2", "10.1"); a missing goal sorts last. */
export const compareGoalCodes = (a: string | null | undefined, b: string | null | undefined) =>
  a == null ? (b == null ? 0 : 1) : b == null ? -1 : collator.compare(a, b);

/**
 * A key from a Swedish name, for a kommun or a unit: "Upplands Väsby" → "upplands-vasby".
 * Diacritics go, anything but a–z and 0–9 becomes a hyphen.
 */
export function keyOfName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
