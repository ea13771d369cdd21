/**
 * Every query the client sends (the documents codegen generates from client/src), with every
 * set of variables the app can send with it in the demo data: each unit, each unit in each
 * period, each record a detail page shows. Tests that must hold for all of the API as the app
 * uses it (one cache identity per record, who may read what) sweep these.
 */
import { Kind, OperationTypeNode, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import * as documents from './client-documents.js';
import type { GraphQLTestClient } from './graphql-client.js';

export interface ClientOperation {
  doc: DocumentNode;
  operation: OperationDefinitionNode;
}

/** Every operation document the client has, queries and mutations. */
export const clientOperations: ClientOperation[] = Object.entries(documents as Record<string, unknown>)
  .filter(([name, value]) => name.endsWith('Document') && typeof value === 'object')
  .map(([, doc]) => doc as DocumentNode)
  .map((doc) => ({
    doc,
    operation: doc.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!,
  }));

/** Every query document the client has. */
export const clientQueries = clientOperations.filter(
  ({ operation }) => operation.operation === OperationTypeNode.QUERY,
);

/** For a detail page's `id`, the records there are: by the query's root field. */
const RECORDS_BY_ROOT_FIELD: Record<string, string> = {
  assignment: 'select id from assignment',
  goal: 'select id from goal',
  indicator: 'select id from indicator',
  report: 'select id from report',
};

/** The table of each type that implements Editable. */
export const EDITABLE_TABLES: Record<string, string> = {
  AssignmentFollowUp: 'assignment_follow_up',
  IndicatorFollowUp: 'indicator_follow_up',
  GoalFollowUp: 'goal_follow_up',
  EconomyLine: 'economy_line',
  ReportSection: 'report_section',
};

/** Every set of variables the app can send with this operation in the client's database. */
export async function variablesFor(
  client: GraphQLTestClient,
  operation: OperationDefinitionNode,
): Promise<Record<string, unknown>[]> {
  const sql = <T>(query: string) => client.orm.em.fork().getConnection().execute<T[]>(query);
  const names = (operation.variableDefinitions ?? []).map((v) => v.variable.name.value).sort();
  const key = names.join(',');
  if (key === '') return [{}];
  if (key === 'periodId,unitId' || key === 'unitId') {
    const rows = await sql<{ unit: number; period: number | null }>(
      `select u.id as unit, p.id as period from org_unit u left join period p on p.kommun_id = u.kommun_id`,
    );
    const units = [...new Set(rows.map((r) => r.unit))];
    if (key === 'unitId') return units.map((u) => ({ unitId: String(u) }));
    return [
      ...units.map((u) => ({ unitId: String(u) })),
      ...rows
        .filter((r) => r.period !== null)
        .map((r) => ({ unitId: String(r.unit), periodId: String(r.period) })),
    ];
  }
  if (key === 'kommunId') {
    return (await sql<{ id: number }>(`select id from kommun order by id`)).map((r) => ({
      kommunId: String(r.id),
    }));
  }
  if (key === 'periodId') {
    return (await sql<{ id: number }>(`select id from period order by id`)).map((r) => ({
      periodId: String(r.id),
    }));
  }
  if (key === 'id') {
    const root = operation.selectionSet.selections[0];
    const list = root?.kind === Kind.FIELD ? RECORDS_BY_ROOT_FIELD[root.name.value] : undefined;
    if (!list) throw new Error(`no records known for the id of ${operation.name?.value}`);
    return (await sql<{ id: number }>(list)).map((r) => ({ id: String(r.id) }));
  }
  if (key === 'kommunId') {
    return (await sql<{ id: number }>(`select id from kommun order by id`)).map((r) => ({
      kommunId: String(r.id),
    }));
  }
  if (key === 'after,id,type') {
    // Older revisions of a few records of every editable type. The demo data has no edits,
    // so any cursor reads an empty page; what the answer is made of is what is checked.
    const tables = Object.entries(EDITABLE_TABLES).map(
      ([type, table]) => `(select '${type}' as type, id from ${table} order by id limit 3)`,
    );
    const rows = await sql<{ type: string; id: number }>(tables.join(' union all '));
    return rows.map((r) => ({ type: r.type, id: String(r.id), after: '1' }));
  }
  throw new Error(`no values known for the variables (${key}) of ${operation.name?.value}: add them here`);
}
