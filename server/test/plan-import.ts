/**
 * Running an import kind of the plan (goals, indicators, assignments) the way the import
 * framework does: each row parsed, the valid ones written by importRows in one transaction,
 * with the SQL statements of the writing counted.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Cell } from '../src/modules/import/cells.js';
import type { ImportKind, ImportTarget, ParsedRow, RowOutcome } from '../src/modules/import/import-kind.js';
import { ormConfig } from '../src/db/orm-config.js';
import { dropDatabase, seededDatabase } from './test-database.js';

export interface PlanImportDb {
  orm: MikroORM;
  /** Norrtälje's working period 2025, as its administratör. */
  target: ImportTarget;
  run<V>(kind: ImportKind<V>, rows: Record<string, Cell>[], target?: ImportTarget): Promise<ImportRun>;
  rows<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface ImportRun {
  /** Every row's outcome, the wrong ones of parsing included, by row number. */
  outcomes: RowOutcome[];
  /** The statements importRows cost, its transaction's begin and commit included. */
  statements: number;
}

export async function planImportDb(url: string): Promise<PlanImportDb> {
  let statements = 0;
  const orm = await MikroORM.init(
    ormConfig(url, {
      onQuery: (sql: string) => {
        statements++;
        return sql;
      },
    }),
  );
  const rows = <T>(sql: string, params: unknown[] = []) =>
    orm.em.fork().getConnection().execute<T[]>(sql, params);
  const [ids] = await rows<{ kommun: number; period: number; admin: number }>(
    `select k.id as kommun, p.id as period, u.id as admin
       from kommun k join period p on p.kommun_id = k.id and p.key = '2025'
       join app_user u on u.email = 'admin@norrtalje.demo'
      where k.key = 'norrtalje'`,
  );
  const target: ImportTarget = {
    kommunId: ids!.kommun,
    periodId: ids!.period,
    userId: ids!.admin,
    requestId: 'test',
  };
  return {
    orm,
    target,
    rows,
    async run<V>(kind: ImportKind<V>, raw: Record<string, Cell>[], on = target) {
      const outcomes: RowOutcome[] = [];
      const parsed: ParsedRow<V>[] = [];
      raw.forEach((cells, i) => {
        const row = i + 2;
        const result = kind.parse({ number: row, cells: new Map(Object.entries(cells)) });
        if (result.value === null)
          outcomes.push({ row, status: 'wrong', errors: result.errors, changed: [] });
        else parsed.push({ row, value: result.value });
      });
      statements = 0;
      const written = await orm.em.fork().transactional((em) => kind.importRows(em, on, parsed));
      const counted = statements;
      return { outcomes: [...outcomes, ...written].sort((a, b) => a.row - b.row), statements: counted };
    },
    close: () => orm.close(true),
  };
}

/** The outcomes' statuses, counted: `{ new: 5000 }`. */
export const statusCounts = (outcomes: RowOutcome[]) =>
  outcomes.reduce<Record<string, number>>(
    (counts, o) => ({ ...counts, [o.status]: (counts[o.status] ?? 0) + 1 }),
    {},
  );

/**
 * A seeded database of the test file's own (`uppfoljning_<name>_<pid>`), made before its
 * tests and dropped after them: the object is filled in when the tests start.
 */
export function planImportDatabase(name: string): PlanImportDb {
  const dbName = `uppfoljning_${name}_${process.pid}`;
  const db = {} as PlanImportDb;
  beforeAll(async () => {
    Object.assign(db, await planImportDb(await seededDatabase(inject('adminDatabaseUrl'), dbName)));
  });
  afterAll(async () => {
    await db.close?.();
    await dropDatabase(inject('adminDatabaseUrl'), dbName);
  });
  return db;
}
