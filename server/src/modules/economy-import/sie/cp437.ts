/**
 * PC8, the character set SIE 1–4 prescribe (`#FORMAT PC8`): IBM PC code page 437. A single-byte
 * code, so a chunk of the file decodes wherever it was cut. The lower half is ASCII; the upper
 * half is this table, 16 characters a row from 0x80 (Ç) to 0xFF (no-break space). 128 characters
 * are smaller, and easier to check, than a decoding library.
 */
const upperHalf =
  'ÇüéâäàåçêëèïîìÄÅ' +
  'ÉæÆôöòûùÿÖÜ¢£¥₧ƒ' +
  'áíóúñÑªº¿⌐¬½¼¡«»' +
  '░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧' +
  '╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩' +
  '≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** A line's bytes as text. */
export function decodeCp437(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  // Most lines are ASCII; only those with a high byte pay for the table.
  return highByte.test(latin1)
    ? latin1.replace(highBytes, (c) => upperHalf[c.charCodeAt(0) - 0x80]!)
    : latin1;
}
const highByte = /[\x80-\xff]/;
const highBytes = /[\x80-\xff]/g;

const byteOf = new Map([...upperHalf].map((c, i) => [c, 0x80 + i]));

/** Text as PC8 bytes, for writing SIE files (the test files and the benchmark). */
export function encodeCp437(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 ? code : byteOf.get(text[i]!);
    if (byte === undefined) throw new RangeError(`«${text[i]}» finns inte i PC8 (CP437)`);
    out[i] = byte;
  }
  return out;
}
