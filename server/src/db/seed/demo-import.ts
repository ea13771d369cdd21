/**
 * The demo goes through the same door as a kommun's file: the seed's plan is turned into the
 * rows of the import's sheets (cells keyed by each kind's own headers) and run through the
 * same parse and importRows (import-run.ts's importSheetRows). The organisation is imported
 * into the kommun's earliest period (a change applies from its period on), then each
 * period's goals, indicators and assignments into that period, in period order. So every
 * start of the demo exercises the import, and a seed the import would refuse fails the load.
 *
 * What the import cannot carry (assessments, comments, statuses, a value's note or label,
 * successors, economy, reports) the loader upserts after it, as before.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Cell } from '../../modules/import/cells.js';
import {
  importKindNames,
  type ImportKind,
  type ImportKindName,
  type ImportTarget,
  type RawRow,
  type RowStatus,
} from '../../modules/import/import-kind.js';
import { importSheetRows, type RowSheet } from '../../modules/import/import-run.js';
import { organisationImport } from '../../modules/organisation/organisation-import.js';
import { goalImport } from '../../modules/goals/goal-import.js';
import { directionWords, indicatorImport } from '../../modules/indicators/indicator-import.js';
import { assignmentImport, kindWords } from '../../modules/assignments/assignment-import.js';
import type { KommunSeed } from './seed-files.js';

/** The outcomes of the demo's rows, counted per kind: `{ goals: { new: 22, … }, … }`. */
export type ImportCounts = Record<ImportKindName, Record<RowStatus, number>>;

export const noImportCounts = (): ImportCounts =>
  Object.fromEntries(
    importKindNames.map((kind) => [kind, { new: 0, changed: 0, unchanged: 0, wrong: 0 }]),
  ) as ImportCounts;

/** The rows of one sheet from cells keyed by the kind's headers; row 1 is the header. */
const sheet = <V>(kind: ImportKind<V>, rows: Record<string, Cell>[]): RowSheet => ({
  kind,
  rows: rows.map((cells, i): RawRow => ({
    number: i + 2,
    cells: new Map(Object.entries(cells).filter(([, cell]) => cell != null)),
  })),
});

const wordOf = <W extends string, V>(words: Record<W, V>, value: V): W =>
  (Object.keys(words) as W[]).find((w) => words[w] === value)!;

/** Parents before children: an organisation row may name only a parent above it. */
export function parentsFirst<T extends { key: string; parent: string | null }>(items: readonly T[]): T[] {
  const done = new Set<string>();
  const out: T[] = [];
  let pending = [...items];
  while (pending.length > 0) {
    const ready = pending.filter((u) => u.parent === null || done.has(u.parent));
    if (ready.length === 0) throw new Error('en cykel bland överordnade');
    for (const u of ready) {
      done.add(u.key);
      out.push(u);
    }
    pending = pending.filter((u) => !done.has(u.key));
  }
  return out;
}

export function organisationSheet(seed: KommunSeed): RowSheet {
  return sheet(
    organisationImport,
    parentsFirst(seed.units).map((u) => ({
      Kod: u.key,
      Namn: u.name,
      Kortnamn: u.shortName ?? null,
      Typ: u.kind,
      'Överordnad (kod)': u.parent,
      Stängd: 'nej',
    })),
  );
}

/**
 * A period's goals, indicators and assignments as the seed has them there: a goal is in the
 * period when a unit follows it up, an indicator or assignment when it has a follow-up.
 */
export function planSheets(seed: KommunSeed, periodKey: string, periodYear: number): RowSheet[] {
  const goalByKey = new Map(seed.goals.map((g) => [g.key, g]));
  const areaByKey = new Map(seed.goalAreas.map((a) => [a.key, a]));
  const goalUnits = new Map<string, string[]>();
  for (const f of seed.goalFollowUps.filter((f) => f.period === periodKey)) {
    goalUnits.set(f.goal, [...(goalUnits.get(f.goal) ?? []), f.unit]);
  }
  const goals = [...goalUnits].map(([key, units]) => {
    const goal = goalByKey.get(key)!;
    const area = areaByKey.get(goal.area)!;
    return {
      'Målområde (kod)': area.code,
      Målområde: area.title,
      'Agenda 2030': area.agenda2030?.length ? area.agenda2030.join(', ') : null,
      'Inriktningsmål (kod)': goal.code,
      Inriktningsmål: goal.title,
      'Enheter (koder)': units.join(', '),
    };
  });

  const indicatorUnit = new Map(
    seed.indicatorFollowUps.filter((f) => f.period === periodKey).map((f) => [f.indicator, f.unit]),
  );
  const indicators = seed.indicators
    .filter((i) => indicatorUnit.has(i.key))
    .map((i) => {
      const cells: Record<string, Cell> = {
        Kod: i.key,
        Namn: i.name,
        'Inriktningsmål (kod)': goalByKey.get(i.goal)!.code,
        Måttenhet: i.unit,
        Riktning: wordOf(directionWords, i.direction),
        'KF eller nämnd': i.origin,
        'Ansvarig enhet (kod)': i.responsibleUnit,
        'Följs upp av (kod)': indicatorUnit.get(i.key)!,
        'Kolada-id': i.koladaKpiId ?? null,
      };
      for (const t of i.targets) cells[`Mål ${t.year}`] = t.value;
      // The period's own outcome and later ones are reported in its follow-up, not its plan.
      for (const v of i.values.filter((v) => v.year < periodYear)) cells[`Utfall ${v.year}`] = v.value;
      return cells;
    });

  // An assignment listed under a goal the seed does not follow up in the period cannot be
  // expressed by the sheet (its goal must be one of the period's): the loader writes it.
  const inPeriod = new Set(goalUnits.keys());
  const assignmentByKey = new Map(seed.assignments.map((a) => [a.key, a]));
  const assignments = seed.assignmentFollowUps
    .filter((f) => f.period === periodKey && (f.goal === null || inPeriod.has(f.goal)))
    .map((f) => {
      const a = assignmentByKey.get(f.assignment)!;
      return {
        Kod: a.key,
        Typ: wordOf(kindWords, a.kind),
        Titel: a.title,
        'Inriktningsmål (kod)': f.goal === null ? null : goalByKey.get(f.goal)!.code,
        'Kontor eller nämnd (kod)': a.ownerUnit,
        'Ansvarig enhet (kod)': a.responsibleUnit,
        Slutdatum: a.dueDate,
        'Givet år': a.originYear,
      };
    });
  return [sheet(goalImport, goals), sheet(indicatorImport, indicators), sheet(assignmentImport, assignments)];
}

/**
 * Imports the sheets into the target in the caller's transaction and adds their outcomes to
 * `counts`. A wrong row means the seed breaks a rule of the import: the load stops, saying
 * which row and why.
 */
export async function importDemoSheets(
  em: EntityManager,
  target: ImportTarget,
  where: string,
  sheets: readonly RowSheet[],
  counts: ImportCounts,
): Promise<void> {
  for (const result of await importSheetRows(em, target, sheets)) {
    for (const row of result.rows) {
      counts[result.kind][row.status]++;
      if (row.status === 'wrong') {
        const errors = row.errors.map((e) => `${e.column ?? 'raden'}: ${e.message}`).join('; ');
        throw new Error(`${where}, bladet ${result.sheet} rad ${row.row}: ${errors}`);
      }
    }
  }
}
