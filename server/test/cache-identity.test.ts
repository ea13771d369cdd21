/**
 * One identity per record, over everything the app can ask: every query the client sends
 * (the documents codegen generates from client/src), for every unit and period of the demo
 * data and every record a detail page shows, as the public and as each demo user. All the
 * answers go into one ledger that stores them as the app's cache does; no two may disagree.
 */
import { Kind, OperationTypeNode, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as documents from './client-documents.js';
import { documentAsSent } from './client-documents.js';
import possibleTypes from '../../client/src/gql/possible-types.js';
import { DEMO_PASSWORD, demoUsers } from '../src/db/seed/demo-users.js';
import { IdentityLedger } from './cache-identity.js';
import { graphqlClient, type GraphQLTestClient, type TestSession } from './graphql-client.js';

/**
 * Fields that depend on who asks. The app empties its cache when someone signs in or out
 * (AppHeader, the sign-in form), so they must agree within one viewer's answers only.
 */
const PER_VIEWER = new Set([
  // Whether this viewer may edit the record.
  'AssignmentFollowUp.viewerCanEdit',
  'IndicatorFollowUp.viewerCanEdit',
  'GoalFollowUp.viewerCanEdit',
  'EconomyLine.viewerCanEdit',
  'ReportSection.viewerCanEdit',
  // The public sees the periods and reports that are published; the kommun's staff also
  // the working period and the drafts.
  'Kommun.periods',
  'Kommun.latestPeriod',
  // Without a period: the latest one this viewer may read.
  'OrgUnit.followUp',
  'OrgUnit.reports',
  // A record's follow-ups: of the periods this viewer may read.
  'Assignment.followUps',
  'Goal.followUps',
  'Indicator.followUps',
]);

/** Every query document the client has, by operation name. */
const queries = Object.entries(documents as Record<string, unknown>)
  .filter(([name, value]) => name.endsWith('Document') && typeof value === 'object')
  .map(([, doc]) => doc as DocumentNode)
  .map((doc) => ({
    doc,
    operation: doc.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!,
  }))
  .filter(({ operation }) => operation.operation === OperationTypeNode.QUERY);

/** For a detail page's `id`, the records there are: by the query's root field. */
const RECORDS_BY_ROOT_FIELD: Record<string, string> = {
  assignment: 'select id from assignment',
  goal: 'select id from goal',
  indicator: 'select id from indicator',
  report: 'select id from report',
};

/** The table of each type that implements Editable. */
const EDITABLE_TABLES: Record<string, string> = {
  AssignmentFollowUp: 'assignment_follow_up',
  IndicatorFollowUp: 'indicator_follow_up',
  GoalFollowUp: 'goal_follow_up',
  EconomyLine: 'economy_line',
  ReportSection: 'report_section',
};

let client: GraphQLTestClient;
const viewers: { name: string; session?: TestSession }[] = [{ name: 'allmänheten' }];

beforeAll(async () => {
  client = await graphqlClient();
  for (const user of demoUsers) {
    const session: TestSession = {};
    const answer = await client.data<{ signIn: { __typename: string } }>(
      print(documents.SignInDocument),
      { email: user.email, password: DEMO_PASSWORD },
      session,
    );
    expect(answer.signIn.__typename).toBe('SignedIn');
    viewers.push({ name: user.email, session });
  }
});
afterAll(() => client?.close());

const sql = <T>(query: string) => client.orm.em.fork().getConnection().execute<T[]>(query);

/** Every set of variables the app can send with this operation in the demo data. */
async function variablesFor(operation: OperationDefinitionNode): Promise<Record<string, unknown>[]> {
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
  if (key === 'id') {
    const root = operation.selectionSet.selections[0];
    const list = root?.kind === Kind.FIELD ? RECORDS_BY_ROOT_FIELD[root.name.value] : undefined;
    if (!list) throw new Error(`no records known for the id of ${operation.name?.value}`);
    return (await sql<{ id: number }>(list)).map((r) => ({ id: String(r.id) }));
  }
  if (key === 'after,id,type') {
    // Older revisions of a few records of every editable type. The shared database has no
    // edits, so any cursor reads an empty page; the answer's identity is what is checked.
    const tables = Object.entries(EDITABLE_TABLES).map(
      ([type, table]) => `(select '${type}' as type, id from ${table} order by id limit 3)`,
    );
    const rows = await sql<{ type: string; id: number }>(tables.join(' union all '));
    return rows.map((r) => ({ type: r.type, id: String(r.id), after: '1' }));
  }
  throw new Error(`no values known for the variables (${key}) of ${operation.name?.value}: add them here`);
}

describe('the cache identity of every record', () => {
  it('is one: no two answers to the client’s queries, for any unit, period, record or viewer, disagree', async () => {
    const ledger = new IdentityLedger(possibleTypes.possibleTypes, PER_VIEWER);
    const errors = new Map<string, number>();
    const calls: {
      sent: DocumentNode;
      query: string;
      variables: Record<string, unknown>;
      viewer: (typeof viewers)[number];
      name: string | undefined;
    }[] = [];
    for (const { doc, operation } of queries) {
      const sent = documentAsSent(doc);
      const query = print(sent);
      for (const variables of await variablesFor(operation))
        for (const viewer of viewers)
          calls.push({ sent, query, variables, viewer, name: operation.name?.value });
    }
    // A few at a time, as a handful of browsers would ask.
    const ask = async ({ sent, query, variables, viewer, name }: (typeof calls)[number]) => {
      const result = await client.run(query, variables, viewer.session);
      for (const error of result.errors ?? []) {
        const code = String(error.extensions?.code);
        errors.set(code, (errors.get(code) ?? 0) + 1);
      }
      ledger.add(
        sent,
        variables,
        result.data,
        `${name}(${JSON.stringify(variables)}) som ${viewer.name}`,
        viewer.name,
      );
    };
    const queue = [...calls];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let call = queue.shift(); call; call = queue.shift()) await ask(call);
      }),
    );
    console.log(
      `${queries.length} queries, ${ledger.counts.answers} answers, errors ${JSON.stringify(Object.fromEntries(errors))}, ${ledger.counts.records} records, ${ledger.violations.length} violations`,
    );
    expect(queries.length).toBeGreaterThanOrEqual(10);
    // Refusals are answers too (a draft to the public); a query the server cannot run is not.
    expect(
      [...errors.keys()].filter((code) => !['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'].includes(code)),
    ).toEqual([]);
    expect(ledger.counts.records).toBeGreaterThan(400);
    const shown = [...ledger.violations]
      .sort((a, b) => a.field.localeCompare(b.field))
      .slice(0, 20)
      .map(
        (v) =>
          `${v.record}.${v.field}\n  ${JSON.stringify(v.first.value).slice(0, 200)}\n    from ${v.first.from}\n  ${JSON.stringify(v.second.value).slice(0, 200)}\n    from ${v.second.from}`,
      );
    const byField = new Map<string, number>();
    for (const v of ledger.violations) {
      const k = `${v.record.split(':')[0]}.${v.field.replace(/\(.*$/, '')}`;
      byField.set(k, (byField.get(k) ?? 0) + 1);
    }
    expect({ count: ledger.violations.length, byField: Object.fromEntries(byField), first: shown }).toEqual({
      count: 0,
      byField: {},
      first: [],
    });
  }, 900_000);
});
