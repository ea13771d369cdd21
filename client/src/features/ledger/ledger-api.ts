/**
 * The ledger import's endpoints (server/src/modules/economy-import/ledger-http.ts): the
 * kommun's mapping as JSON, and the file's upload as the spreadsheet import's. The shapes are
 * those the server answers.
 */
import { uploadFile, type UploadProgress } from '../import/import-upload';

/** Amounts by measure (budgetPeriod, outcomePeriod, …: the server's list), in whole kronor. */
export type Figures = Record<string, number | null>;

export interface LedgerMapping {
  delimiter: ';' | ',' | '\t';
  decimalComma: boolean;
  scale: 'kr' | 'tkr';
  signConvention: 'costsPositive' | 'costsNegative';
  columns: Record<string, string>;
  costCentres: { code: string; unitKey: string }[];
  accountGroups: { account: string; accountGroup: string }[];
}

export interface MappingAnswer {
  mapping: LedgerMapping | null;
  /** Each column role with its Swedish name, in the order of the form. */
  roles: { role: string; label: string }[];
  /** The measures among the roles, in the order of the economy's columns. */
  measures: string[];
  units: { key: string; name: string }[];
}

export type LineStatus = 'new' | 'changed' | 'unchanged' | 'cleared';

export interface LedgerResult {
  mode: 'preview' | 'confirm';
  committed: boolean;
  refusal: { code: string; message: string } | null;
  fingerprint: string;
  tables: {
    unitId: number;
    unitName: string;
    dimension: 'unit' | 'accountGroup';
    lines: {
      label: string;
      unitId: number;
      accountGroup: string | null;
      figures: Figures;
      status: LineStatus;
      /** A unit's line split by kontogrupp: the control totals per unit × kontogrupp. */
      byAccountGroup: { accountGroup: string; figures: Figures }[];
    }[];
    total: Figures;
  }[];
  kommun: Figures;
  /** Per unit × project: the investment it becomes, its written columns as they will be. */
  investments: {
    unitId: number;
    unitName: string;
    projectNumber: string;
    name: string;
    /** budgetYear, forecastYear, outcomeYear, outcomePreviousYear (the server's list). */
    figures: Figures;
    status: Exclude<LineStatus, 'cleared'>;
  }[];
  errors: { line: number; message: string }[];
  errorLines: number;
  counts: Record<LineStatus, number>;
  replaces: { fileName: string; importedAt: string } | null;
}

const UNREACHABLE = 'Det gick inte att nå servern. Försök igen.';

async function errorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { errors?: { message: string }[] };
    return body.errors?.[0]?.message ?? UNREACHABLE;
  } catch {
    return UNREACHABLE;
  }
}

export async function fetchMapping(): Promise<MappingAnswer | { error: string }> {
  const response = await fetch('/ledger-import/mapping', { credentials: 'same-origin' });
  if (!response.ok) return { error: await errorOf(response) };
  return (await response.json()) as MappingAnswer;
}

/** Saves the mapping; null when saved, else the server's Swedish answer. */
export async function saveMapping(mapping: LedgerMapping): Promise<string | null> {
  try {
    const response = await fetch('/ledger-import/mapping', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(mapping),
    });
    return response.ok ? null : await errorOf(response);
  } catch {
    return UNREACHABLE;
  }
}

export function uploadLedger(
  file: File,
  query: {
    format: LedgerFormat;
    period: string;
    mode: 'preview' | 'confirm';
    fingerprint?: string;
    forecastLabel?: string;
  },
  onProgress: (progress: UploadProgress) => void,
) {
  return uploadFile<LedgerResult>('/ledger-import', file, query, onProgress);
}

export type LedgerFormat = 'csv' | 'sie';

/** A SIE file by its name (.se, .si, .sie), else a CSV export: the choice the page starts from. */
export const formatOf = (file: File): LedgerFormat => (/\.(se|si|sie)$/i.test(file.name) ? 'sie' : 'csv');
