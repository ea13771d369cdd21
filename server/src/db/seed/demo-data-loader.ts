/**
 * Loads the transcribed demo data into the database. The plan (units, goals, indicators,
 * assignments) goes through the spreadsheet import's kinds (demo-import.ts); the rest, and
 * what the sheets cannot say, is upserted on its natural key (the seed keys, or the unique
 * columns of follow-ups). So loading twice changes nothing and ids stay stable: links into
 * the app survive a `pnpm seed`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { Assignment, AssignmentFollowUp } from '../../modules/assignments/assignment.entity.js';
import { EconomyLine, EconomyTable, Investment } from '../../modules/economy/economy.entity.js';
import { Goal, GoalArea, GoalFollowUp } from '../../modules/goals/goal.entity.js';
import { Indicator, IndicatorFollowUp, IndicatorValue } from '../../modules/indicators/indicator.entity.js';
import { InternalControl } from '../../modules/internal-control/internal-control.entity.js';
import { Kommun, OrgUnit, Period } from '../../modules/organisation/org-unit.entity.js';
import { Report, ReportKeyFigure, ReportSection } from '../../modules/reports/report.entity.js';
import { SickLeave, StaffTurnover } from '../../modules/workforce/workforce.entity.js';
import { openPeriod, unversionedUnits } from '../../modules/organisation/period-opening.service.js';
import { createDraftReport } from '../../modules/reports/draft-report.service.js';
import { loadDemoUsers } from './demo-users.js';
import {
  importDemoSheets,
  noImportCounts,
  organisationSheet,
  parentsFirst,
  planSheets,
  type ImportCounts,
} from './demo-import.js';
import { readKommunSeeds, type KommunSeed } from './seed-files.js';
import { investmentChildren, seedAmount } from './printed-economy.js';
import type { signConventions } from './seed-schema.js';
import { investmentAmountFields, lineAmountFields } from '../../modules/economy/economy-figures.js';

type SignConvention = (typeof signConventions)[number];

/**
 * The stored amounts of a seed line in our convention (income +, costs and outlays −):
 * its kronor, checked against every printed figure when the seed was read.
 */
function amounts<F extends string>(
  fields: readonly F[],
  row: object,
  convention: SignConvention,
  reversed?: readonly string[],
): Record<F, number | null> {
  return Object.fromEntries(fields.map((f) => [f, seedAmount(row, f, convention, reversed)])) as Record<
    F,
    number | null
  >;
}

export interface LoadSummary {
  kommuner: number;
  rows: number;
  /** The outcomes of the rows the demo imported through the spreadsheet import's kinds. */
  imported: ImportCounts;
}

/**
 * A reload of the demo is deliberate, so it may rewrite what published demo reports show
 * (an upsert fires the refusal of additions before it finds its row): its transaction runs
 * with the database's triggers off. Only a superuser may turn them off, and only for this
 * transaction; as anyone else the triggers judge every row, which suffices for a first load
 * into an empty database (every report is published after its rows are written).
 */
async function allowReloadOfPublishedReports(tx: EntityManager): Promise<void> {
  const [me] = await tx.execute<{ superuser: boolean }[]>(
    `select rolsuper as superuser from pg_roles where rolname = current_user`,
  );
  if (me?.superuser) await tx.execute(`set local session_replication_role = replica`);
}

export async function loadDemoData(em: EntityManager): Promise<LoadSummary> {
  const seeds = readKommunSeeds();
  let rows = 0;
  const imported = noImportCounts();
  await em.transactional(async (tx) => {
    await allowReloadOfPublishedReports(tx);
    for (const seed of seeds) rows += await loadKommun(tx, seed, imported);
    rows += await loadDemoUsers(tx);
  });
  return { kommuner: seeds.length, rows, imported };
}

/** The ids of a kommun's records by the seed's keys; a seed key the table lacks fails the load. */
async function seedIds(
  em: EntityManager,
  table: 'goal' | 'goal_area',
  kommunId: number,
  items: readonly { key: string }[],
  where: string,
): Promise<Map<string, number>> {
  const rows = await em.execute<{ id: number; key: string }[]>(
    `select id, key from ${table} where kommun_id = ?`,
    [kommunId],
  );
  const ids = new Map(rows.map((r) => [r.key, r.id] as const));
  const missing = items.filter((i) => !ids.has(i.key)).map((i) => i.key);
  if (missing.length) {
    throw new Error(
      `${where}: ${table} har ingen rad med nyckeln ${missing.join(', ')}; importen ger mål och målområden nycklar från koderna (mal-<kod>, omrade-<kod>).`,
    );
  }
  return ids;
}

async function loadKommun(em: EntityManager, seed: KommunSeed, imported: ImportCounts): Promise<number> {
  let rows = 0;
  /** Upsert on the given unique columns and return the ids by the seed key. */
  async function upsert<T extends object>(
    entity: EntityName<T>,
    data: Record<string, unknown>[],
    onConflictFields: string[],
    onConflictMergeFields?: string[],
  ): Promise<T[]> {
    if (data.length === 0) return [];
    rows += data.length;
    return em.upsertMany(entity, data as never[], {
      onConflictFields: onConflictFields as never,
      onConflictAction: 'merge',
      ...(onConflictMergeFields && { onConflictMergeFields: onConflictMergeFields as never }),
    });
  }
  const idsByKey = (items: { id: number; key: string }[]) =>
    new Map(items.map((i) => [i.key, i.id] as const));
  const idOf = (map: Map<string, number>, key: string | null | undefined): number | null => {
    if (key == null) return null;
    const id = map.get(key);
    if (id === undefined) throw new Error(`${seed.dir}: okänd nyckel ${key}`);
    return id;
  };

  const [kommun] = await upsert(
    Kommun,
    [{ key: seed.dir, name: seed.kommun.name, koladaCode: seed.kommun.code }],
    ['key'],
  );
  const kommunId = kommun!.id;

  const periods = idsByKey(
    await upsert(
      Period,
      seed.periods.map((p) => ({
        kommun: kommunId,
        key: p.key,
        label: p.label,
        kind: p.kind,
        startDate: p.start,
        endDate: p.end,
      })),
      ['kommun', 'key'],
    ),
  );
  // Parents before children, so every parent id is known when its children are written.
  // A unit's position among its siblings is the loader's: the import does not say it.
  const units = new Map<string, number>();
  const ordered = parentsFirst(seed.units);
  const upsertUnits = async (only: (unit: KommunSeed['units'][number]) => boolean) => {
    for (const [position, unit] of ordered.entries()) {
      if (!only(unit)) continue;
      const [row] = await upsert(
        OrgUnit,
        [
          {
            kommun: kommunId,
            key: unit.key,
            name: unit.name,
            shortName: unit.shortName ?? null,
            kind: unit.kind,
            parent: idOf(units, unit.parent),
            position,
          },
        ],
        ['kommun', 'key'],
      );
      units.set(unit.key, row!.id);
    }
    await em.execute(
      `with recursive tree as (
         select id, '/' || id || '/' as path from org_unit where kommun_id = ? and parent_id is null
         union all
         select u.id, t.path || u.id || '/' from org_unit u join tree t on u.parent_id = t.id
       )
       update org_unit set path = tree.path from tree where org_unit.id = tree.id`,
      [kommunId],
    );
    // Each unit as the seed names it, in every period it has no version in yet (a reload
    // leaves the versions, as it leaves what a published report shows).
    await em.execute(em.getKnex().raw(unversionedUnits, { kommun: kommunId, period: null }));
  };
  // A kommun comes with its own unit, as one created by the administration does: the
  // organisation sheet places every other unit under it.
  await upsertUnits((unit) => unit.parent === null);
  // In period order: the organisation from the earliest period on, then each period's plan.
  const inOrder = [...seed.periods].sort((a, b) => a.start.localeCompare(b.start));
  const targetOf = (key: string) => ({
    kommunId,
    periodId: idOf(periods, key)!,
    userId: null,
    requestId: null,
  });
  const where = (period: string) => `${seed.dir} ${period}`;
  if (inOrder[0]) {
    const first = inOrder[0].key;
    await importDemoSheets(em, targetOf(first), where(first), [organisationSheet(seed)], imported);
  }

  await upsertUnits(() => true);

  for (const period of inOrder) {
    const year = Number(period.end.slice(0, 4));
    await importDemoSheets(
      em,
      targetOf(period.key),
      where(period.key),
      planSheets(seed, period.key, year),
      imported,
    );
  }

  // The goals and areas the sheets made, and those they do not name (followed up in no
  // period), written now: written before the import, every goal would come back changed
  // rather than new. A sheet has no column for a goal's key: the import gives one from
  // its code, which the seed's keys are (checked, so a seed key the import would not
  // give fails the load instead of making a second goal).
  const sheetGoals = new Set(seed.goalFollowUps.map((f) => f.goal));
  const sheetAreas = new Set(seed.goals.filter((g) => sheetGoals.has(g.key)).map((g) => g.area));
  await upsert(
    GoalArea,
    seed.goalAreas
      .filter((a) => !sheetAreas.has(a.key))
      .map((a) => ({
        kommun: kommunId,
        key: a.key,
        code: a.code,
        title: a.title,
        agenda2030: a.agenda2030 ?? [],
      })),
    ['kommun', 'key'],
  );
  const areas = await seedIds(em, 'goal_area', kommunId, seed.goalAreas, seed.dir);
  await upsert(
    Goal,
    seed.goals
      .filter((g) => !sheetGoals.has(g.key))
      .map((g) => ({
        kommun: kommunId,
        key: g.key,
        code: g.code,
        title: g.title,
        area: idOf(areas, g.area),
      })),
    ['kommun', 'key'],
  );
  const goals = await seedIds(em, 'goal', kommunId, seed.goals, seed.dir);

  // The assessments, trends and comments of the follow-ups the import made, and what the
  // sheets cannot express, upserted on their natural keys.
  await upsert(
    GoalFollowUp,
    seed.goalFollowUps.map((f) => ({
      goal: idOf(goals, f.goal),
      unit: idOf(units, f.unit),
      period: idOf(periods, f.period),
      assessment: f.assessment,
      trend: f.trend,
      analysis: f.analysis,
    })),
    ['goal', 'unit', 'period'],
  );

  const indicators = idsByKey(
    await upsert(
      Indicator,
      seed.indicators.map((i) => ({
        kommun: kommunId,
        key: i.key,
        goal: idOf(goals, i.goal),
        name: i.name,
        unitOfMeasure: i.unit,
        direction: i.direction,
        origin: i.origin,
        responsibleUnit: idOf(units, i.responsibleUnit),
        koladaKpiId: i.koladaKpiId ?? null,
      })),
      ['kommun', 'key'],
    ),
  );
  await upsert(
    IndicatorValue,
    seed.indicators.flatMap((i) =>
      (['outcome', 'target'] as const).flatMap((kind) =>
        (kind === 'outcome' ? i.values : i.targets).map((v) => ({
          indicator: idOf(indicators, i.key),
          kind,
          year: v.year,
          value: v.value,
          preliminary: v.preliminary ?? false,
          label: v.label ?? null,
          note: v.note ?? null,
        })),
      ),
    ),
    ['indicator', 'kind', 'year'],
  );
  await upsert(
    IndicatorFollowUp,
    seed.indicatorFollowUps.map((f) => ({
      indicator: idOf(indicators, f.indicator),
      unit: idOf(units, f.unit),
      period: idOf(periods, f.period),
      assessment: f.assessment,
      trend: f.trend,
      comment: f.comment,
      commentDate: f.commentDate,
    })),
    ['indicator', 'unit', 'period'],
  );

  // Successors refer to other assignments: write all first, then link.
  const assignmentRow = (a: KommunSeed['assignments'][number], successor: number | null) => ({
    kommun: kommunId,
    key: a.key,
    kind: a.kind,
    title: a.title,
    ownerUnit: idOf(units, a.ownerUnit),
    responsibleUnit: idOf(units, a.responsibleUnit),
    dueDate: a.dueDate,
    originYear: a.originYear,
    successor,
  });
  const assignments = idsByKey(
    await upsert(
      Assignment,
      seed.assignments.map((a) => assignmentRow(a, null)),
      ['kommun', 'key'],
    ),
  );
  const withSuccessor = seed.assignments.filter((a) => a.successor);
  await upsert(
    Assignment,
    withSuccessor.map((a) => assignmentRow(a, idOf(assignments, a.successor))),
    ['kommun', 'key'],
  );
  await upsert(
    AssignmentFollowUp,
    seed.assignmentFollowUps.map((f) => ({
      assignment: idOf(assignments, f.assignment),
      period: idOf(periods, f.period),
      goal: idOf(goals, f.goal),
      status: f.status,
      forecast: f.forecast,
      comment: f.comment,
      commentDate: f.commentDate,
      deviationReason: f.deviationReason ?? null,
      newTimeline: f.newTimeline ?? null,
      newDueDate: f.newDueDate ?? null,
    })),
    ['assignment', 'period'],
  );

  for (const table of seed.economyTables) {
    const [row] = await upsert(
      EconomyTable,
      [
        {
          unit: idOf(units, table.unit),
          period: idOf(periods, table.period),
          ledger: table.ledger,
          dimension: table.dimension,
          forecastLabel: table.forecastLabel,
          monthLabel: table.monthLabel ?? null,
          subtotals:
            table.subtotals?.map((s) => ({
              label: s.label,
              lines: s.lines.map((label) => table.lines.findIndex((l) => l.label === label)),
            })) ?? null,
        },
      ],
      ['unit', 'period', 'ledger', 'dimension'],
    );
    await upsert(
      EconomyLine,
      table.lines.map((l, position) => ({
        table: row!.id,
        unit: idOf(units, l.unit),
        accountGroup: l.accountGroup,
        partOf: l.partOf ?? null,
        label: l.label,
        position,
        ...amounts(lineAmountFields, l, table.signConvention),
        deviationExplanation: l.deviationExplanation ?? null,
        forecastExplanation: l.forecastExplanation ?? null,
        countsInTotal: l.countsInTotal ?? true,
        note: l.note ?? null,
      })),
      ['table', 'position'],
    );
  }

  // Category lines first so that projects can point at them; they store no amounts.
  for (const table of seed.investmentTables) {
    const categories = investmentChildren(table);
    const ids = new Map<string, number>();
    for (const inv of parentsFirst(table.lines)) {
      const [row] = await upsert(
        Investment,
        [
          {
            unit: idOf(units, inv.unit),
            period: idOf(periods, table.period),
            key: inv.key,
            parent: idOf(ids, inv.parent),
            position: table.lines.indexOf(inv),
            projectNumber: inv.projectNumber,
            name: inv.name,
            ...(categories.has(inv.key)
              ? Object.fromEntries(investmentAmountFields.map((f) => [f, null]))
              : amounts(investmentAmountFields, inv, table.signConvention, inv.signReversed)),
            comment: inv.comment ?? null,
            note: inv.note ?? null,
          },
        ],
        ['unit', 'period', 'key'],
      );
      ids.set(inv.key, row!.id);
    }
  }

  const positioned = <T extends { unit: string; period: string }>(items: T[]) => {
    const counters = new Map<string, number>();
    return items.map((item) => {
      const scope = `${item.unit}|${item.period}`;
      const position = counters.get(scope) ?? 0;
      counters.set(scope, position + 1);
      return { item, unit: idOf(units, item.unit), period: idOf(periods, item.period), position };
    });
  };
  await upsert(
    SickLeave,
    positioned(seed.sickLeave).map(({ item, ...at }) => ({
      ...at,
      measured: item.measured,
      group: item.group,
      scope: item.scope,
      percent: item.percent,
    })),
    ['unit', 'period', 'position'],
  );
  await upsert(
    StaffTurnover,
    positioned(seed.staffTurnover).map(({ item, ...at }) => ({
      ...at,
      year: item.year,
      kind: item.kind,
      scope: item.scope,
      percent: item.percent,
    })),
    ['unit', 'period', 'position'],
  );
  await upsert(
    InternalControl,
    positioned(seed.internalControls).map(({ item, ...at }) => ({
      ...at,
      risk: item.risk,
      description: item.description,
      riskValue: item.riskValue,
      followUp: item.followUp,
      result: item.result,
      assessment: item.assessment,
      action: item.action,
    })),
    ['unit', 'period', 'position'],
  );

  for (const report of seed.reports) {
    // Written as a draft and then published, as any report is: the database refuses
    // additions to a published report, and a reload leaves the status alone.
    const [row] = await upsert(
      Report,
      [
        {
          kommun: kommunId,
          key: report.key,
          unit: idOf(units, report.unit),
          period: idOf(periods, report.period),
          type: report.type,
          title: report.title,
          status: 'draft',
          publishedAt: null,
          source: report.source,
        },
      ],
      ['kommun', 'key'],
      ['unit', 'period', 'type', 'title', 'source'],
    );
    await upsert(
      ReportSection,
      report.sections.map((s, position) => ({ report: row!.id, position, heading: s.heading, body: s.body })),
      ['report', 'position'],
    );
    await upsert(
      ReportKeyFigure,
      (report.keyFigures ?? []).map((f, position) => ({
        report: row!.id,
        position,
        label: f.label,
        value: f.value,
        unit: f.unit,
      })),
      ['report', 'position'],
    );
    // The source documents are reports the boards have already dealt with.
    await em.nativeUpdate(
      Report,
      { id: row!.id, status: 'draft' },
      { status: 'published', publishedAt: report.publishedAt },
    );
  }

  // Opened once: a reload must not overwrite what editors have written in it since.
  for (const working of seed.workingPeriods) {
    let period = await em.findOne(Period, { kommun: kommunId, key: working.key });
    if (!period) {
      period = await openPeriod(em, kommunId, working);
      rows++;
    }
    for (const draft of working.draftReports) {
      if (await em.count(Report, { kommun: kommunId, key: draft.key })) continue;
      await createDraftReport(em, {
        ...draft,
        kommunId,
        unitId: idOf(units, draft.unit)!,
        periodId: period.id,
      });
      rows++;
    }
  }
  return rows;
}
