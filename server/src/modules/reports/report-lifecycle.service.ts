/**
 * A report's life: an administratör drafts it for a unit and period (its sections start as
 * those of the unit's previous report), editors fill it, an administratör publishes it.
 * Publishing is final: from then on the report, and every follow-up of its unit and period,
 * is refused to every write path (edit-access.ts, and triggers in the database), so it says
 * forever what it said that day. Each step is audited in its own transaction.
 */
import { LockMode, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { RequestContext } from '../../context.js';
import { forbidden, parseId } from '../../graphql/errors.js';
import { AuditEntry } from '../audit/audit.entity.js';
import { User, type IUser } from '../auth/user.entity.js';
import { requireAdministrator } from '../editing/edit-access.js';
import { columnLength } from '../../db/column-length.js';
import { fieldErrors, thousands, type Outcome } from '../editing/validation.js';
import { OrgUnit, Period } from '../organisation/org-unit.entity.js';
import { createDraftReport } from './draft-report.service.js';
import { Report, ReportKeyFigure, ReportSection, reportTypes, type IReport } from './report.entity.js';
import { mayReadReport } from '../access/read-access.js';

const published = (message: string) => new GraphQLError(message, { extensions: { code: 'PUBLISHED' } });

/** The report, locked for the rest of the transaction; another kommun's is as if missing. */
async function lockedReport(em: EntityManager, admin: IUser, id: number): Promise<IReport> {
  const report = await em.findOne(
    Report,
    { id, kommun: admin.kommun.id },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!report) throw forbidden('Rapporten finns inte i din kommun.');
  return report;
}

function audit(em: EntityManager, ctx: RequestContext, admin: IUser, report: IReport, change: object) {
  em.create(AuditEntry, {
    user: admin.id,
    entity: 'Report',
    entityId: report.id,
    ...change,
    requestId: ctx.requestId,
  } as never);
}

const MAX_TITLE = columnLength(Report, 'title');
const newDraft = z.object({
  type: z.enum(reportTypes),
  title: z
    .string()
    .trim()
    .min(1, 'Ange en rubrik.')
    .max(MAX_TITLE, `Rubriken får vara högst ${thousands(MAX_TITLE)} tecken.`),
});

/** A readable, stable key: the unit's, the type's and the period's, as the demo's keys read. */
const draftKey = (unitKey: string, type: string, periodKey: string) =>
  `${unitKey}-${type}-${periodKey}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80);

export async function draftReport(
  ctx: RequestContext,
  input: { unitId: string; periodId: string; type: string; title: string },
): Promise<Outcome<IReport>> {
  const admin = requireAdministrator(ctx);
  const unitId = parseId(input.unitId, 'unitId');
  const periodId = parseId(input.periodId, 'periodId');
  const parsed = newDraft.safeParse(input);
  if (!parsed.success) return { invalid: fieldErrors(parsed.error) };
  return ctx.em.transactional(async (em) => {
    const kommun = admin.kommun.id;
    const [unit, period] = await Promise.all([
      em.findOne(OrgUnit, { id: unitId, kommun }),
      em.findOne(Period, { id: periodId, kommun }),
    ]);
    if (!unit) return { invalid: [{ field: 'unitId', message: 'Enheten finns inte i din kommun.' }] };
    if (!period) return { invalid: [{ field: 'periodId', message: 'Perioden finns inte i din kommun.' }] };
    const { type, title } = parsed.data;
    const key = draftKey(unit.key, type, period.key);
    const existing = await em.findOne(Report, { kommun, key });
    if (existing) {
      const what = existing.status === 'published' ? 'en publicerad rapport' : 'ett utkast';
      return {
        invalid: [
          {
            field: 'type',
            message: `Det finns redan ${what} av den typen för ${unit.name}, ${period.label}.`,
          },
        ],
      };
    }
    const report = await createDraftReport(em, { kommunId: kommun, unitId, periodId, key, type, title });
    audit(em, ctx, admin, report, { action: 'create', before: null, after: { key, type, title } });
    await em.flush();
    return { ok: report };
  });
}

/**
 * Publishes a draft. A report with an empty section is refused rather than published: a
 * published report can never be mended.
 */
export async function publishReport(ctx: RequestContext, rawId: string): Promise<Outcome<IReport>> {
  const admin = requireAdministrator(ctx);
  const id = parseId(rawId, 'id');
  return ctx.em.transactional(async (em) => {
    const report = await lockedReport(em, admin, id);
    if (report.status === 'published') {
      const when = report.publishedAt ? ` ${report.publishedAt}` : '';
      throw published(`Rapporten publicerades${when} och kan inte publiceras igen.`);
    }
    const sections = await em.find(ReportSection, { report }, { orderBy: { position: 'asc' } });
    const empty = sections.filter((s) => s.body.trim() === '');
    if (sections.length === 0 || empty.length > 0) {
      const message =
        sections.length === 0
          ? 'Rapporten har inga avsnitt.'
          : `Avsnitten ${empty.map((s) => `”${s.heading}”`).join(', ')} saknar text.`;
      return { invalid: [{ field: 'sections', message: `Rapporten publicerades inte: ${message}` }] };
    }
    report.status = 'published';
    report.publishedAt = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    report.publishedBy = em.getReference(User, admin.id);
    audit(em, ctx, admin, report, {
      action: 'update',
      before: { status: 'draft' },
      after: { status: 'published', publishedAt: report.publishedAt },
    });
    await em.flush();
    return { ok: report };
  });
}

/** Removes a draft that should not be published; a published report is never removed. */
export async function deleteDraftReport(ctx: RequestContext, rawId: string): Promise<string> {
  const admin = requireAdministrator(ctx);
  const id = parseId(rawId, 'id');
  return ctx.em.transactional(async (em) => {
    const report = await lockedReport(em, admin, id);
    if (report.status === 'published') {
      throw published('En publicerad rapport är en allmän handling och kan inte tas bort.');
    }
    const sections = await em.find(ReportSection, { report });
    audit(em, ctx, admin, report, {
      action: 'delete',
      before: { key: report.key, title: report.title, sections: sections.map((s) => s.heading) },
      after: null,
    });
    await em.nativeDelete(ReportKeyFigure, { report });
    em.remove([...sections, report]);
    await em.flush();
    return String(id);
  });
}

/**
 * The latest published report of the unit or, when it has none of its own, of the nearest
 * unit above it: an office's report shows its departments too. Above it in the report's own
 * period: a unit moved from a later period is still shown by its old office's reports. One
 * statement.
 */
export async function latestPublishedReport(
  ctx: RequestContext,
  unit: { id: number },
): Promise<IReport | null> {
  // The report's unit's path in the report's period, and the unit's there.
  const pathOf = (alias: string, unitColumn: string) =>
    `(select p.path from org_unit_version p where p.unit_id = ${unitColumn} and p.period_id = ${alias}.period_id)`;
  const candidates = await ctx.em.find(
    Report,
    {
      status: 'published',
      [raw((alias) => `starts_with(${pathOf(alias, '?')}, ${pathOf(alias, `${alias}.unit_id`)})`, [unit.id])]:
        [],
    },
    {
      populate: ['period', 'unit'],
      // Nearest unit first (the longest path in the report's period), then the latest period.
      orderBy: [
        { [raw((alias) => `length(${pathOf(alias, `${alias}.unit_id`)})`)]: 'desc' },
        { period: { endDate: 'desc' }, publishedAt: 'desc', id: 'desc' },
      ],
    },
  );
  const readable = candidates.filter((r) => mayReadReport(ctx, r));
  return readable[0] ?? null;
}
