import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ormConfig } from '../orm-config.js';
import { createDatabase, dropDatabase } from '../../../test/test-database.js';
import { loadDemoData } from './demo-data-loader.js';
import { readKommunSeeds } from './seed-files.js';

const name = `uppfoljning_seed_${process.pid}`;
let orm: MikroORM;

const snapshot = async () => {
  const tables = [
    'kommun',
    'org_unit',
    'period',
    'goal',
    'indicator',
    'indicator_value',
    'assignment',
    'assignment_follow_up',
    'economy_line',
    'report_section',
  ];
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    out[table] = await orm.em
      .fork()
      .getConnection()
      .execute(`select count(*)::int as n, coalesce(sum(id), 0)::bigint as ids from ${table}`);
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

  it('loads idempotently: a second load changes no row and keeps every id', async () => {
    await loadDemoData(orm.em.fork());
    const first = await snapshot();
    await loadDemoData(orm.em.fork());
    expect(await snapshot()).toEqual(first);
  });
});
