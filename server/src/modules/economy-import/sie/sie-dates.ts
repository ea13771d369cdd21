/**
 * SIE's dates (`yyyymmdd`) and periods (`yyyymm`) as month numbers (year × 12 + month − 1), so
 * that "the same months last year" and "from the year's first month" are arithmetic.
 */

export function parseSieDate(text: string): { month: number } | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return { month: year * 12 + month - 1 };
}

export function parseSiePeriod(text: string): number | null {
  const m = /^(\d{4})(\d{2})$/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : null;
}

/** 2025-07 for the month number of July 2025. */
export function monthLabel(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}
