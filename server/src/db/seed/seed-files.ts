/**
 * Reads the demo data in `seed-data/<kommun>/*.json`, validates every file against the seed
 * schema and merges the files of one kommun into one set, checking that every key that is
 * referred to is defined exactly once. Errors name the file and the path inside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printedEconomyProblems } from './printed-economy.js';
import { seedFile, type SeedFile } from './seed-schema.js';

export const seedDataDir = fileURLToPath(new URL('../seed-data', import.meta.url));

type Collections = Required<Omit<SeedFile, 'kommun'>>;
export type KommunSeed = { kommun: SeedFile['kommun']; dir: string } & Collections;

const collections = [
  'units',
  'periods',
  'goalAreas',
  'goals',
  'goalFollowUps',
  'indicators',
  'indicatorFollowUps',
  'assignments',
  'assignmentFollowUps',
  'economyTables',
  'investmentTables',
  'sickLeave',
  'staffTurnover',
  'internalControls',
  'reports',
  'workingPeriods',
] as const satisfies readonly (keyof Collections)[];

export class SeedDataError extends Error {}

export function readKommunSeeds(dir = seedDataDir): KommunSeed[] {
  const kommunDirs = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return kommunDirs.map((name) => readKommunSeed(join(dir, name), name));
}

function readKommunSeed(path: string, dirName: string): KommunSeed {
  // The organisation file first: it decides the order in which units are listed.
  const files = readdirSync(path)
    .filter((f) => f.endsWith('.json'))
    .sort(
      (a, b) => Number(b === 'organisation.json') - Number(a === 'organisation.json') || a.localeCompare(b),
    );
  if (files.length === 0) throw new SeedDataError(`${dirName}: inga seed-filer`);
  const merged = Object.fromEntries(collections.map((c) => [c, []])) as unknown as Collections;
  let kommun: SeedFile['kommun'] | undefined;
  for (const file of files) {
    const raw: unknown = JSON.parse(readFileSync(join(path, file), 'utf8'));
    const parsed = seedFile.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 10)
        .map((i) => `  ${i.path.join('.')}: ${i.message}`)
        .join('\n');
      throw new SeedDataError(`${dirName}/${file} följer inte seed-schemat:\n${issues}`);
    }
    const data = parsed.data;
    if (kommun && (kommun.code !== data.kommun.code || kommun.name !== data.kommun.name)) {
      throw new SeedDataError(`${dirName}/${file}: annan kommun än i de andra filerna`);
    }
    kommun = data.kommun;
    for (const c of collections) {
      (merged[c] as unknown[]).push(...((data[c] ?? []) as unknown[]));
    }
  }
  const seed = { kommun: kommun!, dir: dirName, ...merged };
  checkReferences(seed);
  return seed;
}

/**
 * Every key defined once, every reference pointing at something defined, and every printed
 * economy figure coming out of the kronor (see `printed-economy.ts`).
 */
export function checkReferences(seed: KommunSeed): void {
  const problems: string[] = [];
  const index = (name: string, items: { key: string }[]) => {
    const keys = new Set<string>();
    for (const { key } of items) {
      if (keys.has(key)) problems.push(`${name}: nyckeln ${key} finns två gånger`);
      keys.add(key);
    }
    return keys;
  };
  const units = index('units', seed.units);
  const periods = index('periods', seed.periods);
  const areas = index('goalAreas', seed.goalAreas);
  const goals = index('goals', seed.goals);
  const indicators = index('indicators', seed.indicators);
  const assignments = index('assignments', seed.assignments);
  const investments = seed.investmentTables.flatMap((t) => t.lines);
  index('investments', investments);
  index('reports', seed.reports);

  const ref = (where: string, set: Set<string>, value: string | null | undefined) => {
    if (value != null && !set.has(value)) problems.push(`${where}: okänd nyckel ${value}`);
  };
  const roots = seed.units.filter((u) => u.parent === null);
  if (roots.length !== 1 || roots[0]?.kind !== 'kommun') {
    problems.push('units: exakt en enhet utan förälder, och den ska vara kommunen');
  }
  seed.units.forEach((u) => ref(`units ${u.key}.parent`, units, u.parent));
  seed.goals.forEach((g) => ref(`goals ${g.key}.area`, areas, g.area));
  seed.goalFollowUps.forEach((f, i) => {
    ref(`goalFollowUps[${i}].goal`, goals, f.goal);
    ref(`goalFollowUps[${i}].unit`, units, f.unit);
    ref(`goalFollowUps[${i}].period`, periods, f.period);
  });
  seed.indicators.forEach((ind) => {
    ref(`indicators ${ind.key}.goal`, goals, ind.goal);
    ref(`indicators ${ind.key}.responsibleUnit`, units, ind.responsibleUnit);
  });
  seed.indicatorFollowUps.forEach((f, i) => {
    ref(`indicatorFollowUps[${i}].indicator`, indicators, f.indicator);
    ref(`indicatorFollowUps[${i}].unit`, units, f.unit);
    ref(`indicatorFollowUps[${i}].period`, periods, f.period);
  });
  seed.assignments.forEach((a) => {
    ref(`assignments ${a.key}.ownerUnit`, units, a.ownerUnit);
    ref(`assignments ${a.key}.responsibleUnit`, units, a.responsibleUnit);
    ref(`assignments ${a.key}.successor`, assignments, a.successor);
  });
  seed.assignmentFollowUps.forEach((f, i) => {
    ref(`assignmentFollowUps[${i}].assignment`, assignments, f.assignment);
    ref(`assignmentFollowUps[${i}].period`, periods, f.period);
    ref(`assignmentFollowUps[${i}].goal`, goals, f.goal);
  });
  seed.economyTables.forEach((t, i) => {
    ref(`economyTables[${i}].unit`, units, t.unit);
    ref(`economyTables[${i}].period`, periods, t.period);
    t.lines.forEach((l, j) => ref(`economyTables[${i}].lines[${j}].unit`, units, l.unit));
  });
  seed.investmentTables.forEach((t, i) => {
    ref(`investmentTables[${i}].unit`, units, t.unit);
    ref(`investmentTables[${i}].period`, periods, t.period);
    const keys = new Set(t.lines.map((x) => x.key));
    t.lines.forEach((x) => {
      ref(`investments ${x.key}.unit`, units, x.unit);
      ref(`investments ${x.key}.parent`, keys, x.parent);
    });
  });
  for (const [name, rows] of [
    ['sickLeave', seed.sickLeave],
    ['staffTurnover', seed.staffTurnover],
    ['internalControls', seed.internalControls],
    ['reports', seed.reports],
  ] as const) {
    rows.forEach((r, i) => {
      ref(`${name}[${i}].unit`, units, r.unit);
      ref(`${name}[${i}].period`, periods, r.period);
    });
  }
  seed.workingPeriods.forEach((w, i) => {
    if (periods.has(w.key)) problems.push(`workingPeriods[${i}].key: ${w.key} finns redan bland perioderna`);
    w.draftReports.forEach((r, j) => ref(`workingPeriods[${i}].draftReports[${j}].unit`, units, r.unit));
  });
  if (problems.length === 0) problems.push(...printedEconomyProblems(seed));
  if (problems.length > 0) {
    throw new SeedDataError(`${seed.dir}: ${problems.length} fel i seed-data:\n  ${problems.join('\n  ')}`);
  }
}
