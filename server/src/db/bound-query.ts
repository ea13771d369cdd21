/**
 * A statement whose parameters travel to PostgreSQL as bound parameters. MikroORM's
 * `em.execute` writes every parameter into the SQL text (escaped, in JavaScript) before
 * sending it: for the JSON of an import's thousands of rows, a few megabytes, that cost
 * 130 MB of heap and more time than the statement. Here the JSON is sent as it is. The
 * ORM's onQuery hook is told of the statement as `em.execute` tells it (the tests count
 * statements with it), and it runs in the EntityManager's transaction.
 */
import type { EntityManager } from '@mikro-orm/postgresql';

/** As `em.execute`: the rows, typed as the caller says (`executeBound<{ id: number }[]>`). */
export async function executeBound<T extends object[] = Record<string, unknown>[]>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
): Promise<T> {
  const onQuery = em.config.get('onQuery');
  const query = em.getKnex().raw(onQuery(sql, [...params]), [...params] as never[]);
  const tx = em.getTransactionContext<Parameters<typeof query.transacting>[0]>();
  if (tx) query.transacting(tx);
  const result = (await query) as { rows: T };
  return result.rows;
}
