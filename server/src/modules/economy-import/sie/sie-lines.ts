/**
 * The lines of a SIE file, read from a stream of bytes without holding more than one line:
 * the memory of a read does not grow with the file. Refuses what cannot be a PC8 file before
 * its text is misread: a UTF-8 byte order mark, UTF-8 letters, Windows-1252 letters (a file
 * saved in the wrong encoding reads as box-drawing and Greek characters in PC8, so å, ä and ö
 * in either of those encodings are taken as the sign of one), a line or file beyond the limits.
 */
import { decodeCp437 } from './cp437.js';

/** A fault that ends the reading: the rest of the file cannot be trusted. */
export class SieFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export interface SieLine {
  /** 1-based. */
  number: number;
  text: string;
}

export interface SieLineLimits {
  maxBytes: number;
  maxLineBytes: number;
}

const MB = 1024 * 1024;
const formatSize = (bytes: number) => (bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${bytes} byte`);

/** Why a line's bytes cannot be PC8, if they cannot. */
function wrongEncoding(bytes: Uint8Array): string | null {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const next = bytes[i + 1];
    // A UTF-8 letter of Latin-1 Supplement or Latin Extended-A: a lead byte and a continuation.
    if (b >= 0xc2 && b <= 0xdf && next !== undefined && next >= 0x80 && next <= 0xbf) {
      return 'är kodad som UTF-8';
    }
    // å ä ö Å Ä Ö é in Windows-1252 / ISO 8859-1.
    if (b === 0xe5 || b === 0xe4 || b === 0xf6 || b === 0xc5 || b === 0xc4 || b === 0xd6 || b === 0xe9) {
      return 'är kodad som Windows-1252 (ISO 8859-1)';
    }
  }
  return null;
}

export async function* sieLines(
  input: AsyncIterable<Uint8Array>,
  limits: SieLineLimits,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<SieLine> {
  let pending: Buffer | null = null;
  let bytesRead = 0;
  let number = 0;

  const lineOf = (bytes: Uint8Array): SieLine => {
    number++;
    if (number === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      throw new SieFileError(
        1,
        'Filen börjar med en UTF-8-markering (BOM), men SIE 4 ska vara kodad i PC8 (CP437). Exportera filen på nytt som SIE 4 från ekonomisystemet.',
      );
    }
    if (bytes.length > limits.maxLineBytes) {
      throw new SieFileError(
        number,
        `Raden är längre än ${limits.maxLineBytes} tecken; det är inte en SIE-fil.`,
      );
    }
    const wrong = wrongEncoding(bytes);
    if (wrong) {
      throw new SieFileError(
        number,
        `Raden ${wrong}, inte PC8 (CP437) som SIE 4 föreskriver. Exportera filen på nytt som SIE 4 från ekonomisystemet.`,
      );
    }
    return { number, text: decodeCp437(bytes) };
  };

  for await (const chunk of input) {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    bytesRead += bytes.length;
    if (bytesRead > limits.maxBytes) {
      throw new SieFileError(number + 1, `Filen är större än ${formatSize(limits.maxBytes)}.`);
    }
    let start = 0;
    for (;;) {
      const end = bytes.indexOf(10, start);
      if (end < 0) break;
      if (pending) {
        const line = Buffer.concat([pending, bytes.subarray(start, end)]);
        pending = null;
        yield lineOf(line);
      } else {
        yield lineOf(bytes.subarray(start, end));
      }
      start = end + 1;
    }
    if (start < bytes.length) {
      const rest = bytes.subarray(start);
      // Copied: the chunk's buffer may be reused by the stream.
      pending = pending ? Buffer.concat([pending, rest]) : Buffer.from(rest);
      if (pending.length > limits.maxLineBytes) {
        throw new SieFileError(
          number + 1,
          `Raden är längre än ${limits.maxLineBytes} tecken; det är inte en SIE-fil.`,
        );
      }
    }
    onBytes?.(bytesRead);
  }
  if (pending && pending.length > 0) yield lineOf(pending);
}
