/**
 * The indicators of a period's plan: keyed by their code (the indicator's key in the
 * kommun), each under an inriktningsmål of the period, with a target per year and the
 * outcomes of earlier years. An indicator is in a period when a unit follows it up there:
 * the unit named, else its responsible unit, gets a follow-up with no assessment yet. Used
 * by the administration's form and by the spreadsheet import alike.
 *
 * Set-based: whatever the number of rows, six reads and at most six writes.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { executeBound } from '../../db/bound-query.js';
import { recordChanges, type AuditChange } from '../audit/record-changes.js';
import type { ImportTarget, ParsedRow } from '../import/import-kind.js';
import {
  changedFields,
  planPeriod,
  planUnits,
  PUBLISHED_ROW,
  unknownUnit,
  fieldsOfRow,
  writeRecords,
  wrongRow,
  type PlanRowError,
  type RecordTable,
  type PlanRowOutcome,
} from '../editing/plan-rows.js';
import { shownSets } from '../editing/published-sets.js';
import type { directions, indicatorOrigins } from './indicator.entity.js';
import { koladaKpiTitle } from './kolada-kpis.js';

export interface YearValue {
  year: number;
  value: number | null;
}

export interface IndicatorPlanRow {
  key: string;
  name: string;
  /** The code of an inriktningsmål of the period. */
  goalCode: string;
  unitOfMeasure: string;
  direction: (typeof directions)[number];
  decimals: number | null;
  origin: (typeof indicatorOrigins)[number];
  responsibleUnitKey: string;
  /** The unit that follows it up in the period; null: its responsible unit. */
  followUpUnitKey: string | null;
  koladaKpiId: string | null;
  /** Targets by year; a year left out keeps what it has. */
  targets: YearValue[];
  /** Outcomes of years before the period's; the period's own is reported in its follow-up. */
  outcomes: YearValue[];
}

interface IndicatorDbRow {
  id: number;
  key: string;
  name: string;
  goal_id: number;
  unit_of_measure: string;
  direction: string;
  decimals: number | null;
  origin: string;
  responsible_unit_id: number;
  kolada_kpi_id: string | null;
  /** The latest year a published report shows the indicator in; null when none does. */
  published_until: number | null;
}

type IndicatorFields = {
  name: string;
  goal: number;
  unitOfMeasure: string;
  direction: string;
  decimals: number | null;
  origin: string;
  responsibleUnit: number;
  koladaKpiId: string | null;
};

const fieldOf: Record<keyof IndicatorFields, keyof IndicatorPlanRow> = {
  name: 'name',
  goal: 'goalCode',
  unitOfMeasure: 'unitOfMeasure',
  direction: 'direction',
  decimals: 'decimals',
  origin: 'origin',
  responsibleUnit: 'responsibleUnitKey',
  koladaKpiId: 'koladaKpiId',
};

const indicatorTable: RecordTable<IndicatorFields> = {
  table: 'indicator',
  entity: 'Indicator',
  columns: {
    name: ['name', 'text'],
    goal: ['goal_id', 'int'],
    unitOfMeasure: ['unit_of_measure', 'text'],
    direction: ['direction', 'text'],
    decimals: ['decimals', 'smallint'],
    origin: ['origin', 'text'],
    responsibleUnit: ['responsible_unit_id', 'int'],
    koladaKpiId: ['kolada_kpi_id', 'text'],
  },
};

const fieldsOf = (i: IndicatorDbRow) => fieldsOfRow(indicatorTable, i);

const kinds = { targets: 'target', outcomes: 'outcome' } as const;

interface ValueWrite {
  indicator: string;
  kind: 'target' | 'outcome';
  year: number;
  value: number | null;
  before: number | null | undefined;
}

export async function saveIndicators(
  em: EntityManager,
  target: ImportTarget,
  rows: readonly ParsedRow<IndicatorPlanRow>[],
): Promise<PlanRowOutcome[]> {
  const period = await planPeriod(em, target);
  const units = await planUnits(em, target);
  const goals = new Map(
    (
      await em.execute<{ id: number; code: string }[]>(
        `select distinct g.id, g.code from goal g join goal_follow_up f on f.goal_id = g.id
          where f.period_id = ? and g.kommun_id = ?`,
        [period.id, target.kommunId],
      )
    ).map((g) => [g.code, g.id]),
  );
  const keys = JSON.stringify([...new Set(rows.map((r) => r.value.key))]);
  const existing = new Map(
    (
      await em.execute<IndicatorDbRow[]>(
        `with ${shownSets}
         select i.id, i.key, i.name, i.goal_id, i.unit_of_measure, i.direction, i.decimals, i.origin,
                i.responsible_unit_id, i.kolada_kpi_id, shown.until as published_until
           from indicator i
           left join (select f.indicator_id, max(extract(year from p.end_date))::int as until
                        from shown_indicator_follow_up f join period p on p.id = f.period_id
                       group by f.indicator_id) shown on shown.indicator_id = i.id
          where i.kommun_id = ? and i.key in (select jsonb_array_elements_text(?::jsonb))`,
        [target.kommunId, target.kommunId, keys],
      )
    ).map((i) => [i.key, i]),
  );
  const values = new Map(
    (
      await em.execute<{ indicator_id: number; kind: string; year: number; value: string | null }[]>(
        `select v.indicator_id, v.kind, v.year, v.value from indicator_value v join indicator i on i.id = v.indicator_id
          where i.kommun_id = ? and i.key in (select jsonb_array_elements_text(?::jsonb))`,
        [target.kommunId, keys],
      )
    ).map((v) => [`${v.indicator_id}:${v.kind}:${v.year}`, v.value === null ? null : Number(v.value)]),
  );
  const followed = new Set(
    (
      await em.execute<{ indicator_id: number; unit_id: number }[]>(
        `select f.indicator_id, f.unit_id from indicator_follow_up f join indicator i on i.id = f.indicator_id
          where f.period_id = ? and i.kommun_id = ?`,
        [period.id, target.kommunId],
      )
    ).map((f) => `${f.indicator_id}:${f.unit_id}`),
  );

  const inserts: { key: string; fields: IndicatorFields; row: number }[] = [];
  const updates: {
    id: number;
    before: IndicatorFields;
    after: IndicatorFields;
    fields: (keyof IndicatorFields)[];
  }[] = [];
  const valueWrites: ValueWrite[] = [];
  const followUps: { indicator: string; unitId: number }[] = [];
  const seen = new Map<string, number>();
  const outcomes: PlanRowOutcome[] = [];

  for (const { row, value } of rows) {
    const earlier = seen.get(value.key);
    if (earlier !== undefined) {
      outcomes.push(
        wrongRow(row, [{ field: 'key', message: `Koden ${value.key} finns redan på rad ${earlier}.` }]),
      );
      continue;
    }
    const errors: PlanRowError[] = [];
    const goal = goals.get(value.goalCode);
    if (goal === undefined) {
      errors.push({ field: 'goalCode', message: `Inriktningsmål ${value.goalCode} finns inte i perioden.` });
    }
    const responsible = units.get(value.responsibleUnitKey);
    if (!responsible)
      errors.push({ field: 'responsibleUnitKey', message: unknownUnit(value.responsibleUnitKey) });
    const followUpKey = value.followUpUnitKey ?? value.responsibleUnitKey;
    const followUpUnit = units.get(followUpKey);
    if (!followUpUnit && value.followUpUnitKey) {
      errors.push({ field: 'followUpUnitKey', message: unknownUnit(value.followUpUnitKey) });
    }
    if (value.koladaKpiId && !koladaKpiTitle(value.koladaKpiId)) {
      errors.push({
        field: 'koladaKpiId',
        message: `Kolada har inget nyckeltal med id ${value.koladaKpiId}.`,
      });
    }
    for (const o of value.outcomes.filter((o) => o.year >= period.year)) {
      errors.push({
        field: `outcomes.${o.year}`,
        message: `Utfallet för ${o.year} rapporteras i periodens uppföljning; här anges utfall för år före ${period.year}.`,
      });
    }
    if (errors.length || goal === undefined || !responsible || !followUpUnit) {
      outcomes.push(wrongRow(row, errors));
      continue;
    }

    const current = existing.get(value.key);
    const next: IndicatorFields = {
      name: value.name,
      goal,
      unitOfMeasure: value.unitOfMeasure,
      direction: value.direction,
      decimals: value.decimals,
      origin: value.origin,
      responsibleUnit: responsible.id,
      koladaKpiId: value.koladaKpiId,
    };
    const fields = current ? changedFields(fieldsOf(current), next) : [];
    const publishedUntil = current?.published_until ?? null;
    if (fields.length && publishedUntil !== null) {
      errors.push({
        field: fieldOf[fields[0]!],
        message: `Indikatorn ${value.key} ${PUBLISHED_ROW}`,
        published: true,
      });
    }
    const writes: ValueWrite[] = [];
    for (const series of ['targets', 'outcomes'] as const) {
      for (const v of value[series]) {
        const kind = kinds[series];
        const before = current ? values.get(`${current.id}:${kind}:${v.year}`) : undefined;
        if (before === v.value) continue;
        // A published report shows the whole series; a year after it may still be added.
        if (publishedUntil !== null && (before !== undefined || v.year <= publishedUntil)) {
          errors.push({
            field: `${series}.${v.year}`,
            message: `Värdet för ${v.year} ${PUBLISHED_ROW}`,
            published: true,
          });
        }
        writes.push({ indicator: value.key, kind, year: v.year, value: v.value, before });
      }
    }
    const addFollowUp = !current || !followed.has(`${current.id}:${followUpUnit.id}`);
    if (addFollowUp && (followUpUnit.published || responsible.published)) {
      errors.push({
        field: 'followUpUnitKey',
        message: `${followUpUnit.name}s uppföljning ${PUBLISHED_ROW}`,
        published: true,
      });
    }
    if (errors.length) {
      outcomes.push(wrongRow(row, errors));
      continue;
    }

    seen.set(value.key, row);
    if (current) {
      if (fields.length) updates.push({ id: current.id, before: fieldsOf(current), after: next, fields });
    } else {
      inserts.push({ key: value.key, fields: next, row });
    }
    valueWrites.push(...writes);
    if (addFollowUp) followUps.push({ indicator: value.key, unitId: followUpUnit.id });
    const changed = [
      ...fields.map((f) => fieldOf[f]),
      ...writes.map((w) => `${w.kind === 'target' ? 'targets' : 'outcomes'}.${w.year}`),
      ...(addFollowUp ? ['followUpUnitKey'] : []),
    ];
    outcomes.push({
      row,
      status: current ? (changed.length ? 'changed' : 'unchanged') : 'new',
      errors: [],
      changed: current ? changed : [],
      id: current?.id ?? null,
    });
  }

  await writeIndicators(em, target, { existing, inserts, updates, valueWrites, followUps, outcomes });
  return outcomes;
}

async function writeIndicators(
  em: EntityManager,
  target: ImportTarget,
  plan: {
    existing: Map<string, IndicatorDbRow>;
    inserts: { key: string; fields: IndicatorFields; row: number }[];
    updates: {
      id: number;
      before: IndicatorFields;
      after: IndicatorFields;
      fields: (keyof IndicatorFields)[];
    }[];
    valueWrites: ValueWrite[];
    followUps: { indicator: string; unitId: number }[];
    outcomes: PlanRowOutcome[];
  },
): Promise<void> {
  const audit: AuditChange[] = [];
  const ids = new Map([...plan.existing.values()].map((i) => [i.key, i.id]));
  for (const [key, id] of await writeRecords(em, indicatorTable, target.kommunId, plan, audit))
    ids.set(key, id);
  if (plan.valueWrites.length) {
    const written = await executeBound<{ id: number; indicator_id: number; kind: string; year: number }[]>(
      em,
      `insert into indicator_value (indicator_id, kind, year, value)
       select v.indicator_id, v.kind, v.year, v.value
         from jsonb_to_recordset(?::jsonb) as v(indicator_id int, kind text, year smallint, value numeric)
       on conflict (indicator_id, kind, year) do update set value = excluded.value, version = indicator_value.version + 1,
         updated_at = current_timestamp, updated_by_id = null
       returning id, indicator_id, kind, year`,
      [
        JSON.stringify(
          plan.valueWrites.map((w) => ({
            indicator_id: ids.get(w.indicator),
            kind: w.kind,
            year: w.year,
            value: w.value,
          })),
        ),
      ],
    );
    const byValue = new Map(plan.valueWrites.map((w) => [`${ids.get(w.indicator)}:${w.kind}:${w.year}`, w]));
    for (const v of written) {
      const w = byValue.get(`${v.indicator_id}:${v.kind}:${v.year}`)!;
      audit.push({
        entity: 'IndicatorValue',
        entityId: v.id,
        action: w.before === undefined ? 'create' : 'update',
        before: w.before === undefined ? null : { value: w.before },
        after: { indicator: v.indicator_id, kind: v.kind, year: v.year, value: w.value },
      });
    }
  }
  if (plan.followUps.length) {
    const inserted = await executeBound<{ id: number; indicator_id: number; unit_id: number }[]>(
      em,
      `insert into indicator_follow_up (indicator_id, unit_id, period_id)
       select v.indicator_id, v.unit_id, ? from jsonb_to_recordset(?::jsonb) as v(indicator_id int, unit_id int)
       returning id, indicator_id, unit_id`,
      [
        target.periodId,
        JSON.stringify(
          plan.followUps.map((f) => ({ indicator_id: ids.get(f.indicator), unit_id: f.unitId })),
        ),
      ],
    );
    for (const f of inserted) {
      audit.push({
        entity: 'IndicatorFollowUp',
        entityId: f.id,
        action: 'create',
        before: null,
        after: { indicator: f.indicator_id, unit: f.unit_id, period: target.periodId },
      });
    }
  }
  await recordChanges(em, target, audit);
}
