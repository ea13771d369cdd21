/**
 * A generated large kommun for the benchmark and the statement-count test: far more than the
 * demo data (15 offices, 150 departments, thousands of indicators and assignments, 10 years),
 * so that a query whose cost grows with the data shows it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { unversionedUnits } from '../src/modules/organisation/period-opening.service.js';
import { assignmentStatuses, forecasts } from '../src/modules/assignments/assignment.entity.js';
import { goalAssessments, trends } from '../src/modules/goals/goal.entity.js';

export interface LargeKommunSize {
  boards: number;
  officesPerBoard: number;
  departmentsPerOffice: number;
  years: number;
  goalsPerArea: number;
  indicatorsPerDepartment: number;
  assignmentsPerDepartment: number;
}

export const fullSize: LargeKommunSize = {
  boards: 5,
  officesPerBoard: 3,
  departmentsPerOffice: 10,
  years: 10,
  goalsPerArea: 5,
  indicatorsPerDepartment: 20,
  assignmentsPerDepartment: 20,
};

export interface LargeKommun {
  kommunId: number;
  rootId: number;
  /** One office of the kommun, for the office drill-down. */
  officeId: number;
  departmentId: number;
  latestPeriodId: number;
  rows: number;
}

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!;

export async function generateLargeKommun(
  em: EntityManager,
  size: LargeKommunSize = fullSize,
  key = 'storkommun',
): Promise<LargeKommun> {
  const knex = em.getKnex();
  let rows = 0;
  const insert = async <T extends Record<string, unknown>>(table: string, data: T[]): Promise<number[]> => {
    rows += data.length;
    const ids: number[] = [];
    for (let i = 0; i < data.length; i += 1000) {
      const inserted = await knex(table)
        .insert(data.slice(i, i + 1000))
        .returning('id');
      ids.push(...inserted.map((r: { id: number }) => r.id));
    }
    return ids;
  };

  const [kommunId] = await insert('kommun', [{ key, name: 'Storköping (genererad)', kolada_code: null }]);
  const unit = async (
    name: string,
    kind: string,
    parent: { id: number; path: string } | null,
    position: number,
  ) => {
    const [id] = await insert('org_unit', [
      { kommun_id: kommunId, parent_id: parent?.id ?? null, key: `u${rows}`, name, kind, position },
    ]);
    const path = `${parent?.path ?? '/'}${id}/`;
    await knex('org_unit').where({ id }).update({ path });
    return { id: id!, path };
  };

  const root = await unit('Storköping', 'kommun', null, 0);
  const offices: { id: number; path: string }[] = [];
  const departments: { id: number; office: number }[] = [];
  for (let b = 0; b < size.boards; b++) {
    const board = await unit(`Nämnd ${b + 1}`, 'nämnd', root, b);
    for (let o = 0; o < size.officesPerBoard; o++) {
      const office = await unit(`Kontor ${b + 1}.${o + 1}`, 'kontor', board, o);
      offices.push(office);
      const deptRows = Array.from({ length: size.departmentsPerOffice }, (_, d) => ({
        kommun_id: kommunId,
        parent_id: office.id,
        key: `d${office.id}-${d}`,
        name: `Avdelning ${b + 1}.${o + 1}.${d + 1}`,
        kind: 'avdelning',
        position: d,
      }));
      const ids = await insert('org_unit', deptRows);
      await knex.raw(`update org_unit set path = ? || id || '/' where id = any(?)`, [office.path, ids]);
      departments.push(...ids.map((id) => ({ id, office: office.id })));
    }
  }

  const firstYear = 2025 - size.years + 1;
  const periodRows = Array.from({ length: size.years }, (_, i) => ({
    kommun_id: kommunId,
    key: `${firstYear + i}`,
    label: `${firstYear + i}`,
    kind: 'år',
    start_date: `${firstYear + i}-01-01`,
    end_date: `${firstYear + i}-12-31`,
  }));
  const periods = await insert('period', periodRows);
  // Every unit in every period, as the demo loader and opening a period give them.
  await knex.raw(unversionedUnits, { kommun: kommunId, period: null });

  const areas = await insert(
    'goal_area',
    Array.from({ length: 7 }, (_, a) => ({
      kommun_id: kommunId,
      key: `a${a + 1}`,
      code: `${a + 1}`,
      title: `Målområde ${a + 1}`,
    })),
  );
  const goals = await insert(
    'goal',
    areas.flatMap((area, a) =>
      Array.from({ length: size.goalsPerArea }, (_, g) => ({
        kommun_id: kommunId,
        area_id: area,
        key: `g${a + 1}.${g + 1}`,
        code: `${a + 1}.${g + 1}`,
        title: `Inriktningsmål ${a + 1}.${g + 1}`,
      })),
    ),
  );

  await insert(
    'goal_follow_up',
    offices.flatMap((office, o) =>
      periods.flatMap((period, p) =>
        goals.map((goal, g) => ({
          goal_id: goal,
          unit_id: office.id,
          period_id: period,
          assessment: pick(goalAssessments, o + p + g),
          trend: pick(trends, g),
          analysis: `Analys ${g} för period ${p}.`,
        })),
      ),
    ),
  );

  const indicatorRows = departments.flatMap((dept, d) =>
    Array.from({ length: size.indicatorsPerDepartment }, (_, i) => ({
      kommun_id: kommunId,
      goal_id: pick(goals, d + i),
      key: `i${dept.id}-${i}`,
      name: `Indikator ${i + 1} för avdelning ${dept.id}`,
      unit_of_measure: '%',
      direction: i % 3 === 0 ? 'lower' : 'higher',
      origin: i % 2 === 0 ? 'KF' : 'Nämnd',
      responsible_unit_id: dept.id,
    })),
  );
  const indicators = await insert('indicator', indicatorRows);
  await insert(
    'indicator_value',
    indicators.flatMap((indicator, i) => [
      ...Array.from({ length: size.years }, (_, y) => ({
        indicator_id: indicator,
        kind: 'outcome',
        year: firstYear + y,
        value: (i * 7 + y * 3) % 100,
      })),
      { indicator_id: indicator, kind: 'target', year: 2025, value: 50 },
    ]),
  );
  const officeOfIndicator = indicatorRows.map(
    (row) => departments.find((d) => d.id === row.responsible_unit_id)!.office,
  );
  await insert(
    'indicator_follow_up',
    indicators.flatMap((indicator, i) =>
      periods.map((period, p) => ({
        indicator_id: indicator,
        unit_id: officeOfIndicator[i],
        period_id: period,
        assessment: pick(goalAssessments, i + p),
        trend: pick(trends, i),
        comment: `Kommentar ${i}/${p}`,
        comment_date: `${firstYear + p}-12-31`,
      })),
    ),
  );

  const assignmentRows = departments.flatMap((dept) =>
    Array.from({ length: size.assignmentsPerDepartment }, (_, a) => ({
      kommun_id: kommunId,
      key: `as${dept.id}-${a}`,
      kind: a % 3 === 0 ? 'nämndinitiativ' : 'uppdrag',
      title: `Uppdrag ${a + 1} för avdelning ${dept.id}`,
      owner_unit_id: dept.office,
      responsible_unit_id: dept.id,
      due_date: '2025-12-31',
      origin_year: firstYear + (a % size.years),
    })),
  );
  const assignments = await insert('assignment', assignmentRows);
  await insert(
    'assignment_follow_up',
    assignments.flatMap((assignment, a) =>
      periods.map((period, p) => ({
        assignment_id: assignment,
        period_id: period,
        goal_id: pick(goals, a + p),
        status: pick(assignmentStatuses.slice(0, 3), a + p),
        forecast: pick(forecasts, a % 5 === 0 ? 1 : 0),
        comment: `Kommentar till uppdrag ${a} period ${p}`,
        comment_date: `${firstYear + p}-12-31`,
      })),
    ),
  );

  for (const office of offices) {
    const officeDepartments = departments.filter((d) => d.office === office.id);
    for (const [p, period] of periods.entries()) {
      const [unitTable, groupTable] = await insert('economy_table', [
        {
          unit_id: office.id,
          period_id: period,
          ledger: 'drift',
          dimension: 'unit',
          forecast_label: 'Prognos',
        },
        {
          unit_id: office.id,
          period_id: period,
          ledger: 'drift',
          dimension: 'accountGroup',
          forecast_label: 'Prognos',
        },
      ]);
      await insert('economy_line', [
        ...officeDepartments.map((dept, d) => ({
          table_id: unitTable,
          unit_id: dept.id,
          label: `Avdelning ${d + 1}`,
          position: d,
          budget_period: -10_000_000 - d * 100_000,
          outcome_period: -10_000_000 - d * 100_000 + (((d + p) % 4) - 2) * 250_000,
          budget_full_year: -10_000_000 - d * 100_000,
          forecast_full_year: -10_000_000 - d * 100_000 + (((d + p) % 3) - 1) * 300_000,
        })),
        ...['Intäkter', 'Kostnader'].map((label, i) => ({
          table_id: groupTable,
          unit_id: office.id,
          account_group: label,
          label,
          position: i,
          budget_period: i === 0 ? 20_000_000 : -120_000_000,
          outcome_period: i === 0 ? 19_000_000 : -118_000_000,
          budget_full_year: i === 0 ? 20_000_000 : -120_000_000,
          forecast_full_year: i === 0 ? 19_500_000 : -119_000_000,
        })),
      ]);
    }
    await insert(
      'report',
      periods.map((period, p) => ({
        kommun_id: kommunId,
        key: `r${office.id}-${p}`,
        unit_id: office.id,
        period_id: period,
        type: 'verksamhetsberättelse',
        title: `Verksamhetsberättelse ${firstYear + p}`,
        status: 'published',
        published_at: `${firstYear + p + 1}-03-01`,
      })),
    );
  }

  // The kommun's own annual report of each year shows every unit, so that the whole kommun's
  // page is public too (access/read-access.ts: what a published report shows).
  await insert(
    'report',
    periods.map((period, p) => ({
      kommun_id: kommunId,
      key: `r${root.id}-${p}`,
      unit_id: root.id,
      period_id: period,
      type: 'verksamhetsberättelse',
      title: `Årsredovisning ${firstYear + p}`,
      status: 'published',
      published_at: `${firstYear + p + 1}-04-01`,
    })),
  );

  return {
    kommunId: kommunId!,
    rootId: root.id,
    officeId: offices[0]!.id,
    departmentId: departments[0]!.id,
    latestPeriodId: periods.at(-1)!,
    rows,
  };
}
