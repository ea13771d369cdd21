/**
 * Who may read what. Signed-in people of a kommun read all of it: the working period and
 * the drafts too. Everyone else (when PUBLIC_REPORTS is on) reads exactly what the published
 * reports show: a report's unit and the units below it, for the report's period
 * (published-reports.ts). Publishing one office's report makes nothing of another unit
 * public, not even in the same period. Without PUBLIC_REPORTS nobody reads anything without
 * signing in (graphql/sign-in-required.ts).
 *
 * The organisation itself (the units' names and their place in the tree) and the list of
 * periods with a published report are navigation: public, so that a reader can find the
 * published reports. A unit's follow-up is not.
 */
import type { RequestContext } from '../../context.js';
import { forbidden, unauthenticated } from '../../graphql/errors.js';
import type { IOrgUnit, IPeriod } from '../organisation/org-unit.entity.js';
import type { IReport } from '../reports/report.entity.js';
import { shownInPublishedReport } from './published-reports.js';

/** Signed in as someone of this kommun: reads its working period and draft reports too. */
export const readsWorkingData = (ctx: RequestContext, kommunId: number): boolean =>
  ctx.viewer?.kommun.id === kommunId;

/**
 * Whether the period may be offered at all: any period to the kommun's own people, else one
 * that some published report covers. Reading a unit's follow-up in it is decided apart
 * (mayReadFollowUp).
 */
export function mayReadPeriod(ctx: RequestContext, period: IPeriod): boolean {
  if (readsWorkingData(ctx, period.kommun.id)) return true;
  return ctx.publicReports && period.hasPublishedReport;
}

/** Published reports are public documents; drafts are for the kommun's own staff. */
export function mayReadReport(ctx: RequestContext, report: IReport): boolean {
  if (readsWorkingData(ctx, report.kommun.id)) return true;
  return ctx.publicReports && report.status === 'published';
}

/**
 * Whether the request may read a record of these units in the period: the kommun's own
 * people always, anyone else when a published report shows it (by the units' ids in the
 * period's tree). A period without a published report costs no statement.
 */
export async function mayReadFollowUp(
  ctx: RequestContext,
  period: IPeriod,
  units: readonly Pick<IOrgUnit, 'id'>[],
): Promise<boolean> {
  if (!mayReadPeriod(ctx, period)) return false;
  if (readsWorkingData(ctx, period.kommun.id)) return true;
  return shownInPublishedReport(ctx, period, units);
}

/** The rows the request may read, in their order; `shownBy` says whose and when each is. */
export async function readableRows<T>(
  ctx: RequestContext,
  kommunId: number,
  rows: T[],
  shownBy: (row: T) => { period: IPeriod; units: readonly Pick<IOrgUnit, 'id'>[] },
): Promise<T[]> {
  if (readsWorkingData(ctx, kommunId)) return rows;
  const readable = await Promise.all(
    rows.map((row) => {
      const { period, units } = shownBy(row);
      return mayReadFollowUp(ctx, period, units);
    }),
  );
  return rows.filter((_, i) => readable[i]);
}

/**
 * The refusal of a record no published report shows: sign in, or for someone of another
 * kommun, that it is not theirs. `what` is the Swedish subject with its participle, e.g.
 * "Uppdraget är inte publicerat" or "Indikatorn är inte publicerad".
 */
export function notPublished(ctx: RequestContext, what: string): Error {
  if (!ctx.viewer) return unauthenticated(`${what} ännu. Logga in för att läsa.`);
  return forbidden(`${what} ännu och hör till en annan kommun.`);
}

/** Refuses a period the request may not read, saying what to do about it. */
export function assertMayReadPeriod(ctx: RequestContext, period: IPeriod): void {
  if (mayReadPeriod(ctx, period)) return;
  if (!ctx.viewer) {
    throw unauthenticated(
      ctx.publicReports
        ? `Perioden ${period.label} är inte publicerad ännu. Logga in för att läsa den.`
        : 'Logga in för att läsa uppföljningen.',
    );
  }
  throw forbidden('Perioden hör till en annan kommun och är inte publicerad ännu.');
}

/**
 * Refuses a unit's follow-up in a period that no published report shows. The period itself
 * is checked first, so that a working period answers as it always has.
 */
export async function assertMayReadFollowUp(
  ctx: RequestContext,
  unit: IOrgUnit,
  period: IPeriod,
): Promise<void> {
  assertMayReadPeriod(ctx, period);
  if (await mayReadFollowUp(ctx, period, [unit])) return;
  throw notPublishedFollowUp(ctx, unit, period);
}

export function notPublishedFollowUp(ctx: RequestContext, unit: IOrgUnit, period: IPeriod | null): Error {
  const when = period ? ` för ${period.label}` : '';
  if (!ctx.viewer) {
    return unauthenticated(
      `Uppföljningen av ${unit.name}${when} är inte publicerad ännu. Logga in för att läsa den.`,
    );
  }
  return forbidden(
    `Uppföljningen av ${unit.name}${when} hör till en annan kommun och är inte publicerad ännu.`,
  );
}
