/**
 * Kolada's KPI catalogue (src/db/kolada/kpi.csv, "Källa: Kolada"), as Kolada's open API
 * publishes it: an indicator's KPI id is checked against it, and its Kolada title shown.
 *
 * The file is Kolada's export as it is (twelve columns, quoted where a value has a comma or
 * a quote, no line breaks inside a value), so a newer export can replace it unchanged. Only
 * the id and the title are read. The reader is strict: a row that does not split into
 * twelve values, or an id that is not a letter and five digits, stops it with the line.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const koladaKpiFile = fileURLToPath(new URL('../../db/kolada/kpi.csv', import.meta.url));

const HEADER_START = 'id,title,description,';
const COLUMNS = 12;
const KPI_ID = /^[A-Z]\d{5}$/;

/** The values of one CSV line: quoted values may hold commas and doubled quotes. */
function splitLine(line: string): string[] {
  const values: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new Error('ett citattecken stängs inte');
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      values.push(value);
      if (i < line.length && line[i] !== ',') throw new Error('text efter ett citerat värde');
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      values.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return values;
}

export function parseKoladaKpis(text: string): Map<string, string> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!lines[0]?.startsWith(HEADER_START)) {
    throw new Error(`Kolada-filen ska börja med "${HEADER_START}…", inte "${lines[0]?.slice(0, 40)}".`);
  }
  const titles = new Map<string, string>();
  lines.slice(1).forEach((line, index) => {
    if (line === '') return;
    let values: string[];
    try {
      values = splitLine(line);
    } catch (error) {
      throw new Error(`Kolada-filen, rad ${index + 2}: ${(error as Error).message}.`);
    }
    const [id, title] = values;
    if (values.length !== COLUMNS || !id || !KPI_ID.test(id) || !title) {
      throw new Error(`Kolada-filen, rad ${index + 2}: inte ${COLUMNS} värden med id och titel.`);
    }
    if (titles.has(id)) throw new Error(`Kolada-filen, rad ${index + 2}: id ${id} finns redan.`);
    titles.set(id, title);
  });
  return titles;
}

let catalogue: Map<string, string> | undefined;

/** Kolada's title of a KPI ("Soliditet inkl pensionsåtag., %"); undefined for an unknown id. */
export function koladaKpiTitle(id: string): string | undefined {
  catalogue ??= parseKoladaKpis(readFileSync(koladaKpiFile, 'utf8'));
  return catalogue.get(id);
}
