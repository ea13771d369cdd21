/**
 * What the device keeps for reading without a connection, in IndexedDB (idb-keyval): each
 * stored report with the answers to every query its screens make, and the last answers to
 * the app's own queries (the start page, who is signed in).
 */
import { clear, createStore, del, get, set, values } from 'idb-keyval';

export interface StoredReport {
  reportId: string;
  /** The unit the report is of; the latest of each unit replaces the one before it. */
  unitId: string;
  title: string;
  periodLabel: string;
  publishedAt: string | null;
  /** Kept until the reader removes it, even when a newer report of the unit comes. */
  pinned: boolean;
  savedAt: string;
  /** The size of the stored answers as UTF-8 JSON. */
  bytes: number;
  /** Answers by operationKey. */
  answers: Record<string, unknown>;
}

const reports = createStore('uppfoljning-offline', 'reports');
const shell = createStore('uppfoljning-shell', 'answers');

let cache: Promise<StoredReport[]> | null = null;
const listeners = new Set<() => void>();

/** Every stored report, newest publication first; read once and kept in memory. */
export function storedReports(): Promise<StoredReport[]> {
  cache ??= values<StoredReport>(reports)
    .then((all) => all.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '')))
    .catch(() => []);
  return cache;
}

function changed() {
  cache = null;
  for (const listener of listeners) listener();
}

export function onStoredReportsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function storedReport(reportId: string): Promise<StoredReport | undefined> {
  return (await storedReports()).find((r) => r.reportId === reportId);
}

/** Stores a report; an earlier unpinned report of the same unit gives way to it. */
export async function saveReport(report: StoredReport): Promise<void> {
  const superseded = (await storedReports()).filter(
    (r) => r.unitId === report.unitId && r.reportId !== report.reportId && !r.pinned,
  );
  await set(report.reportId, report, reports);
  for (const old of superseded) await del(old.reportId, reports);
  changed();
}

export async function removeReport(reportId: string): Promise<void> {
  await del(reportId, reports);
  changed();
}

/** The stored answer to an operation, from the newest report that has it. */
export async function storedAnswer(
  key: string,
): Promise<{ data: unknown; report: StoredReport | null } | null> {
  for (const report of await storedReports()) {
    if (key in report.answers) return { data: report.answers[key], report };
  }
  const data = await get<unknown>(key, shell).catch(() => undefined);
  return data === undefined ? null : { data, report: null };
}

/** The latest answer to one of the app's own queries (the start page, who is signed in). */
export const saveShellAnswer = (key: string, data: unknown) => set(key, data, shell).catch(() => undefined);

/** On signing out: what was stored may hold the working period, which is not public. */
export async function forgetEverything(): Promise<void> {
  await Promise.all([clear(reports), clear(shell)]).catch(() => undefined);
  changed();
}
