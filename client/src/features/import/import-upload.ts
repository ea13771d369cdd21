/**
 * Sending a spreadsheet to the server's /import (server/src/modules/import/import-http.ts)
 * and reading its answer line by line. XMLHttpRequest rather than fetch: it tells how much
 * of the file is uploaded, and hands over the answer's lines as they arrive. The answer's
 * shapes are the server's own, from the shared package.
 */
import type { ImportKindChoice, ImportResult } from '@uppfoljning/domain';

export interface UploadProgress {
  sentBytes: number;
  totalBytes: number;
  rowsRead: number;
}

export type ImportAnswer = { result: ImportResult } | { error: { code: string; message: string } };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The kinds the server imports, for the choices and the template links. */
export async function fetchImportKinds(): Promise<ImportKindChoice[]> {
  const response = await fetch('/import/kinds', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { kinds: ImportKindChoice[] }).kinds;
}

const UNREACHABLE = 'Det gick inte att nå servern. Inget importerades; försök igen.';

/** Uploads the file; resolves with the server's last line, the result or a refusal. */
export function uploadImport(
  file: File,
  query: { period: string; kind: string; mode: 'preview' | 'confirm'; fingerprint?: string },
  onProgress: (progress: UploadProgress) => void,
): Promise<ImportAnswer> {
  return uploadFile<ImportResult>('/import', file, query, onProgress);
}

/**
 * Uploads a file to one of the server's import endpoints, which answer alike (the ledger's
 * too): NDJSON lines of progress, then the result or an error; a refusal before any line as
 * GraphQL answers one.
 */
export function uploadFile<Result>(
  path: string,
  file: File,
  query: Record<string, string | undefined>,
  onProgress: (progress: UploadProgress) => void,
): Promise<{ result: Result } | { error: { code: string; message: string } }> {
  type Answer = { result: Result } | { error: { code: string; message: string } };
  const given = Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined);
  const params = new URLSearchParams([...given, ['name', file.name]]);
  const progress: UploadProgress = { sentBytes: 0, totalBytes: file.size, rowsRead: 0 };
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let last: Answer | null = null;
    /** Reads the complete lines that arrived since the last call. */
    const readLines = () => {
      const text = xhr.responseText;
      let end: number;
      while ((end = text.indexOf('\n', seen)) >= 0) {
        const line = JSON.parse(text.slice(seen, end)) as { read?: number } & Partial<Answer>;
        seen = end + 1;
        if (typeof line.read === 'number') {
          progress.rowsRead = line.read;
          onProgress({ ...progress });
        } else if ('result' in line || 'error' in line) {
          last = line as Answer;
        }
      }
    };
    xhr.open('POST', `${path}?${params}`);
    // The server refuses the types a plain form could send cross-site (text/plain among
    // them), and browsers name a CSV file's type in different ways: it is set by the name.
    xhr.setRequestHeader('Content-Type', /\.csv$/i.test(file.name) ? 'text/csv' : XLSX_TYPE);
    xhr.upload.onprogress = (event) => {
      progress.sentBytes = event.loaded;
      if (event.lengthComputable) progress.totalBytes = event.total;
      onProgress({ ...progress });
    };
    xhr.onprogress = () => {
      if (xhr.getResponseHeader('Content-Type')?.includes('ndjson')) readLines();
    };
    xhr.onload = () => {
      if (xhr.getResponseHeader('Content-Type')?.includes('ndjson')) {
        readLines();
        resolve(last ?? { error: { code: 'INTERNAL_SERVER_ERROR', message: UNREACHABLE } });
        return;
      }
      try {
        const body = JSON.parse(xhr.responseText) as {
          errors?: { message: string; extensions?: { code?: string } }[];
        };
        const first = body.errors?.[0];
        resolve({
          error: { code: first?.extensions?.code ?? 'ERROR', message: first?.message ?? UNREACHABLE },
        });
      } catch {
        resolve({ error: { code: 'ERROR', message: UNREACHABLE } });
      }
    };
    xhr.onerror = () => resolve({ error: { code: 'NETWORK', message: UNREACHABLE } });
    xhr.send(file);
  });
}
