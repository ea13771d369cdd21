/**
 * Downloads a published report with everything its screens show, so that each of them
 * opens with no network: the report, the follow-up of its unit and every unit below it
 * (overview and each section), and the page of every goal, indicator and assignment on
 * them. The answers are recorded as the server gave them (offline-link.ts) and stored on
 * the device (offline-store.ts). Loaded only when a report is to be kept.
 */
import type { ApolloClient, DocumentNode } from '@apollo/client';
import {
  AssignmentPageDocument,
  AssignmentsSectionDocument,
  EconomySectionDocument,
  GoalPageDocument,
  GoalsSectionDocument,
  IndicatorPageDocument,
  IndicatorsSectionDocument,
  InternalControlSectionDocument,
  PersonnelSectionDocument,
  ReportPageDocument,
  ReportsSectionDocument,
  UnitPageDocument,
} from '../gql/graphql';
import type { UnitPageQuery } from '../gql/graphql';
import type { RecordingContext } from './offline-link';
import { operationKey } from './operation-key';
import { saveReport, storedReport, type StoredReport } from './offline-store';

/** The queries of a unit's screens for one period: the overview and its sections. */
const UNIT_SCREENS: [string, DocumentNode][] = [
  ['UnitPage', UnitPageDocument],
  ['GoalsSection', GoalsSectionDocument],
  ['IndicatorsSection', IndicatorsSectionDocument],
  ['AssignmentsSection', AssignmentsSectionDocument],
  ['EconomySection', EconomySectionDocument],
  ['PersonnelSection', PersonnelSectionDocument],
  ['InternalControlSection', InternalControlSectionDocument],
];

/** Detail pages, by the type of the record they show. */
const DETAIL_SCREENS: Record<string, DocumentNode> = {
  Goal: GoalPageDocument,
  Indicator: IndicatorPageDocument,
  Assignment: AssignmentPageDocument,
};

/**
 * Queries in flight at a time. They travel in batches of up to 25 (apollo/client.ts), so a
 * level of the drill-down or a round of detail pages is a request or two.
 */
const PARALLEL = 25;

async function inParallel<T>(items: T[], work: (item: T) => Promise<unknown>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

/** The ids of the goals, indicators and assignments an answer mentions. */
function detailsIn(value: unknown, found: Map<string, string>) {
  if (Array.isArray(value)) {
    for (const item of value) detailsIn(item, found);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const typename = record.__typename;
    if (typeof typename === 'string' && typename in DETAIL_SCREENS && typeof record.id === 'string') {
      found.set(`${typename}:${record.id}`, typename);
    }
    for (const field of Object.values(record)) detailsIn(field, found);
  }
}

interface ReportAnswer {
  report: {
    id: string;
    title: string;
    publishedAt: string | null;
    status: string;
    unit: { id: string };
    period: { id: string; label: string };
  };
}

export interface DownloadOptions {
  /** Kept when a newer report of the unit comes. */
  pinned: boolean;
  /**
   * The latest published report of its unit: its answers also serve the unit's screens
   * opened without a period, which show the latest period.
   */
  latest: boolean;
}

export async function downloadReport(
  client: ApolloClient,
  reportId: string,
  options: DownloadOptions,
): Promise<StoredReport> {
  const answers: Record<string, unknown> = {};
  const context: RecordingContext = { record: (key, data) => (answers[key] = data) };
  const run = (query: DocumentNode, variables: Record<string, unknown>) =>
    client.query({ query, variables, fetchPolicy: 'network-only', context }).catch(() => undefined);

  await run(ReportPageDocument, { id: reportId });
  const report = (answers[operationKey('ReportPage', { id: reportId })] as ReportAnswer | undefined)?.report;
  if (!report || report.status !== 'PUBLISHED')
    throw new Error('Bara publicerade rapporter sparas för offline.');
  const periodId = report.period.id;

  // The unit and everything below it, a level at a time.
  const aliases: [string, string][] = [];
  for (let level = [report.unit.id]; level.length > 0;) {
    const next: string[] = [];
    await Promise.all([
      inParallel(
        level.flatMap((unitId) => UNIT_SCREENS.map(([name, query]) => ({ unitId, name, query }))),
        async ({ unitId, name, query }) => {
          await run(query, { unitId, periodId });
          const key = operationKey(name, { unitId, periodId });
          aliases.push([operationKey(name, { unitId }), key]);
          if (name === 'UnitPage') {
            // The tree of the report's period: a unit moved later is walked where it was.
            const unit = (answers[key] as UnitPageQuery | undefined)?.unit;
            const place = unit?.followUp?.unitInPeriod ?? unit?.inPeriod;
            next.push(...(place?.children.map((c) => c.unitId) ?? []));
          }
        },
      ),
      // The reports list has no period; it travels in the same batches.
      inParallel(level, (unitId) => run(ReportsSectionDocument, { unitId })),
    ]);
    level = next;
  }

  // The pages of what the screens mention, and once more of what those pages mention (an
  // assignment's goal, a goal's indicators): every link of a stored screen leads somewhere.
  const fetched = new Set<string>();
  for (let round = 0; round < 2; round++) {
    const details = new Map<string, string>();
    detailsIn(answers, details);
    const fresh = [...details].filter(([key]) => !fetched.has(key));
    fresh.forEach(([key]) => fetched.add(key));
    await inParallel(fresh, ([key, typename]) =>
      run(DETAIL_SCREENS[typename]!, { id: key.slice(typename.length + 1) }),
    );
  }
  if (options.latest) {
    for (const [alias, key] of aliases) if (key in answers) answers[alias] = answers[key];
  }

  const stored: StoredReport = {
    reportId,
    unitId: report.unit.id,
    title: report.title,
    periodLabel: report.period.label,
    publishedAt: report.publishedAt,
    pinned: options.pinned,
    savedAt: new Date().toISOString(),
    bytes: new TextEncoder().encode(JSON.stringify(answers)).length,
    answers,
  };
  await saveReport(stored);
  // Stored data the browser may otherwise clear when space runs low; asked once it matters.
  await navigator.storage?.persist?.().catch(() => false);
  return stored;
}

const inFlight = new Map<string, Promise<StoredReport | undefined>>();

/** Keeps the latest published report of a unit on the device, once. */
export function keepLatest(client: ApolloClient, reportId: string): Promise<StoredReport | undefined> {
  let pending = inFlight.get(reportId);
  if (!pending) {
    pending = storedReport(reportId)
      .then((stored) => stored ?? downloadReport(client, reportId, { pinned: false, latest: true }))
      .catch(() => undefined)
      .finally(() => inFlight.delete(reportId));
    inFlight.set(reportId, pending);
  }
  return pending;
}
