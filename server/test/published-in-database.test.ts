/**
 * What a published report shows cannot be changed in the database either, by the role the
 * app connects as (which the whole suite runs the app with) nor, for what matters, by the
 * tables' owner: SQL that bypasses the app is refused with SQLSTATE UF001, and the app's
 * role cannot switch the refusals off.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';
import { appRoleTooPowerful } from '../src/db/database-roles.js';
import { embeddedAppRole } from '../src/db/embedded-postgres.js';
import { PUBLISHED_SQLSTATE } from '../src/db/published-sqlstate.js';
import { asOwner, dropDatabase, freePort, seededDatabase } from './test-database.js';

const dbName = `uppfoljning_frozen_${process.pid}`;
let app: pg.Client;
let owner: pg.Client;
let appUrl: string;

beforeAll(async () => {
  appUrl = await seededDatabase(inject('adminDatabaseUrl'), dbName);
  app = new pg.Client({ connectionString: appUrl });
  owner = new pg.Client({ connectionString: asOwner(appUrl, inject('adminDatabaseUrl')) });
  await Promise.all([app.connect(), owner.connect()]);
});
afterAll(async () => {
  await Promise.all([app?.end(), owner?.end()]);
  await dropDatabase(inject('adminDatabaseUrl'), dbName);
});

/** The error a statement fails with, or null when it succeeds. */
async function failure(client: pg.Client, sql: string, params: unknown[] = []) {
  try {
    await client.query(sql, params);
    return null;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return { code, message };
  }
}

const one = async (sql: string, params: unknown[] = []) => {
  const { rows } = await owner.query<{ id: number }>(sql, params);
  expect(rows).toHaveLength(1);
  return rows[0]!.id;
};

/** A follow-up row of KSK or a unit below it, in the published Jan–Jul 2025 or the working 2025. */
const kskAssignmentFollowUp = (period: string) =>
  one(
    `select f.id from assignment_follow_up f join period p on p.id = f.period_id and p.key = $1
       join assignment a on a.id = f.assignment_id
       join org_unit u on u.id = a.owner_unit_id and u.path like (select path || '%' from org_unit where key = 'ksk')
      order by f.id limit 1`,
    [period],
  );
const kskEconomyLine = (period: string) =>
  one(
    `select l.id from economy_line l join economy_table t on t.id = l.table_id
       join period p on p.id = t.period_id and p.key = $1
       join org_unit u on u.id = t.unit_id and u.key = 'ksk' order by l.id limit 1`,
    [period],
  );

describe('a published report’s rows under the app’s role', () => {
  it('refuses an SQL update and delete of a published follow-up, and takes the same update in the working period', async () => {
    const frozen = await kskAssignmentFollowUp('2025-jan-jul');
    const refused = await failure(app, `update assignment_follow_up set comment = 'ändrad' where id = $1`, [
      frozen,
    ]);
    expect(refused).toEqual({
      code: PUBLISHED_SQLSTATE,
      message: expect.stringContaining('publicerad rapport'),
    });
    expect(await failure(app, `delete from assignment_follow_up where id = $1`, [frozen])).toMatchObject({
      code: PUBLISHED_SQLSTATE,
    });
    // The owner is refused too: the triggers do not depend on who asks.
    expect(
      await failure(owner, `update assignment_follow_up set comment = 'ändrad' where id = $1`, [frozen]),
    ).toMatchObject({ code: PUBLISHED_SQLSTATE });

    const working = await kskAssignmentFollowUp('2025');
    const saved = await app.query(`update assignment_follow_up set comment = 'ändrad' where id = $1`, [
      working,
    ]);
    expect(saved.rowCount).toBe(1);
    // An update that changes nothing passes, as an idempotent seed reload writes.
    expect(
      (await app.query(`update assignment_follow_up set comment = comment where id = $1`, [frozen])).rowCount,
    ).toBe(1);
  });

  it('refuses changes to a published economy line and its figures, not to the working period’s', async () => {
    const frozen = await kskEconomyLine('2025-jan-jul');
    for (const sql of [
      `update economy_line set forecast_explanation = 'ändrad' where id = $1`,
      `update economy_line set outcome_period = outcome_period + 1 where id = $1`,
      `delete from economy_line where id = $1`,
    ]) {
      expect(await failure(app, sql, [frozen])).toMatchObject({ code: PUBLISHED_SQLSTATE });
    }
    const working = await kskEconomyLine('2025');
    expect(
      (await app.query(`update economy_line set forecast_explanation = 'ändrad' where id = $1`, [working]))
        .rowCount,
    ).toBe(1);
  });

  it('refuses a change of an indicator value a published follow-up (KSK, 2024) shows', async () => {
    const value = await one(
      `select v.id from indicator_value v join indicator_follow_up f on f.indicator_id = v.indicator_id
         join period p on p.id = f.period_id and p.key = '2024'
         join org_unit u on u.id = f.unit_id and u.path like (select path || '%' from org_unit where key = 'ksk')
        order by v.id limit 1`,
    );
    expect(await failure(app, `update indicator_value set value = 99 where id = $1`, [value])).toMatchObject({
      code: PUBLISHED_SQLSTATE,
    });
    expect(await failure(app, `delete from indicator_value where id = $1`, [value])).toMatchObject({
      code: PUBLISHED_SQLSTATE,
    });
  });

  it('refuses a row added to a published period', async () => {
    const [ksk, period] = [
      await one(`select id from org_unit where key = 'ksk'`),
      await one(`select id from period where key = '2025-jan-jul'`),
    ];
    expect(
      await failure(
        app,
        `insert into internal_control (unit_id, period_id, position, risk, description) values ($1, $2, 999, 'Ny risk', 'Ny')`,
        [ksk, period],
      ),
    ).toMatchObject({ code: PUBLISHED_SQLSTATE, message: expect.stringContaining('nya rader') });
  });

  it('judges the rows one statement adds together: one in a published period refuses them all', async () => {
    const [ksk, published, working] = [
      await one(`select id from org_unit where key = 'ksk'`),
      await one(`select id from period where key = '2025-jan-jul'`),
      await one(`select id from period where key = '2025'`),
    ];
    const insert = `insert into internal_control (unit_id, period_id, position, risk, description)
                    select $1, p, 990 + n, 'Ny risk', 'Ny' from unnest($2::int[]) with ordinality as v(p, n)`;
    expect(await failure(app, insert, [ksk, [working, published, working]])).toMatchObject({
      code: PUBLISHED_SQLSTATE,
      message: expect.stringContaining('nya rader'),
    });
    const added = `select count(*)::int as n from internal_control where position > 990`;
    expect((await owner.query<{ n: number }>(added)).rows[0]!.n).toBe(0);
    await app.query('begin');
    try {
      expect(await failure(app, insert, [ksk, [working, working]])).toBeNull();
      expect((await app.query<{ n: number }>(added)).rows[0]!.n).toBe(2);
    } finally {
      await app.query('rollback');
    }
  });

  it('refuses a new value of a year a published follow-up shows, and takes a later year', async () => {
    const indicator = await one(
      `select f.indicator_id as id from indicator_follow_up f join period p on p.id = f.period_id and p.key = '2024'
         join org_unit u on u.id = f.unit_id and u.path like (select path || '%' from org_unit where key = 'ksk')
        order by f.indicator_id limit 1`,
    );
    const insert = `insert into indicator_value (indicator_id, kind, year, value) values ($1, 'outcome', $2, 1)`;
    expect(await failure(app, insert, [indicator, 1990])).toMatchObject({ code: PUBLISHED_SQLSTATE });
    await app.query('begin');
    try {
      expect(await failure(app, insert, [indicator, 2040])).toBeNull();
    } finally {
      await app.query('rollback');
    }
  });

  it('refuses renaming or moving a unit, or relabelling a period, that a published report shows', async () => {
    const stab = await one(`select id from org_unit where key = 'ksk-stab'`);
    expect(
      await failure(app, `update org_unit set name = 'Annan avdelning' where id = $1`, [stab]),
    ).toMatchObject({
      code: PUBLISHED_SQLSTATE,
    });
    expect(await failure(app, `update org_unit set parent_id = null where id = $1`, [stab])).toMatchObject({
      code: PUBLISHED_SQLSTATE,
    });
    const ancestor = await one(`select id from org_unit where key = 'norrtalje'`);
    expect(
      await failure(app, `update org_unit set name = 'Annan kommun' where id = $1`, [ancestor]),
    ).toMatchObject({ code: PUBLISHED_SQLSTATE });
    const period = await one(`select id from period where key = '2025-jan-jul'`);
    for (const sql of [
      `update period set label = 'Jan–Aug 2025' where id = $1`,
      `update period set end_date = '2025-08-31' where id = $1`,
    ]) {
      expect(await failure(app, sql, [period])).toMatchObject({ code: PUBLISHED_SQLSTATE });
    }
    const assignment = await one(`select assignment_id as id from assignment_follow_up where id = $1`, [
      await kskAssignmentFollowUp('2025-jan-jul'),
    ]);
    expect(
      await failure(app, `update assignment set title = 'Annat' where id = $1`, [assignment]),
    ).toMatchObject({
      code: PUBLISHED_SQLSTATE,
    });
    // The working period has no published report: its label may still be corrected.
    const workingPeriod = await one(`select id from period where key = '2025'`);
    expect(
      (await app.query(`update period set label = '2025 (arbete)' where id = $1`, [workingPeriod])).rowCount,
    ).toBe(1);
  });

  it('keeps the audit log append-only: new rows yes, updates and deletes never', async () => {
    const inserted = await app.query<{ id: string }>(
      `insert into audit_log (entity, entity_id, action, after) values ('AssignmentFollowUp', 1, 'update', '{}') returning id`,
    );
    const id = inserted.rows[0]!.id;
    for (const client of [app, owner]) {
      expect(
        await failure(client, `update audit_log set after = '{"x":1}' where id = $1`, [id]),
      ).toMatchObject({
        code: PUBLISHED_SQLSTATE,
        message: expect.stringContaining('Ändringsloggen'),
      });
      expect(await failure(client, `delete from audit_log where id = $1`, [id])).toMatchObject({
        code: PUBLISHED_SQLSTATE,
      });
    }
  });

  it('lets a user be deleted: the audit log’s foreign key clears the author, and nothing else changes', async () => {
    const kommun = await one(`select id from kommun where key = 'norrtalje'`);
    const { rows } = await app.query<{ id: number }>(
      `insert into app_user (kommun_id, email, name, role, password_hash) values ($1, 'bort@norrtalje.demo', 'Bort', 'läsare', 'x') returning id`,
      [kommun],
    );
    const user = rows[0]!.id;
    const entry = await app.query<{ id: string }>(
      `insert into audit_log (user_id, entity, entity_id, action, after) values ($1, 'AssignmentFollowUp', 1, 'update', '{}') returning id`,
      [user],
    );
    expect((await app.query(`delete from app_user where id = $1`, [user])).rowCount).toBe(1);
    const after = await app.query(`select user_id, after from audit_log where id = $1`, [entry.rows[0]!.id]);
    expect(after.rows).toEqual([{ user_id: null, after: {} }]);
  });

  it('refuses TRUNCATE: the app’s role has no such right, and the owner meets the triggers', async () => {
    for (const table of ['assignment_follow_up', 'economy_line', 'org_unit', 'audit_log', 'report']) {
      expect(await failure(app, `truncate ${table} cascade`)).toMatchObject({ code: '42501' });
      expect(await failure(owner, `truncate ${table} cascade`)).toMatchObject({ code: PUBLISHED_SQLSTATE });
    }
  });

  it('cannot switch the triggers off as the app’s role', async () => {
    expect(await failure(app, `alter table assignment_follow_up disable trigger all`)).toMatchObject({
      code: '42501',
    });
    expect(await failure(app, `alter table audit_log disable trigger user`)).toMatchObject({ code: '42501' });
    expect(await failure(app, `set session_replication_role = replica`)).toMatchObject({ code: '42501' });
    expect(await failure(app, `create role "x_${process.pid}"`)).toMatchObject({ code: '42501' });
    const [role] = (
      await app.query<{
        rolsuper: boolean;
        rolcreatedb: boolean;
        rolcreaterole: boolean;
        rolbypassrls: boolean;
      }>(
        `select rolsuper, rolcreatedb, rolcreaterole, rolbypassrls from pg_roles where rolname = current_user`,
      )
    ).rows;
    expect(role).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
    expect(await appRoleTooPowerful({ execute: async (sql) => (await app.query(sql)).rows })).toBeNull();
  });

  it('grants the app’s role the rows of every table the migrations made, whichever migration', async () => {
    const { rows } = await owner.query<{ table: string; granted: boolean }>(
      `select tablename as table,
              has_table_privilege($1, format('public.%I', tablename), 'select, insert, update, delete') as granted
         from pg_tables where schemaname = 'public' order by tablename`,
      [embeddedAppRole.name],
    );
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(rows.filter((r) => !r.granted)).toEqual([]);
    const owned = await owner.query(
      `select 1 from pg_tables where schemaname = 'public' and tableowner = $1`,
      [embeddedAppRole.name],
    );
    expect(owned.rowCount).toBe(0);
  });
});

describe('the two roles in the settings', () => {
  it('validates MIGRATION_DATABASE_URL against DATABASE_URL', () => {
    const attempt = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return 'ok';
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
    };
    expect(attempt({ MIGRATION_DATABASE_URL: 'postgresql://owner:x@db:5432/u' })).toContain(
      'MIGRATION_DATABASE_URL: kräver DATABASE_URL',
    );
    expect(
      attempt({
        DATABASE_URL: 'postgresql://app:x@db:5432/u',
        MIGRATION_DATABASE_URL: 'postgresql://owner:x@db:5432/other',
      }),
    ).toContain('samma server, port och databas');
    expect(
      attempt({
        DATABASE_URL: 'postgresql://app:x@db:5432/u',
        MIGRATION_DATABASE_URL: 'postgresql://app:y@db/u',
      }),
    ).toContain('en annan roll');
    expect(
      attempt({ DATABASE_URL: 'postgresql://app:x@db:5432/u', MIGRATION_DATABASE_URL: 'mysql://x' }),
    ).toContain('ska börja med postgres://');
    expect(
      attempt({
        DATABASE_URL: 'postgresql://app:x@db:5432/u',
        MIGRATION_DATABASE_URL: 'postgresql://owner:y@db/u',
      }),
    ).toBe('ok');
  });

  it('refuses a production start where the app would connect as the owner or a superuser', async () => {
    const start = (env: Record<string, string>) =>
      openDatabase(
        loadConfig({ NODE_ENV: 'production', SEED_DEMO_DATA: 'false', ...env }),
        pino({ level: 'silent' }),
      )
        .then(async (db) => {
          await db.close();
          return 'started';
        })
        .catch((error: Error) => `${error.constructor.name}: ${error.message}`);
    const ownerUrl = asOwner(appUrl, inject('adminDatabaseUrl'));
    expect(await start({ DATABASE_URL: ownerUrl })).toMatch(
      /^StartupRefusedError: Appen ansluter med en roll som kan stänga av skyddet för publicerade rapporter \(\w+ är superuser\)/,
    );
    // As the app's role it gets past that check, to the next one: the demo users' password.
    expect(await start({ DATABASE_URL: appUrl, MIGRATION_DATABASE_URL: ownerUrl })).toMatch(
      /^StartupRefusedError: .* har demolösenordet/,
    );
  });

  it('sets up both roles in the embedded default and serves as the app’s role', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'uppfoljning-roles-'));
    try {
      const config = loadConfig({
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
        SEED_DEMO_DATA: 'false',
      });
      const db = await openDatabase(config, pino({ level: 'silent' }));
      try {
        const connection = db.orm.em.getConnection();
        expect(await connection.execute(`select current_user as role`)).toEqual([
          { role: embeddedAppRole.name },
        ]);
        expect(await appRoleTooPowerful(connection)).toBeNull();
        // The migrations ran as the owner, and the app's role can use what they made.
        expect(await connection.execute(`select count(*)::int as n from kommun`)).toEqual([{ n: 0 }]);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
