/**
 * Kolada's list of municipalities (src/db/kolada/municipality.csv, "Källa: Kolada"): the
 * kommuner a new installation can be set up for, by their four-digit code and name.
 *
 * The file is three plain columns (`id,title,type`) with no quoting: no name has a comma or
 * a quote in it, and no CSV library is a dependency of the server. The reader is strict
 * instead of general: a row that is not exactly four digits, a name and K or L stops it with
 * the line number, so a changed file cannot slip in half read.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareSwedish } from '../organisation/swedish-order.js';

export interface KoladaMunicipality {
  /** Kolada's four-digit code, e.g. "1489". */
  code: string;
  /** Kolada's title, e.g. "Alingsås". */
  name: string;
  /** K: a kommun; L: a region (or "Riket", 0000). */
  type: 'K' | 'L';
}

export const koladaFile = fileURLToPath(new URL('../../db/kolada/municipality.csv', import.meta.url));

const ROW = /^(\d{4}),([^,"]+),([KL])$/;

export function parseKoladaMunicipalities(text: string): KoladaMunicipality[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0] !== 'id,title,type') {
    throw new Error(`Kolada-filen ska börja med raden "id,title,type", inte "${lines[0]}".`);
  }
  const rows: KoladaMunicipality[] = [];
  const seen = new Set<string>();
  lines.slice(1).forEach((line, index) => {
    if (line === '') return;
    const match = ROW.exec(line);
    if (!match) throw new Error(`Kolada-filen, rad ${index + 2}: "${line}" är inte kod,namn,K|L.`);
    const [, code, name, type] = match as unknown as [string, string, string, 'K' | 'L'];
    if (seen.has(code)) throw new Error(`Kolada-filen, rad ${index + 2}: koden ${code} finns redan.`);
    seen.add(code);
    rows.push({ code, name: name.trim(), type });
  });
  return rows;
}

let kommuner: KoladaMunicipality[] | undefined;

/** Kolada's kommuner (type K), by name in Swedish order; read once per process. */
export function koladaKommuner(): readonly KoladaMunicipality[] {
  kommuner ??= parseKoladaMunicipalities(readFileSync(koladaFile, 'utf8'))
    .filter((m) => m.type === 'K')
    .sort((a, b) => compareSwedish(a.name, b.name));
  return kommuner;
}

export function koladaKommun(code: string): KoladaMunicipality | undefined {
  return koladaKommuner().find((k) => k.code === code);
}
