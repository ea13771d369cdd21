/**
 * Reading the cells of a spreadsheet row as the kommun typed them: numbers in Swedish
 * ("1 234,5", "−2,5", "12 %"), dates as Excel stores them or as text (2025-07-31), and text.
 * Every failure is a Swedish message naming what was found, for the preview to show next to
 * the row and the column.
 */

/** A cell as the file readers hand it over: XLSX gives numbers and dates, CSV only text. */
export type Cell = string | number | boolean | Date | null;

export type Read<T> = { ok: T } | { error: string };

const SPACES = /[\s\u00a0\u202f\u2009]/g;

/** Text, trimmed; an empty cell is null. */
export function readText(cell: Cell | undefined): string | null {
  if (cell == null) return null;
  const text = (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell)).trim();
  return text === '' ? null : text;
}

/**
 * A number as a Swedish spreadsheet shows it: space or no-break space between thousands,
 * decimal comma, a minus sign or a hyphen, an optional trailing "%". A decimal point is
 * accepted only where it cannot be a thousands separator (one point, not three digits after).
 */
export function readNumber(cell: Cell | undefined): Read<number | null> {
  if (cell == null) return { ok: null };
  if (typeof cell === 'number') return Number.isFinite(cell) ? { ok: cell } : { error: 'är inget tal' };
  if (typeof cell !== 'string') return { error: `”${readText(cell)}” är inget tal` };
  const shown = cell.trim();
  if (shown === '') return { ok: null };
  let text = shown
    .replace(SPACES, '')
    .replace(/%$/, '')
    .replace(/^[\u2212\u2013]/, '-');
  if (/^-?\d+\.\d{3}$/.test(text) || /\..*\./.test(text)) {
    return { error: `”${shown}” är inget tal: skriv decimaler med komma, som 1 234,5` };
  }
  text = text.replace(',', '.');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) {
    return { error: `”${shown}” är inget tal: skriv som 1 234,5` };
  }
  return { ok: Number(text) };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A day: a date cell, an Excel serial number, or text as 2025-07-31. */
export function readDate(cell: Cell | undefined): Read<string | null> {
  if (cell == null) return { ok: null };
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime())
      ? { error: 'är inget datum' }
      : { ok: cell.toISOString().slice(0, 10) };
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 200_000) return { error: `${cell} är inget datum` };
    return { ok: new Date(EXCEL_EPOCH_MS + cell * 86_400_000).toISOString().slice(0, 10) };
  }
  const text = String(cell).trim();
  if (text === '') return { ok: null };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { error: `”${text}” är inget datum: skriv som 2025-07-31` };
  const day = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) {
    return { error: `”${text}” är inget datum som finns` };
  }
  const year = Number(match[1]);
  if (year < 1900 || year > 2200) return { error: `”${text}” ligger utanför åren 1900–2200` };
  return { ok: text };
}

/** One of the allowed words, compared without regard to case. */
export function readChoice<const T extends string>(
  cell: Cell | undefined,
  allowed: readonly T[],
): Read<T | null> {
  const text = readText(cell);
  if (text == null) return { ok: null };
  const found = allowed.find((a) => a.toLocaleLowerCase('sv-SE') === text.toLocaleLowerCase('sv-SE'));
  return found ? { ok: found } : { error: `”${text}” är inte en av: ${allowed.join(', ')}` };
}
