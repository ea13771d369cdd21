import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ormConfig } from '../orm-config.js';
import { createDatabase, dropDatabase } from '../../../test/test-database.js';
import { loadDemoData } from './demo-data-loader.js';
import { readKommunSeeds } from './seed-files.js';

const name = `uppfoljning_seed_${process.pid}`;
let orm: MikroORM;

/**
 * Every table's rows but the audit's, in id order, without the time a row was written: a
 * reload that changed a value, added a row or gave a row a new id shows here.
 */
const snapshot = async () => {
  const connection = orm.em.fork().getConnection();
  const tables = await connection.execute<{ name: string }[]>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('audit_log', 'mikro_orm_migrations')
      order by 1`,
  );
  const out: Record<string, unknown> = {};
  for (const { name } of tables) {
    const rows = await connection.execute<Record<string, unknown>[]>(`select * from "${name}" order by 1`);
    out[name] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).filter(([column]) => !/^(created|updated)_at$/.test(column))),
    );
  }
  return out;
};

beforeAll(async () => {
  const url = await createDatabase(inject('adminDatabaseUrl'), name);
  orm = await MikroORM.init(ormConfig(url));
  await orm.getMigrator().up();
});
afterAll(async () => {
  await orm.close(true);
  await dropDatabase(inject('adminDatabaseUrl'), name);
});

describe('the demo data', () => {
  it('transcribes every source report: all three kommuner, every assignment and indicator', () => {
    const seeds = readKommunSeeds();
    const norrtalje = seeds.find((s) => s.kommun.code === '0188')!;
    const followUps = (period: string) => norrtalje.assignmentFollowUps.filter((f) => f.period === period);
    expect(seeds.map((s) => s.kommun.name).sort()).toEqual([
      'Alingsås kommun',
      'Kommunledningsstaben',
      'Norrtälje kommun',
    ]);
    expect(
      followUps('2024').filter(
        (f) => norrtalje.assignments.find((a) => a.key === f.assignment)!.ownerUnit === 'ksk',
      ),
    ).toHaveLength(36);
    expect(followUps('2025-jan-jul')).toHaveLength(36);
    expect(norrtalje.goalFollowUps).toHaveLength(18);
  });

  it('loads through the import, and a second load changes no row and keeps every id', async () => {
    const first = await loadDemoData(orm.em.fork());
    // The plan (units, goals, indicators, assignments) is written by the import's kinds: the
    // indicators and assignments it makes are new, audited with no user.
    const counts = Object.values(first.imported);
    expect(counts.map((c) => c.wrong)).toEqual(counts.map(() => 0));
    expect(counts.reduce((n, c) => n + c.new, 0)).toBeGreaterThan(100);
    // Each goal the seed follows up in a period is new there: the loader leaves the goals
    // to the import rather than writing them first for the import to find.
    const goalsInPeriods = readKommunSeeds().reduce(
      (n, seed) => n + new Set(seed.goalFollowUps.map((f) => `${f.goal} ${f.period}`)).size,
      0,
    );
    expect(first.imported.goals).toEqual({ new: goalsInPeriods, changed: 0, unchanged: 0, wrong: 0 });
    const [audited] = await orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from audit_log
          where user_id is null and action = 'create' and entity in ('Indicator', 'Assignment', 'OrgUnit')`,
      );
    expect(audited!.n).toBeGreaterThan(100);
    const before = await snapshot();
    expect((before.indicator as unknown[]).length).toBeGreaterThan(0);

    const second = await loadDemoData(orm.em.fork());
    // Every row the demo imports is there as the seed says: the import changes nothing.
    for (const [kind, c] of Object.entries(first.imported)) {
      expect({ kind, ...second.imported[kind as keyof typeof first.imported] }).toEqual({
        kind,
        new: 0,
        changed: 0,
        unchanged: c.new + c.changed + c.unchanged,
        wrong: 0,
      });
    }
    expect(await snapshot()).toEqual(before);
  });
});
