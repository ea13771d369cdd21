/**
 * Editing over GraphQL on a database of its own (the demo data, with its working period
 * 2025): who may edit what, version conflicts, the audit log and validation.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphqlClient, type GraphQLTestClient, type TestSession } from '../../../test/graphql-client.js';
import { dropDatabase, seededDatabase } from '../../../test/test-database.js';
import { DEMO_PASSWORD } from '../../db/seed/demo-users.js';
import { createUser } from '../auth/user.service.js';
import type { Role } from '../auth/user.entity.js';
import { createDraftReport } from '../reports/draft-report.service.js';

const dbName = `uppfoljning_editing_${process.pid}`;
let client: GraphQLTestClient;

const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
  client.orm.em.fork().getConnection().execute<T[]>(query, params);
const one = async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T> => {
  const [row] = await sql<T>(query, params);
  if (!row) throw new Error(`no row for ${query}`);
  return row;
};

/** The id of a follow-up row in a period, found by a condition on its unit(s). */
const idOf = async (query: string, params: unknown[]) =>
  String((await one<{ id: number }>(query, params)).id);

const SIGN_IN = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { __typename }
}`;

async function signedIn(email: string): Promise<TestSession> {
  const session: TestSession = { address: `10.9.${Math.floor(Math.random() * 250)}.1` };
  const result = await client.data(SIGN_IN, { email, password: DEMO_PASSWORD }, session);
  expect(result.signIn.__typename).toBe('SignedIn');
  return session;
}

async function addUser(email: string, role: Role, kommunKey: string, unitKeys: string[] = []) {
  const em = client.orm.em.fork();
  await createUser(em, {
    email,
    name: email.split('@')[0]!,
    role,
    kommunKey,
    unitKeys,
    password: DEMO_PASSWORD,
  });
}

/** One edit mutation, as the matrix and the other tests run it. */
interface EditMutation {
  field: string;
  inputType: string;
  typename: string;
  table: string;
  /** The text field to write, and what the record is called in the test names. */
  textField: string;
  /** The unit a redaktör of this record is given. */
  ownUnit: string;
  own: () => Promise<string>;
  other: () => Promise<string>;
  published: () => Promise<string>;
}

const inPeriod = `join period p on p.id = f.period_id`;
const unitKey = (column: string) => `(select key from org_unit where id = ${column})`;

const mutations: EditMutation[] = [
  {
    field: 'editAssignmentFollowUp',
    inputType: 'AssignmentFollowUpEdit',
    typename: 'AssignmentFollowUp',
    table: 'assignment_follow_up',
    textField: 'comment',
    ownUnit: 'ksk-stab',
    own: () => assignmentIn('2025', 'ksk-stab'),
    other: () => assignmentIn('2025', 'ksk-ekonomi'),
    published: () => assignmentIn('2025-jan-jul', 'ksk-stab'),
  },
  {
    field: 'editIndicatorFollowUp',
    inputType: 'IndicatorFollowUpEdit',
    typename: 'IndicatorFollowUp',
    table: 'indicator_follow_up',
    textField: 'comment',
    ownUnit: 'ksk-stab',
    own: () => indicatorIn('2025', 'ksk-stab'),
    other: () => indicatorIn('2025', 'ksk-ekonomi'),
    published: () => indicatorIn('2024', 'ksk-stab'),
  },
  {
    field: 'editGoalFollowUp',
    inputType: 'GoalFollowUpEdit',
    typename: 'GoalFollowUp',
    table: 'goal_follow_up',
    textField: 'analysis',
    ownUnit: 'ksk',
    own: () => goalIn('2025', 'ksk'),
    other: () => goalIn('2025', 'sbk'),
    published: () => goalIn('2024', 'ksk'),
  },
  {
    field: 'editEconomyLine',
    inputType: 'EconomyLineEdit',
    typename: 'EconomyLine',
    table: 'economy_line',
    textField: 'deviationExplanation',
    ownUnit: 'ksk-stab',
    own: () => economyLineIn('2025', 'ksk-stab'),
    other: () => economyLineIn('2025', 'ksk-ekonomi'),
    published: () => economyLineIn('2025-jan-jul', 'ksk-stab'),
  },
  {
    field: 'editReportSection',
    inputType: 'ReportSectionEdit',
    typename: 'ReportSection',
    table: 'report_section',
    textField: 'body',
    ownUnit: 'ksk',
    own: () => sectionOf('ksk-verksamhetsberattelse-2025'),
    other: () => sectionOf('sbk-verksamhetsberattelse-2025'),
    published: () => sectionOf('ksk-verksamhetsberattelse-2024'),
  },
];

const assignmentIn = (period: string, unit: string) =>
  idOf(
    `select f.id from assignment_follow_up f ${inPeriod} join assignment a on a.id = f.assignment_id
      where p.key = ? and ${unitKey('a.responsible_unit_id')} = ? order by f.id limit 1`,
    [period, unit],
  );
const indicatorIn = (period: string, unit: string) =>
  idOf(
    `select f.id from indicator_follow_up f ${inPeriod} join indicator i on i.id = f.indicator_id
      where p.key = ? and ${unitKey('i.responsible_unit_id')} = ? order by f.id limit 1`,
    [period, unit],
  );
const goalIn = (period: string, unit: string) =>
  idOf(
    `select f.id from goal_follow_up f ${inPeriod}
      where p.key = ? and ${unitKey('f.unit_id')} = ? order by f.id limit 1`,
    [period, unit],
  );
const economyLineIn = (period: string, unit: string) =>
  idOf(
    `select l.id from economy_line l join economy_table f on f.id = l.table_id ${inPeriod}
      where p.key = ? and ${unitKey('l.unit_id')} = ? order by l.id limit 1`,
    [period, unit],
  );
const sectionOf = (reportKey: string) =>
  idOf(
    `select s.id from report_section s join report r on r.id = s.report_id
      where r.key = ? order by s.position limit 1`,
    [reportKey],
  );

const versionOf = async (m: EditMutation, id: string) =>
  (await one<{ version: number }>(`select version from ${m.table} where id = ?`, [id])).version;
const auditRows = async (m: EditMutation, id: string) =>
  (
    await one<{ n: number }>(`select count(*)::int as n from audit_log where entity = ? and entity_id = ?`, [
      m.typename,
      Number(id),
    ])
  ).n;

const editDocument = (m: EditMutation) => `mutation($input: ${m.inputType}!) {
  ${m.field}(input: $input) {
    __typename
    ... on ${m.typename} { id version ${m.textField} updatedBy { name } }
    ... on VersionConflict { message current { id version updatedBy { name } ... on ${m.typename} { ${m.textField} } } }
    ... on ValidationError { message fieldErrors { field message } }
  }
}`;

type Outcome =
  'saved' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'PUBLISHED' | 'VersionConflict' | 'ValidationError';

async function edit(
  m: EditMutation,
  id: string,
  changes: Record<string, unknown>,
  session?: TestSession,
  version?: number,
) {
  const input = { id, version: version ?? (await versionOf(m, id)), ...changes };
  const result = await client.run<Record<string, Record<string, any>>>(editDocument(m), { input }, session);
  const payload = result.data?.[m.field];
  const outcome: Outcome = result.errors?.length
    ? (result.errors[0]!.extensions?.code as Outcome)
    : payload?.__typename === m.typename
      ? 'saved'
      : (payload?.__typename as Outcome);
  return { outcome, payload, errors: result.errors };
}

const sessions: Record<string, TestSession | undefined> = {};

beforeAll(async () => {
  const url = await seededDatabase(inject('adminDatabaseUrl'), dbName);
  client = await graphqlClient(url);
  // Fixtures for "another unit's record" where the demo has none: a goal followed up by
  // Samhällsbyggnadskontoret and a draft report of it, in the working period.
  await sql(
    `insert into goal_follow_up (goal_id, unit_id, period_id, assessment)
     select f.goal_id, (select id from org_unit where key = 'sbk'), f.period_id, 'Delvis uppfyllt'
       from goal_follow_up f ${inPeriod} where p.key = '2025' order by f.id limit 1`,
  );
  const em = client.orm.em.fork();
  const ids = await one<{ kommun: number; unit: number; period: number }>(
    `select k.id as kommun, u.id as unit, p.id as period from kommun k
       join org_unit u on u.kommun_id = k.id and u.key = 'sbk'
       join period p on p.kommun_id = k.id and p.key = '2025' where k.key = 'norrtalje'`,
  );
  const draft = await createDraftReport(em, {
    kommunId: ids.kommun,
    unitId: ids.unit,
    periodId: ids.period,
    key: 'sbk-verksamhetsberattelse-2025',
    type: 'verksamhetsberättelse',
    title: 'Verksamhetsberättelse 2025 Samhällsbyggnadskontoret',
  });
  // The unit's first report: it starts with the usual headings, the first of them written.
  await sql(`update report_section set body = 'Utkast' where report_id = ? and position = 0`, [draft.id]);

  for (const m of mutations) {
    await addUser(`redaktor-${m.field}@test.demo`, 'redaktör', 'norrtalje', [m.ownUnit]);
  }
  await addUser('admin@alingsas.test.demo', 'administratör', 'alingsas');
  sessions['läsare'] = await signedIn('politiker@norrtalje.demo');
  sessions['administratör'] = await signedIn('admin@norrtalje.demo');
  sessions['administratör i annan kommun'] = await signedIn('admin@alingsas.test.demo');
  for (const m of mutations)
    sessions[`redaktör ${m.field}`] = await signedIn(`redaktor-${m.field}@test.demo`);
});

afterAll(async () => {
  await client?.close();
  await dropDatabase(inject('adminDatabaseUrl'), dbName);
});

describe('the authorisation matrix: every role × every edit × own unit / other unit / published report', () => {
  type Target = 'own' | 'other' | 'published';
  const roles: { role: string; expected: Record<Target, Outcome> }[] = [
    {
      role: 'public',
      expected: { own: 'UNAUTHENTICATED', other: 'UNAUTHENTICATED', published: 'UNAUTHENTICATED' },
    },
    { role: 'läsare', expected: { own: 'FORBIDDEN', other: 'FORBIDDEN', published: 'FORBIDDEN' } },
    { role: 'redaktör', expected: { own: 'saved', other: 'FORBIDDEN', published: 'PUBLISHED' } },
    // An administratör manages the whole kommun, so "another unit" is theirs too.
    { role: 'administratör', expected: { own: 'saved', other: 'saved', published: 'PUBLISHED' } },
    {
      role: 'administratör i annan kommun',
      expected: { own: 'FORBIDDEN', other: 'FORBIDDEN', published: 'FORBIDDEN' },
    },
  ];
  const cells = mutations.flatMap((m) =>
    roles.flatMap(({ role, expected }) =>
      (['own', 'other', 'published'] as const).map((target) => ({
        m,
        role,
        target,
        expected: expected[target],
      })),
    ),
  );

  it.each(cells)('$m.field as $role on $target → $expected', async ({ m, role, target, expected }) => {
    const id = await m[target]();
    const session = role === 'redaktör' ? sessions[`redaktör ${m.field}`] : sessions[role];
    const before = { version: await versionOf(m, id), audit: await auditRows(m, id) };
    const text = `Matris: ${role}, ${target}`;
    const { outcome, payload } = await edit(m, id, { [m.textField]: text }, session);
    expect(outcome).toBe(expected);
    if (expected === 'saved') {
      expect(payload).toMatchObject({ [m.textField]: text, version: before.version + 1 });
      expect(await auditRows(m, id)).toBe(before.audit + 1);
    } else {
      expect({ version: await versionOf(m, id), audit: await auditRows(m, id) }).toEqual(before);
    }
  });

  it('refuses in words that tell nothing about the record, the same as for one that does not exist', async () => {
    const m = mutations[0]!;
    const session = sessions[`redaktör ${m.field}`];
    const other = await edit(m, await m.other(), { comment: 'x' }, session);
    const missing = await edit(m, '999999', { comment: 'x' }, session, 1);
    expect(other.errors![0]!.message).toBe('Du har inte behörighet att ändra detta.');
    expect(missing.errors![0]).toEqual(other.errors![0]);
  });
});

describe('no lost updates', () => {
  const m = mutations[0]!;

  it('lets exactly one of two concurrent edits of the same comment win; the other gets the winner’s text', async () => {
    const id = await m.own();
    const version = await versionOf(m, id);
    const stab = sessions[`redaktör ${m.field}`];
    const admin = sessions['administratör'];
    const [a, b] = await Promise.all([
      edit(m, id, { comment: 'Skrivet av redaktören' }, stab, version),
      edit(m, id, { comment: 'Skrivet av administratören' }, admin, version),
    ]);
    const outcomes = [a.outcome, b.outcome].sort();
    expect(outcomes).toEqual(['VersionConflict', 'saved']);
    const winner = a.outcome === 'saved' ? a : b;
    const loser = a.outcome === 'saved' ? b : a;
    expect(loser.payload!.current).toMatchObject({
      version: version + 1,
      comment: winner.payload!.comment,
      updatedBy: { name: winner.payload!.updatedBy.name },
    });
    expect(loser.payload!.message).toMatch(/Någon annan har sparat/);
    expect(await versionOf(m, id)).toBe(version + 1);
  });

  it('answers an edit from an old version with the current text and its author, and changes nothing', async () => {
    const id = await m.own();
    const stab = sessions[`redaktör ${m.field}`];
    const saved = await edit(m, id, { comment: 'Första' }, stab);
    expect(saved.outcome).toBe('saved');
    const stale = await edit(m, id, { comment: 'Från en gammal version' }, sessions['administratör'], 1);
    expect(stale.outcome).toBe('VersionConflict');
    expect(stale.payload!.current).toMatchObject({
      comment: 'Första',
      updatedBy: { name: `redaktor-${m.field}` },
    });
    const row = await one<{ comment: string }>(`select comment from assignment_follow_up where id = ?`, [id]);
    expect(row.comment).toBe('Första');
  });
});

describe('history and audit', () => {
  const m = mutations[0]!;

  it('writes exactly one audit row with before and after, dates the comment, and shows the earlier text in the history', async () => {
    const id = await m.own();
    const stab = sessions[`redaktör ${m.field}`];
    const original = await one<{ comment: string | null }>(
      `select comment from assignment_follow_up where id = ?`,
      [id],
    );
    const auditBefore = await auditRows(m, id);
    const { outcome } = await edit(m, id, { comment: 'Ny lägesbeskrivning', status: 'PABORJAD' }, stab);
    expect(outcome).toBe('saved');
    const rows = await sql<{
      before: Record<string, unknown>;
      after: Record<string, unknown>;
      user_id: number;
    }>(`select before, after, user_id from audit_log where entity = ? and entity_id = ? order by id desc`, [
      m.typename,
      Number(id),
    ]);
    expect(rows).toHaveLength(auditBefore + 1);
    expect(rows[0]!.before.comment).toBe(original.comment);
    expect(rows[0]!.after).toMatchObject({ comment: 'Ny lägesbeskrivning' });
    const dated = await one<{ d: string }>(
      `select comment_date::text as d from assignment_follow_up where id = ?`,
      [id],
    );
    expect(dated.d).toBe(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' }));

    const { assignment } = await client.data(
      `query($id: ID!) { assignment(id: $id) { followUps { id comment commentDate updatedBy { name }
        history { revisions { at author { name } changes { field before after } } } } } }`,
      {
        id: String(
          (await one<{ a: number }>(`select assignment_id as a from assignment_follow_up where id = ?`, [id]))
            .a,
        ),
      },
      stab,
    );
    const followUp = assignment.followUps.find((f: { id: string }) => f.id === id);
    expect(followUp.updatedBy).toEqual({ name: `redaktor-${m.field}` });
    expect(followUp.history.revisions[0].author).toEqual({ name: `redaktor-${m.field}` });
    expect(followUp.history.revisions[0].changes).toContainEqual({
      field: 'comment',
      before: original.comment,
      after: 'Ny lägesbeskrivning',
    });
  });

  it('reads a long history a page at a time: the latest ten, then older ones after a cursor, never more than 50', async () => {
    const id = await m.own();
    const stab = sessions[`redaktör ${m.field}`];
    for (let i = 1; i <= 13; i++) {
      expect((await edit(m, id, { comment: `Version ${i}` }, stab)).outcome).toBe('saved');
    }
    const total = await auditRows(m, id);
    const PAGE = `query($id: ID!, $first: Int, $after: ID) { editable(type: AssignmentFollowUp, id: $id) {
      id history(first: $first, after: $after) { hasOlder revisions { id changes { field after } } } } }`;
    const comments = (page: { revisions: { changes: { field: string; after: string }[] }[] }) =>
      page.revisions.map((r) => r.changes.find((c) => c.field === 'comment')?.after);

    const { assignment } = await client.data(
      `query($id: ID!) { assignment(id: $id) { followUps { id history { hasOlder revisions { id changes { field after } } } } } }`,
      {
        id: String(
          (await one<{ a: number }>(`select assignment_id as a from assignment_follow_up where id = ?`, [id]))
            .a,
        ),
      },
      stab,
    );
    const latest = assignment.followUps.find((f: { id: string }) => f.id === id).history;
    expect(latest.revisions).toHaveLength(10);
    expect(latest.hasOlder).toBe(true);
    expect(comments(latest).slice(0, 3)).toEqual(['Version 13', 'Version 12', 'Version 11']);

    const seen = [...latest.revisions];
    let page = latest;
    for (let request = 0; request < 20 && page.hasOlder; request++) {
      page = (await client.data(PAGE, { id, first: 5, after: seen.at(-1)!.id }, stab)).editable.history;
      seen.push(...page.revisions);
    }
    expect(page.hasOlder).toBe(false);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((r) => r.id)).size).toBe(total);
    expect(comments({ revisions: seen }).slice(0, 13)).toEqual(
      Array.from({ length: 13 }, (_, i) => `Version ${13 - i}`),
    );

    const tooMany = await client.run(PAGE, { id, first: 51 }, stab);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(tooMany.errors?.[0]?.message).toBe(
      'Ogiltigt värde för first: ange mellan 1 och 50 ändringar åt gången.',
    );
    // The working period is not public: its records' history is not either.
    const anonymous = await client.run(PAGE, { id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('costs the same few SQL statements for every save', async () => {
    const m = mutations[0]!;
    const id = await m.own();
    const session = sessions[`redaktör ${m.field}`];
    const costs: number[] = [];
    for (const text of ['Kostnad ett', 'Kostnad två']) {
      const input = { id, version: await versionOf(m, id), comment: text };
      const result = await client.run(editDocument(m), { input }, session);
      expect(result.errors).toBeUndefined();
      costs.push(result.statements);
    }
    // Lock and read the row, its units and period, update, audit row, the author back: 6 today.
    expect(costs[1]).toBe(costs[0]);
    expect(costs[0]).toBeLessThanOrEqual(8);
  });

  it('writes no audit row and keeps the version when nothing changes', async () => {
    const id = await m.own();
    const stab = sessions[`redaktör ${m.field}`];
    const current = await one<{ comment: string }>(`select comment from assignment_follow_up where id = ?`, [
      id,
    ]);
    const before = { version: await versionOf(m, id), audit: await auditRows(m, id) };
    expect((await edit(m, id, { comment: current.comment }, stab)).outcome).toBe('saved');
    expect({ version: await versionOf(m, id), audit: await auditRows(m, id) }).toEqual(before);
  });

  it('saves an indicator outcome on its follow-up, preliminary, and leaves the yearly series alone', async () => {
    const ind = mutations[1]!;
    const id = await ind.own();
    const series = () =>
      sql<{ year: number; value: string }>(
        `select v.year, v.value from indicator_value v join indicator_follow_up f on f.indicator_id = v.indicator_id
          where f.id = ? order by v.kind, v.year`,
        [id],
      );
    const seriesBefore = await series();
    const { outcome } = await edit(
      ind,
      id,
      { outcome: 42.5, comment: 'Prognos' },
      sessions[`redaktör ${ind.field}`],
    );
    expect(outcome).toBe('saved');
    expect(
      await one<{ outcome: string }>(`select outcome from indicator_follow_up where id = ?`, [id]),
    ).toEqual({
      outcome: '42.5000',
    });
    expect(await series()).toEqual(seriesBefore);
    const read = await client.data(
      `query($id: ID!) { indicator(id: $id) { followUps { id outcome { year value preliminary } } } }`,
      {
        id: (
          await one<{ id: number }>(`select indicator_id as id from indicator_follow_up where id = ?`, [id])
        ).id,
      },
      sessions[`redaktör ${ind.field}`],
    );
    expect(read.indicator.followUps.find((f: { id: string }) => f.id === id).outcome).toEqual({
      year: 2025,
      value: 42.5,
      preliminary: true,
    });
    const [audit] = await sql<{ after: Record<string, unknown> }>(
      `select after from audit_log where entity = 'IndicatorFollowUp' and entity_id = ? order by id desc limit 1`,
      [Number(id)],
    );
    expect(audit!.after).toMatchObject({ outcome: 42.5, comment: 'Prognos' });
  });
});

describe('an edit sent again (an offline outbox replaying)', () => {
  it('applies an edit once however often its idempotency key is sent, even at the same time', async () => {
    const m = mutations[0]!;
    const id = await m.own();
    const session = sessions[`redaktör ${m.field}`];
    const version = await versionOf(m, id);
    const before = await auditRows(m, id);
    const change = { [m.textField]: 'Skrivet utan uppkoppling', idempotencyKey: 'outbox-0001-abcdef' };
    const first = await edit(m, id, change, session, version);
    expect(first.outcome).toBe('saved');
    // The answer was lost: the device sends it again, twice at once, from the old version.
    const replays = await Promise.all([1, 2].map(() => edit(m, id, change, session, version)));
    expect(replays.map((r) => r.outcome)).toEqual(['saved', 'saved']);
    expect(replays.map((r) => r.payload!.version)).toEqual([version + 1, version + 1]);
    expect(await versionOf(m, id)).toBe(version + 1);
    expect(await auditRows(m, id)).toBe(before + 1);
  });

  it('refuses a key sent again with another text, applying nothing, and still answers the real replay as saved', async () => {
    const m = mutations[0]!;
    const id = await m.own();
    const session = sessions[`redaktör ${m.field}`];
    const version = await versionOf(m, id);
    const key = 'outbox-0003-abcdef';
    /** What the record is now: its version, its audit rows and its text. */
    const state = async () => ({
      version: await versionOf(m, id),
      audit: await auditRows(m, id),
      text: (await one<{ text: string }>(`select ${m.textField} as text from ${m.table} where id = ?`, [id]))
        .text,
    });
    const send = (text: string, from: number) =>
      edit(m, id, { [m.textField]: text, idempotencyKey: key }, session, from);
    expect((await send('Det som sparades', version)).outcome).toBe('saved');
    const after = await state();

    // The same key with a different text, from the old version and from the current one.
    for (const from of [version, version + 1]) {
      const reused = await send('Något annat', from);
      expect(reused.outcome).toBe('ValidationError');
      expect(reused.payload!.fieldErrors).toEqual([
        { field: 'idempotencyKey', message: 'Nyckeln hör till en annan ändring.' },
      ]);
    }
    expect(await state()).toEqual(after);

    // The real replay (the answer was lost) is still answered as saved, and applied once.
    expect((await send('Det som sparades', version)).outcome).toBe('saved');
    expect(await state()).toEqual(after);
  });

  it('refuses a key used for another edit, and a malformed key, changing nothing', async () => {
    const m = mutations[0]!;
    const id = await m.own();
    const session = sessions[`redaktör ${m.field}`];
    const other = await mutations[2]!.own();
    const used = 'outbox-0002-abcdef';
    expect((await edit(m, id, { [m.textField]: 'Första', idempotencyKey: used }, session)).outcome).toBe(
      'saved',
    );
    const before = {
      version: await versionOf(mutations[2]!, other),
      audit: await auditRows(mutations[2]!, other),
    };
    const reused = await edit(
      mutations[2]!,
      other,
      { [mutations[2]!.textField]: 'Andra', idempotencyKey: used },
      sessions[`redaktör ${mutations[2]!.field}`],
    );
    expect(reused.payload!.fieldErrors).toEqual([
      { field: 'idempotencyKey', message: 'Nyckeln hör till en annan ändring.' },
    ]);
    const bad = await edit(m, id, { [m.textField]: 'x', idempotencyKey: 'kort' }, session);
    expect(bad.payload!.fieldErrors[0].field).toBe('idempotencyKey');
    expect({
      version: await versionOf(mutations[2]!, other),
      audit: await auditRows(mutations[2]!, other),
    }).toEqual(before);
  });
});

describe('validation', () => {
  it('names each bad field in Swedish and changes nothing', async () => {
    const m = mutations[0]!;
    const id = await m.own();
    const before = { version: await versionOf(m, id), audit: await auditRows(m, id) };
    const { outcome, payload } = await edit(
      m,
      id,
      { status: null, comment: 'x'.repeat(4001), deviationReason: 'y'.repeat(2001) },
      sessions[`redaktör ${m.field}`],
    );
    expect(outcome).toBe('ValidationError');
    expect(payload!.fieldErrors).toEqual([
      { field: 'status', message: 'Status måste anges.' },
      { field: 'comment', message: expect.stringMatching(/^Kommentaren får vara högst 4\s000 tecken\.$/) },
      {
        field: 'deviationReason',
        message: expect.stringMatching(/^Avvikelseorsaken får vara högst 2\s000 tecken\.$/),
      },
    ]);
    expect({ version: await versionOf(m, id), audit: await auditRows(m, id) }).toEqual(before);
  });

  it('refuses an empty section text and an unreasonable outcome', async () => {
    const section = mutations[4]!;
    const empty = await edit(section, await section.own(), { body: '   ' }, sessions['administratör']);
    expect(empty.payload!.fieldErrors).toEqual([{ field: 'body', message: 'Texten får inte vara tom.' }]);
    const ind = mutations[1]!;
    const huge = await edit(ind, await ind.own(), { outcome: 1e12 }, sessions['administratör']);
    expect(huge.payload!.fieldErrors).toEqual([{ field: 'outcome', message: 'Utfallet är orimligt stort.' }]);
  });

  it('answers a value outside the allowed ones in Swedish, naming the field', async () => {
    const m = mutations[0]!;
    const bad = await edit(m, await m.own(), { status: 'KLAR' }, sessions['administratör']);
    expect(bad.errors![0]).toMatchObject({
      message: 'Ogiltigt värde för input.status.',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.status' },
    });
  });

  it('refuses a bad id or version without touching the database', async () => {
    const m = mutations[0]!;
    const badId = await edit(m, 'abc', { comment: 'x' }, sessions['administratör'], 1);
    expect(badId.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    const badVersion = await edit(m, await m.own(), { comment: 'x' }, sessions['administratör'], 0);
    expect(badVersion.payload!.fieldErrors).toEqual([
      { field: 'version', message: 'Versionen ska vara ett positivt heltal.' },
    ]);
  });
});

describe('what each reader may read', () => {
  const FOLLOW_UP = `query($unit: ID!, $period: ID) { unit(id: $unit) { followUp(periodId: $period) { period { label } } } }`;
  const PERIODS = `query($unit: ID!) { unit(id: $unit) { kommun { periods { label } latestPeriod { label } } reports { title status } } }`;
  let ksk: string;
  let working: string;
  beforeAll(async () => {
    ksk = String((await one<{ id: number }>(`select id from org_unit where key = 'ksk'`)).id);
    working = String((await one<{ id: number }>(`select id from period where key = '2025'`)).id);
  });

  it('shows the public only the published periods and reports', async () => {
    const { unit } = await client.data(PERIODS, { unit: ksk });
    expect(unit.kommun.periods.map((p: { label: string }) => p.label)).toEqual(['Jan–Jul 2025', '2024']);
    expect(unit.kommun.latestPeriod.label).toBe('Jan–Jul 2025');
    expect(unit.reports.map((r: { status: string }) => r.status)).not.toContain('DRAFT');
    const denied = await client.run(FOLLOW_UP, { unit: ksk, period: working });
    expect(denied.errors![0]).toMatchObject({
      message: 'Perioden 2025 är inte publicerad ännu. Logga in för att läsa den.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('shows a signed-in läsare the working period first, and the draft report', async () => {
    const session = sessions['läsare'];
    const { unit } = await client.data(PERIODS, { unit: ksk }, session);
    expect(unit.kommun.latestPeriod.label).toBe('2025');
    expect(unit.reports).toContainEqual({
      title: 'Verksamhetsberättelse 2025 Kommunstyrelsekontoret',
      status: 'DRAFT',
    });
    expect((await client.data(FOLLOW_UP, { unit: ksk }, session)).unit.followUp.period.label).toBe('2025');
  });

  it('asks everyone to sign in when published reports are not public (PUBLIC_REPORTS=false)', async () => {
    const closed = await graphqlClient(inject('adminDatabaseUrl').replace(/\/[^/]*$/, `/${dbName}`), {
      publicReports: false,
    });
    try {
      const denied = await closed.run(FOLLOW_UP, { unit: ksk });
      expect(denied.errors![0]).toMatchObject({
        message: 'Logga in för att läsa uppföljningen.',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    } finally {
      await closed.close();
    }
  });
});
