/**
 * One identity per record, over everything the app can ask: every query the client sends
 * (the documents codegen generates from client/src), for every unit and period of the demo
 * data and every record a detail page shows, as the public and as each demo user. All the
 * answers go into one ledger that stores them as the app's cache does; no two may disagree.
 */
import { print, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as documents from './client-documents.js';
import { documentAsSent } from './client-documents.js';
import { clientQueries, variablesFor } from './client-queries.js';
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
  // A record's follow-ups: those this viewer may read.
  'Assignment.followUps',
  'Goal.followUps',
  'Indicator.followUps',
  // Without signing in, only the records a published report shows (access/read-access.ts).
  'Assignment.goal',
  'Assignment.successor',
  'Assignment.predecessor',
  'Goal.indicators',
  'Goal.assignments',
]);

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
    for (const { doc, operation } of clientQueries) {
      const sent = documentAsSent(doc);
      const query = print(sent);
      for (const variables of await variablesFor(client, operation))
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
      `${clientQueries.length} queries, ${ledger.counts.answers} answers, errors ${JSON.stringify(Object.fromEntries(errors))}, ${ledger.counts.records} records, ${ledger.violations.length} violations`,
    );
    expect(clientQueries.length).toBeGreaterThanOrEqual(10);
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
