import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateLargeKommun, fullSize, type LargeKommun } from '../../../bench/large-kommun.js';
import { ormConfig } from '../../db/orm-config.js';
import { graphqlClient, periodId, unitId, type GraphQLTestClient } from '../../../test/graphql-client.js';
import { OFFICE_DRILL_DOWN } from '../../../test/office-drill-down.js';
import { createDatabase, dropDatabase } from '../../../test/test-database.js';

/** The budget the issue sets for one unit page. */
const MAX_STATEMENTS = 12;

let demo: GraphQLTestClient;
let large: GraphQLTestClient;
let generated: LargeKommun;
const largeDb = `uppfoljning_large_${process.pid}`;

beforeAll(async () => {
  demo = await graphqlClient();
  const url = await createDatabase(inject('adminDatabaseUrl'), largeDb);
  const orm = await MikroORM.init(ormConfig(url));
  await orm.getMigrator().up();
  generated = await generateLargeKommun(orm.em.fork(), fullSize);
  await orm.close(true);
  large = await graphqlClient(url);
}, 300_000);

afterAll(async () => {
  await demo.close();
  await large.close();
  await dropDatabase(inject('adminDatabaseUrl'), largeDb);
});

describe('the office drill-down query', () => {
  it('is generated ten times larger than the demo data at least', () => {
    expect(generated.rows).toBeGreaterThan(100_000);
  });

  it(`costs a fixed number of SQL statements (at most ${MAX_STATEMENTS}), the same on the demo data and on a large kommun`, async () => {
    // 2024 is the demo period where every section of the page has data, as in the large kommun.
    const year2024 = await periodId(demo, 'norrtalje', '2024');
    const onDemo = await demo.run(OFFICE_DRILL_DOWN, {
      unitId: await unitId(demo, 'norrtalje', 'ksk'),
      periodId: year2024,
    });
    const onLarge = await large.run(OFFICE_DRILL_DOWN, { unitId: String(generated.officeId) });
    expect(onDemo.errors).toBeUndefined();
    expect(onLarge.errors).toBeUndefined();
    expect((onLarge.data as any).unit.followUp.assignments.length).toBe(
      fullSize.departmentsPerOffice * fullSize.assignmentsPerDepartment,
    );
    expect(onDemo.statements).toBeLessThanOrEqual(MAX_STATEMENTS);
    expect(onLarge.statements).toBe(onDemo.statements);
  });

  it('costs the same for a department page and for the whole kommun', async () => {
    const department = await large.run(OFFICE_DRILL_DOWN, { unitId: String(generated.departmentId) });
    const demoDepartment = await demo.run(OFFICE_DRILL_DOWN, {
      unitId: await unitId(demo, 'norrtalje', 'ksk-stab'),
      periodId: await periodId(demo, 'norrtalje', '2024'),
    });
    expect(department.errors).toBeUndefined();
    expect(department.statements).toBeLessThanOrEqual(MAX_STATEMENTS);
    expect(demoDepartment.statements).toBe(department.statements);
    const kommun = await large.run(OFFICE_DRILL_DOWN, { unitId: String(generated.rootId) });
    expect(kommun.errors).toBeUndefined();
    expect(kommun.statements).toBeLessThanOrEqual(MAX_STATEMENTS);
  });
});
