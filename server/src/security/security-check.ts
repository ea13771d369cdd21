/**
 * `pnpm security:check URL`: the abuse an anonymous visitor on the internet can try, sent to
 * a running server, with what each attempt got and how long it took. These are the attempts
 * that once stalled or fooled the server (issue 11): a nested query that ran 129 s, 200
 * aliases of a page, batches and parallel requests of password guesses, bodies that are too
 * large or not JSON, a malformed cookie, a NUL byte. Each check says what a safe server
 * answers; the run fails if any answer differs.
 *
 * The guesses go to an account that does not exist, and are counted against the address the
 * check runs from: sign-ins from that address are delayed for a few minutes afterwards.
 */
import { performance } from 'node:perf_hooks';
import { refusals } from '../graphql/operation-limits.js';
import { SESSION_COOKIE } from '../modules/auth/session.service.js';
import { FREE_ATTEMPTS_PER_ACCOUNT, MAX_DELAY_SECONDS } from '../modules/auth/sign-in-throttle.js';

export interface CheckResult {
  name: string;
  expected: string;
  got: string;
  ms: number;
  /** The answer is the safe one. */
  ok: boolean;
  /** A refusal that took longer than FAST_REFUSAL_MS beyond the round trip. */
  slow?: boolean;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/**
 * A refusal must come this fast, beyond the network's own round trip (the fastest of a few
 * /healthz requests): it is decided before any resolver or SQL statement runs.
 */
export const FAST_REFUSAL_MS = 50;

/** The account the guesses go to: it cannot exist (`.invalid` is reserved, RFC 2606). */
const GUESSED_ACCOUNT = 'sakerhetskontroll@exempel.invalid';

const code = (refusal: { code: string }) => refusal.code;

type GraphQLAnswer = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

const errorCodes = (json: unknown): string[] =>
  (Array.isArray(json) ? (json as GraphQLAnswer[]) : [json as GraphQLAnswer]).flatMap(
    (a) => a?.errors?.map((e) => e.extensions?.code ?? '?') ?? [],
  );

export async function runSecurityCheck(baseUrl: string): Promise<CheckResult[]> {
  const base = baseUrl.replace(/\/+$/, '');
  const results: CheckResult[] = [];

  const send = async (path: string, init: RequestInit = {}): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, init);
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  };
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  /**
   * Runs an attempt, times it, and records whether its answer is the safe one. An attempt
   * that changes nothing on the server is made `tries` times: each answer must be safe, and
   * the fastest time counts, so one stall of a busy machine is not taken for a slow refusal.
   */
  async function check<T>(
    name: string,
    expected: string,
    attempt: () => Promise<T>,
    judge: (result: T, ms: number) => { ok: boolean; slow?: boolean; got: string },
    tries = 3,
  ) {
    let fastest: Omit<CheckResult, 'name' | 'expected'> | undefined;
    let allOk = true;
    for (let i = 0; i < tries; i++) {
      const started = performance.now();
      let judged: Omit<CheckResult, 'name' | 'expected'>;
      try {
        const result = await attempt();
        const ms = Math.round(performance.now() - started);
        judged = { ms, ...judge(result, ms) };
      } catch (error) {
        judged = {
          ms: Math.round(performance.now() - started),
          ok: false,
          got: `fel: ${(error as Error).message}`,
        };
      }
      allOk &&= judged.ok;
      if (!judged.ok || !fastest || (fastest.ok && judged.ms < fastest.ms)) fastest = judged;
    }
    results.push({ name, expected, ...fastest!, ok: allOk });
  }

  /** A GraphQL refusal with one of the codes, fast, with no data. */
  const refusedWith =
    (...codes: string[]) =>
    (answer: Answer, ms: number) => {
      // ms is the attempt's time including the network's; the round trip is taken off.
      const got = errorCodes(answer.json);
      const data = (answer.json as GraphQLAnswer | undefined)?.data;
      const ok = got.length > 0 && got.every((c) => codes.includes(c)) && !data;
      return {
        ok,
        slow: ms - roundTrip >= FAST_REFUSAL_MS,
        got: `HTTP ${answer.status} ${[...new Set(got)].join(', ') || answer.text.slice(0, 80)}`,
      };
    };

  let roundTrip = Infinity;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await send('/healthz');
    roundTrip = Math.min(roundTrip, performance.now() - started);
  }
  // Any unit will do: the limits refuse before a resolver looks the id up.
  const unitId = await findUnitId(post);

  const nested = (levels: number) =>
    `{ unit(id: "${unitId}") { ${'children { parent { '.repeat(levels)}id${' } }'.repeat(levels)} } }`;
  await check(
    'kapslad fråga unit → children → parent, 7 nivåer (tog 129 s)',
    `${code(refusals.depth(1))} eller ${code(refusals.cost(1, 1))}`,
    () => post({ query: nested(7) }),
    refusedWith(code(refusals.cost(1, 1)), code(refusals.depth(1))),
  );
  await check(
    'kapslad fråga, 30 nivåer',
    code(refusals.depth(1)),
    () => post({ query: nested(30) }),
    refusedWith(code(refusals.depth(1)), code(refusals.cost(1, 1))),
  );
  const page = 'id name children { id name } ancestors { id name }';
  await check(
    '200 alias av enhetssidan (tog 6,7 s)',
    `${code(refusals.aliases(1))} eller ${code(refusals.tokens(1))}`,
    () =>
      post({
        query: `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: unit(id: "${unitId}") { ${page} }`).join(' ')} }`,
      }),
    refusedWith(code(refusals.aliases(1)), code(refusals.tokens(1))),
  );
  await check(
    '50 direktiv',
    code(refusals.directives(1)),
    () => post({ query: `{ kommuner { ${'id @include(if: true) '.repeat(50)}} }` }),
    refusedWith(code(refusals.directives(1))),
  );
  await check(
    '5 000 symboler',
    code(refusals.tokens(1)),
    () => post({ query: `{ kommuner { ${'id '.repeat(5000)} } }` }),
    refusedWith(code(refusals.tokens(1))),
  );
  await check(
    'listor i listor: kommuner → root → children × 5',
    code(refusals.cost(1, 1)),
    () => post({ query: `{ kommuner { root { ${'children { '.repeat(5)}id${' }'.repeat(5)} } } }` }),
    refusedWith(code(refusals.cost(1, 1))),
  );
  await check(
    'batch med 1 000 frågor',
    code(refusals.batch(1)),
    () => post(Array.from({ length: 1000 }, () => ({ query: '{ kommuner { id } }' }))),
    refusedWith(code(refusals.batch(1))),
  );
  await check(
    'introspektion av schemat',
    code(refusals.introspection()),
    () => post({ query: '{ __schema { types { name fields { name } } } }' }),
    refusedWith(code(refusals.introspection()), 'GRAPHQL_VALIDATION_FAILED'),
  );
  await check(
    'felstavat fält (förslag "Did you mean")',
    'inga förslag ur schemat',
    () => post({ query: '{ kommunr { id } }' }),
    (answer) => ({
      ok: answer.status === 400 && !/did you mean/i.test(answer.text),
      got: `HTTP ${answer.status} ${(answer.json as GraphQLAnswer | undefined)?.errors?.[0]?.message ?? answer.text.slice(0, 80)}`,
    }),
  );

  // Password guessing, sent every way the endpoint takes it.

  const signIn = (password: string, alias = '') =>
    `${alias}signIn(email: "${GUESSED_ACCOUNT}", password: ${JSON.stringify(password)}) { __typename ... on SignInError { errorCode } }`;
  const signInCodes = (json: unknown): string[] =>
    Object.values(
      (json as { data?: Record<string, { __typename?: string; errorCode?: string } | null> | null })?.data ??
        {},
    ).map((a) => a?.errorCode ?? a?.__typename ?? 'null');
  await check(
    'NUL-tecken i inloggningens e-post',
    'ett valideringsfel, inget internt fel',
    () =>
      post({
        query:
          'mutation($e: String!) { signIn(email: $e, password: "x") { __typename ... on SignInError { errorCode field } } }',
        variables: { e: 'a\u0000@b.se' },
      }),
    (answer) => {
      const codes = [...errorCodes(answer.json), ...signInCodes(answer.json)];
      return {
        ok: codes.length > 0 && codes.every((c) => /VALIDATION|BAD_USER_INPUT/i.test(c)),
        got: `HTTP ${answer.status} ${codes.join(', ')}`,
      };
    },
  );
  await check(
    'batch med 7 inloggningsförsök',
    code(refusals.batchedMutation()),
    () => post(Array.from({ length: 7 }, (_, i) => ({ query: `mutation { ${signIn(`gissning ${i}`)} }` }))),
    refusedWith(code(refusals.batchedMutation())),
  );
  await check(
    `15 inloggningsförsök som alias i en fråga`,
    `högst ${FREE_ATTEMPTS_PER_ACCOUNT} prövas, resten THROTTLED`,
    () =>
      post({
        query: `mutation { ${Array.from({ length: 15 }, (_, i) => signIn(`alias ${i}`, `g${i}: `)).join(' ')} }`,
      }),
    (answer) => {
      const answers = signInCodes(answer.json);
      const tried = answers.filter((c) => c === 'INVALID_CREDENTIALS').length;
      const throttled = answers.filter((c) => c === 'THROTTLED').length;
      return {
        ok: answers.length === 15 && tried <= FREE_ATTEMPTS_PER_ACCOUNT && tried + throttled === 15,
        got: `${tried} prövade, ${throttled} THROTTLED av ${answers.length}`,
      };
    },
    1,
  );
  await check(
    '50 parallella inloggningsförsök',
    'inget prövas medan fördröjningen löper',
    () =>
      Promise.all(
        Array.from({ length: 50 }, (_, i) => post({ query: `mutation { ${signIn(`parallell ${i}`)} }` })),
      ),
    (answers) => {
      const codes = answers.flatMap((a) => signInCodes(a.json));
      const tried = codes.filter((c) => c === 'INVALID_CREDENTIALS').length;
      const throttled = codes.filter((c) => c === 'THROTTLED').length;
      // The aliases above used the free attempts; a delay (at most MAX_DELAY_SECONDS) that
      // runs out while the 50 come in lets one more through, so a few are tolerated.
      return {
        ok: tried + throttled === 50 && tried <= 2,
        got: `${tried} prövade, ${throttled} THROTTLED (längsta väntan ${MAX_DELAY_SECONDS} s)`,
      };
    },
    1,
  );
  // The HTTP layer.
  const swedishJsonRefusal = (status: number, refusal: { code: string }) => (answer: Answer) => ({
    ok:
      answer.status === status &&
      (answer.headers.get('content-type') ?? '').includes('application/json') &&
      errorCodes(answer.json).includes(refusal.code),
    got: `HTTP ${answer.status} ${answer.headers.get('content-type') ?? ''} ${errorCodes(answer.json).join(', ')}`,
  });
  await check(
    'anrop på 2 MB',
    `HTTP 413 ${code(refusals.bodyTooLarge(''))} som JSON`,
    () => post(JSON.stringify({ query: `{ kommuner { id } }`, padding: 'x'.repeat(2_000_000) })),
    swedishJsonRefusal(413, refusals.bodyTooLarge('')),
  );
  await check(
    'anrop som inte är JSON',
    `HTTP 400 ${code(refusals.notJson())} som JSON`,
    () => post('{ inte json'),
    swedishJsonRefusal(400, refusals.notJson()),
  );
  await check(
    'trasig sessionskaka',
    'HTTP 200, inte inloggad',
    () => post({ query: '{ me { id } }' }, { cookie: `${SESSION_COOKIE}=%E0%A4%A; other=1` }),
    (answer) => ({
      ok: answer.status === 200 && (answer.json as GraphQLAnswer | undefined)?.data?.me === null,
      got: `HTTP ${answer.status} ${answer.text.trim().slice(0, 80)}`,
    }),
  );
  await check(
    'säkerhetshuvuden på appens sida',
    "CSP default-src 'self', frame-ancestors 'none', nosniff, referrer-policy" +
      (base.startsWith('https:') ? ', HSTS' : ''),
    () => send('/'),
    (answer) => {
      const csp = answer.headers.get('content-security-policy') ?? '';
      const missing = [
        !/default-src 'self'/.test(csp) && 'default-src',
        !/frame-ancestors 'none'/.test(csp) && 'frame-ancestors',
        answer.headers.get('x-content-type-options') !== 'nosniff' && 'nosniff',
        !answer.headers.get('referrer-policy') && 'referrer-policy',
        base.startsWith('https:') && !answer.headers.get('strict-transport-security') && 'HSTS',
      ].filter(Boolean);
      return {
        ok: missing.length === 0,
        got: missing.length ? `saknas: ${missing.join(', ')}` : 'alla finns',
      };
    },
  );
  for (const path of ['/healthz', '/readyz']) {
    await check(
      path,
      'HTTP 200',
      () => send(path),
      (answer) => ({
        ok: answer.status === 200,
        got: `HTTP ${answer.status}`,
      }),
    );
  }
  return results;
}

/** The id of some unit the server knows, or a made-up one where nothing is public. */
async function findUnitId(post: (body: unknown) => Promise<Answer>): Promise<string> {
  const answer = await post({ query: '{ kommuner { root { id } } }' });
  const kommuner = (answer.json as { data?: { kommuner?: { root: { id: string } }[] } })?.data?.kommuner;
  return kommuner?.[0]?.root.id ?? '1';
}

/** The results as a table for the terminal. */
export function formatResults(results: CheckResult[]): string {
  const rows = results.map((r) => [
    r.ok ? (r.slow ? 'LÅNGSAM' : 'ok') : 'FEL',
    r.name,
    r.expected,
    r.got,
    `${r.ms} ms`,
  ]);
  const header = ['', 'försök', 'ska få', 'fick', 'tid'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
