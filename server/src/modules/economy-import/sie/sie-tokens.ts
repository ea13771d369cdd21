/**
 * One line of a SIE file as a record: its label (`#TRANS`) and its fields, as SIE 4 writes them.
 * Fields are separated by spaces or tabs; a field with a space is quoted, and inside the quotes
 * `\"` is a quote and `\\` a backslash (any other backslash is itself: `#FNR "C:\Program\…"`).
 * An object list is `{dimension object …}` with the same quoting, `{}` when empty. The `{` and
 * `}` that open and close a verification's transactions stand alone on their lines.
 */

export interface SieObjectRef {
  dimension: string;
  object: string;
}

/** An object list field: `{1 "100" 6 "P12"}`. */
export interface SieObjectList {
  objects: SieObjectRef[];
}

export type SieField = string | SieObjectList;

export interface SieRecord {
  /** `#KONTO`, or `{` / `}` around a verification's transactions. */
  label: string;
  fields: SieField[];
}

/** A line that is not SIE; the message is Swedish and the reader adds the line number. */
export class SieSyntaxError extends Error {}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/** A line's record, or null for a blank line. */
export function tokeniseSieLine(line: string): SieRecord | null {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 9) || code === 0x7f) {
      throw new SieSyntaxError(`Raden innehåller ett styrtecken (tecken ${code}), vilket SIE inte tillåter.`);
    }
  }
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (trimmed === '{' || trimmed === '}') return { label: trimmed, fields: [] };
  if (!trimmed.startsWith('#')) {
    throw new SieSyntaxError('Raden börjar inte med en etikett (som #KONTO eller #TRANS).');
  }

  const fields: SieField[] = [];
  let i = 0;
  const skipSpace = () => {
    while (isSpace(text[i])) i++;
  };
  /** A quoted or plain field starting at i; `stops` ends a plain one (`}` in an object list). */
  const readField = (stops: string): string => {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const c = text[i];
        if (c === undefined) throw new SieSyntaxError('Ett fält inom citattecken stängs aldrig (" saknas).');
        if (c === '"') break;
        if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
          value += text[i + 1];
          i += 2;
        } else {
          value += c;
          i++;
        }
      }
      i++;
      const next = text[i];
      if (next !== undefined && !isSpace(next) && !stops.includes(next)) {
        throw new SieSyntaxError('Efter ett fält inom citattecken väntas ett mellanslag.');
      }
      return value;
    }
    const start = i;
    while (i < text.length && !isSpace(text[i]) && !stops.includes(text[i]!)) i++;
    return text.slice(start, i);
  };

  skipSpace();
  while (i < text.length) {
    if (text[i] === '{') {
      i++;
      const items: string[] = [];
      for (;;) {
        skipSpace();
        const c = text[i];
        if (c === undefined)
          throw new SieSyntaxError('En objektlista öppnas med { men stängs aldrig (} saknas).');
        if (c === '}') break;
        if (c === '{') throw new SieSyntaxError('En objektlista kan inte innehålla en annan objektlista.');
        items.push(readField('{}'));
      }
      i++;
      if (i < text.length && !isSpace(text[i])) {
        throw new SieSyntaxError('Efter en objektlista väntas ett mellanslag.');
      }
      if (items.length % 2 !== 0) {
        throw new SieSyntaxError('En objektlista består av par: dimensionsnummer och objektkod.');
      }
      const objects: SieObjectRef[] = [];
      for (let k = 0; k < items.length; k += 2) objects.push({ dimension: items[k]!, object: items[k + 1]! });
      fields.push({ objects });
    } else {
      fields.push(readField(''));
    }
    skipSpace();
  }
  const [label, ...rest] = fields;
  if (typeof label !== 'string') throw new SieSyntaxError('Raden börjar inte med en etikett.');
  return { label, fields: rest };
}
