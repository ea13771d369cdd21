/**
 * Who may read what. Published reports are public documents (unless PUBLIC_REPORTS is off):
 * anyone may read the periods a published report covers. The working period (a period no
 * report has been published for yet) is for signed-in people of the kommun only.
 */
import type { RequestContext } from '../../context.js';
import { forbidden, unauthenticated } from '../../graphql/errors.js';
import type { IPeriod } from '../organisation/org-unit.entity.js';
import type { IReport } from '../reports/report.entity.js';

/** Signed in as someone of this kommun: reads its working period and draft reports too. */
export const readsWorkingData = (ctx: RequestContext, kommunId: number): boolean =>
  ctx.viewer?.kommun.id === kommunId;

export function mayReadPeriod(ctx: RequestContext, period: IPeriod): boolean {
  if (readsWorkingData(ctx, period.kommun.id)) return true;
  return ctx.publicReports && period.hasPublishedReport;
}

/** Published reports are public documents; drafts are for the kommun's own staff. */
export function mayReadReport(ctx: RequestContext, report: IReport): boolean {
  if (readsWorkingData(ctx, report.kommun.id)) return true;
  return ctx.publicReports && report.status === 'published';
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
