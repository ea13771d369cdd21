import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AssignmentPageDocument,
  AssignmentsSectionDocument,
  SignInDocument,
  UnitPageDocument,
} from '../../../test/client-documents.js';
import {
  graphqlClient,
  periodId,
  unitId,
  type GraphQLTestClient,
  type TestSession,
} from '../../../test/graphql-client.js';
import { DEMO_PASSWORD } from '../../db/seed/demo-users.js';

const SUMMARY = /* GraphQL */ `
  query Summary($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      followUp(periodId: $periodId) {
        assignmentSummary {
          rows {
            kind
            status
            onPlan
            deviating
            withoutForecast
            total
          }
          onPlan
          deviating
          withoutForecast
          total
        }
      }
    }
  }
`;

const LIST = /* GraphQL */ `
  query List($unitId: ID!, $periodId: ID, $filter: AssignmentFilter) {
    unit(id: $unitId) {
      followUp(periodId: $periodId) {
        assignments(filter: $filter) {
          status
          forecast
          comment
          commentDate
          assignment {
            id
            kind
            title
            dueDate
            responsibleUnit {
              name
            }
          }
        }
      }
    }
  }
`;

type Row = { kind: string; status: string; onPlan: number; deviating: number; total: number };
const table = (rows: Row[]) => rows.map((r) => `${r.kind} ${r.status} ${r.onPlan}/${r.deviating}`);

let client: GraphQLTestClient;
let ksk: string;
let sbk: string;
let stab: string;
let jul2025: string;
let year2024: string;

beforeAll(async () => {
  client = await graphqlClient();
  ksk = await unitId(client, 'norrtalje', 'ksk');
  sbk = await unitId(client, 'norrtalje', 'sbk');
  stab = await unitId(client, 'norrtalje', 'ksk-stab');
  jul2025 = await periodId(client, 'norrtalje', '2025-jan-jul');
  year2024 = await periodId(client, 'norrtalje', '2024');
});
afterAll(() => client.close());

/** The unit page's Uppdrag section, as the app asks for it. */
const section = async (unit: string, period: string, session?: TestSession) =>
  (await client.data(AssignmentsSectionDocument, { unitId: unit, periodId: period }, session)).unit.followUp!;
const listOf = async (unit: string, period: string, session?: TestSession) =>
  (await section(unit, period, session)).assignments;
const pageOf = async (id: string, session?: TestSession) =>
  (await client.data(AssignmentPageDocument, { id }, session)).assignment;
/** Titles as the sources print them, which sometimes end a title with a full stop and sometimes not. */
const sameTitle = (a: string, b: string) => a.replace(/\.$/, '') === b.replace(/\.$/, '');

describe('the assignment summary table', () => {
  it('reproduces the printed Jan–Jul 2025 table of Kommunstyrelsekontoret from the items', async () => {
    const data = await client.data(SUMMARY, { unitId: ksk, periodId: jul2025 });
    const summary = data.unit.followUp.assignmentSummary;
    expect(table(summary.rows)).toEqual([
      'UPPDRAG EJ_PABORJAD 0/1',
      'UPPDRAG PABORJAD 15/1',
      'UPPDRAG SLUTFORD 3/1',
      'NAMNDINITIATIV EJ_PABORJAD 0/1',
      'NAMNDINITIATIV PABORJAD 7/3',
      'NAMNDINITIATIV SLUTFORD 3/1',
    ]);
    expect(summary).toMatchObject({ onPlan: 28, deviating: 8, withoutForecast: 0, total: 36 });
  });

  it('reproduces the printed 2024 table of the verksamhetsberättelse (36 items)', async () => {
    const data = await client.data(SUMMARY, { unitId: ksk, periodId: year2024 });
    const summary = data.unit.followUp.assignmentSummary;
    expect(table(summary.rows)).toEqual([
      'UPPDRAG SLUTFORD 11/6',
      'UPPDRAG STANGS_OCH_OVERGAR 0/1',
      'NAMNDINITIATIV SLUTFORD 10/3',
      'NAMNDINITIATIV KVARSTAENDE 0/1',
      'NAMNDINITIATIV STRUKEN 0/1',
      'NAMNDINITIATIV STANGS_OCH_OVERGAR 0/3',
    ]);
    expect(summary).toMatchObject({ onPlan: 21, deviating: 15, total: 36 });
  });

  it('defaults to the latest period of the kommun', async () => {
    const data = await client.data(SUMMARY, { unitId: ksk });
    expect(data.unit.followUp.assignmentSummary.total).toBe(36);
    expect(data.unit.followUp.assignmentSummary.onPlan).toBe(28);
  });

  it('counts only what a department is responsible for on its own page', async () => {
    const data = await client.data(SUMMARY, { unitId: stab, periodId: jul2025 });
    const list = await client.data(LIST, { unitId: stab, periodId: jul2025 });
    const items = list.unit.followUp.assignments;
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.every((i: any) => i.assignment.responsibleUnit.name === 'Stab- och planeringsavdelningen'),
    ).toBe(true);
    expect(data.unit.followUp.assignmentSummary.total).toBe(items.length);
  });
});

describe('the assignment list', () => {
  it('gives every item its latest dated comment, department, due date and goal', async () => {
    const items = await listOf(ksk, jul2025);
    expect(items).toHaveLength(36);
    const genomlysning = items.find((i) =>
      i.assignment.title.startsWith('Kommunens organisation ska genomlysas'),
    );
    expect(genomlysning).toMatchObject({
      status: 'PABORJAD',
      forecast: 'AVVIKELSE_FRAN_PLAN',
      commentDate: '2025-07-31',
      goal: { code: '1.2', title: 'En effektiv verksamhet' },
      responsibleUnitInPeriod: { name: 'Ekonomiavdelningen' },
      assignment: { kind: 'UPPDRAG', dueDate: '2025-12-01' },
    });
    expect(genomlysning!.comment).toContain('i avvaktan på ny kommundirektör');
  });

  it('filters by kind, status, forecast, responsible department and words, combined', async () => {
    const deviatingInitiatives = await client.data(LIST, {
      unitId: ksk,
      periodId: jul2025,
      filter: { kind: 'NAMNDINITIATIV', forecast: 'AVVIKELSE_FRAN_PLAN' },
    });
    expect(deviatingInitiatives.unit.followUp.assignments).toHaveLength(5);

    const startedOrDone = await client.data(LIST, {
      unitId: ksk,
      periodId: jul2025,
      filter: { kind: 'UPPDRAG', status: ['PABORJAD', 'SLUTFORD'] },
    });
    expect(startedOrDone.unit.followUp.assignments).toHaveLength(20);

    const byDepartment = await client.data(LIST, {
      unitId: ksk,
      periodId: jul2025,
      filter: { responsibleUnitId: stab },
    });
    const own = await client.data(LIST, { unitId: stab, periodId: jul2025 });
    expect(byDepartment.unit.followUp.assignments.map((i: any) => i.assignment.id)).toEqual(
      own.unit.followUp.assignments.map((i: any) => i.assignment.id),
    );

    const search = await client.data(LIST, {
      unitId: ksk,
      periodId: jul2025,
      filter: { search: 'TRYGGHETSKAMEROR' },
    });
    expect(search.unit.followUp.assignments.map((i: any) => i.assignment.title)).toEqual([
      'Trygghetskameror ska sättas upp på fler utsatta eller potentiellt utsatta platser.',
    ]);
  });

  it('rejects an unknown status with a validation error that names the field', async () => {
    const result = await client.run(LIST, { unitId: ksk, filter: { status: ['KLAR'] } });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('filter.status');
  });

  it('rejects a malformed department id in the filter, naming the field', async () => {
    const result = await client.run(LIST, { unitId: ksk, filter: { responsibleUnitId: 'abc' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.responsibleUnitId',
    });
  });
});

describe('an assignment', () => {
  it('shows every follow-up, latest first, for an assignment that stays on the list from 2024 into 2025 ("Kvarstående", 001 line 958)', async () => {
    const [item] = (await listOf(ksk, jul2025)).filter((i) =>
      i.assignment.title.startsWith(
        'Undersöka objektinnehavares uppfattning beträffande brandskyddskontroll',
      ),
    );
    const page = await pageOf(item!.assignment.id);
    expect(page.followUps.map((f) => [f.period.label, f.status])).toEqual([
      ['Jan–Jul 2025', 'PABORJAD'],
      ['2024', 'KVARSTAENDE'],
    ]);
    expect(page.followUps.map((f) => f.origin)).toEqual(['EARLIER_YEAR', 'UNKNOWN']);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const result = await client.run(`{ assignment(id: 999999) { id } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.errors?.[0]?.message).toBe('Uppdraget med id 999999 finns inte.');
  });
});

/**
 * Issue 10: what the source reports in shared/seeds print about the assignments, read through
 * the operations the app sends. Every expected value is quoted from the source, with its
 * file and line.
 */
describe('as the source reports print them', () => {
  it('gives each ongoing item of Jan–Jul 2025 that deviates from plan the reason of the "Orsak till försening" table (000, lines 12–60)', async () => {
    // Line 12: "Tabellen nedan visar de pågående uppdrag och initiativ som avviker från plan,
    // samt orsaken till förseningarna."
    const printed = [
      [
        'UPPDRAG',
        'Kommunens organisation ska genomlysas med syfte att effektivisera verksamheten utan att göra avkall på kvaliteten.',
        'Uppdraget är försenat i avvaktan på ny kommundirektör. Bedömningen är att slutredovisningen kommer att ske i samband med verksamhetsberättelsen.', // lines 17–25
      ],
      [
        'UPPDRAG',
        'Integrationsstrategin med tillhörande handlingsplaner ska följas upp och uppdateras.',
        'Uppdragets hemvist diskuteras fortsatt. Nytt datum för färdigställande kommer.', // lines 27–32
      ],
      [
        'NAMNDINITIATIV',
        'Ta fram åtgärdsplan för att inte överskrida den beslutade koldioxidbudgeten.',
        'Återremmiterad 26 maj, går upp på KS igen i september.', // lines 34–39
      ],
      [
        'NAMNDINITIATIV',
        'Revidering av styrmodellen.',
        'Uppdraget ej påbörjat, risk finns att tidplanen förskjuts.', // lines 41–42
      ],
      [
        'NAMNDINITIATIV',
        'Genomföra en riskanalys för att identifiera prioriterade områden med hög risk för välfärdsbrott i respektive verksamhet.',
        'Inhämtandet av underlag för framtagandet av riskanalysen planeras till september och oktober månad. Uppdraget är därmed försenat men planeras kunna genomföras under året.', // lines 44–52
      ],
      [
        'NAMNDINITIATIV',
        'Översyn av Turistbyråns verksamhet.',
        'Uppdraget pågår, men det är försenat till följd av att den statistik som krävs inte blir tillgänglig förrän efter sommarsäsongen. Det kommer att redovisas till kommunstyrelsen den 1 december 2025.', // lines 54–60
      ],
    ] as const;
    const ongoingDeviating = (await listOf(ksk, jul2025)).filter(
      (f) => f.forecast === 'AVVIKELSE_FRAN_PLAN' && f.status !== 'SLUTFORD',
    );
    expect(ongoingDeviating).toHaveLength(printed.length);
    for (const [kind, title, reason] of printed) {
      const item = ongoingDeviating.find((f) => sameTitle(f.assignment.title, title));
      expect(item, title).toMatchObject({ assignment: { kind } });
      const followUp = (await pageOf(item!.assignment.id)).followUps.find((f) => f.period.id === jul2025);
      expect(followUp?.deviationReason, title).toBe(reason);
    }
  });

  it('lists "Ta fram åtgärdsplan … koldioxidbudgeten" under 5.1 Minskad klimatpåverkan in Jan–Jul 2025 (000, lines 700–712) and under 5.1 Minska användningen av fossila bränslen in 2024 (001, lines 1176 and 1252), one 5.1 in each report', async () => {
    const underGoal51 = async (period: string) => {
      const items = (await listOf(ksk, period)).filter((f) => f.goal?.code === '5.1');
      return {
        goals: [...new Set(items.map((f) => f.goal!.title))],
        titles: items.map((f) => f.assignment.title),
      };
    };
    expect(await underGoal51(jul2025)).toEqual({
      goals: ['Minskad klimatpåverkan'], // 000 lines 300 and 708
      titles: [
        'Inrätta ett kontor för hållbar utveckling under ett nytt utskott till kommunstyrelsen med ansvar för omställningsfrågor rörande klimat, cirkulär ekonomi, energi, miljö och social hållbarhet.', // lines 302–310
        'Upprätta och följa upp en klimatomställningsplan i relation till kommunens koldioxidbudget.', // lines 320–325
        'Initiera utbildningsinsatser om hållbarhet.', // lines 336–338
        'Utreda möjligheterna att införa ett kommunalt hållbarhetsbidrag för föreningar samt erbjuda finansieringslots som kan hjälpa till med att hitta extern finansiering.', // lines 352–361
        'Ta fram åtgärdsplan för att inte överskrida den beslutade koldioxidbudgeten.', // lines 710–713
      ],
    });
    expect(await underGoal51(year2024)).toEqual({
      goals: ['Minska användningen av fossila bränslen'], // 001 line 1176
      titles: [
        'Utöka antalet pendlarparkeringar.', // lines 1222–1223
        'Göra en översyn av kommunens resepolicy för att stimulera till en ökad andel fossilfria tjänsteresor.', // lines 1233–1237
        'Ta fram åtgärdsplan för att inte överskrida den beslutade koldioxidbudgeten.', // lines 1252–1255
      ],
    });
  });

  it('links each "Stängs och övergår i nytt uppdrag" of 2024 (001, lines 232–243) to the item that carries it on in Jan–Jul 2025, where 000 lists one', async () => {
    const closed = (await listOf(ksk, year2024)).filter((f) => f.status === 'STANGS_OCH_OVERGAR');
    // Line 232: "Uppdrag Stängs och övergår i nytt uppdrag 1 1"; line 241: "Nämndinitiativ … 3 3".
    expect(closed.map((f) => f.assignment.kind)).toEqual([
      'UPPDRAG',
      'NAMNDINITIATIV',
      'NAMNDINITIATIV',
      'NAMNDINITIATIV',
    ]);
    const jan2025 = await listOf(ksk, jul2025);
    const carriedOn = {
      // 000 lines 212–215, the "kvarvarande uppdrag från tidigare år" of line 5.
      'Trygghetskameror ska sättas upp på fler utsatta eller potentiellt utsatta platser.': 'PABORJAD',
      // 000 lines 710–713.
      'Ta fram åtgärdsplan för att inte överskrida den beslutade koldioxidbudgeten.': 'PABORJAD',
      // 000 lines 732–736.
      'Arbeta fram handlingsplan för informations- och kommunikationsförbättringar mellan Norrtälje kommun och näringslivet.':
        'SLUTFORD',
    };
    for (const f of closed) {
      const page = await pageOf(f.assignment.id);
      const status = Object.entries(carriedOn).find(([title]) => sameTitle(title, f.assignment.title))?.[1];
      if (!status) {
        // "Uppdra till förvaltningen att utreda och ta fram rutin för bakgrundskontroller
        // nyanställd personal" (001 lines 562–576): "Uppdraget finns inte med i
        // kommunstyrelsekontorets verksamhetsplan för 2025-2027 men kommer redovisas i
        // rapporteringen för 2025" (lines 572–573). 000 does not list it, and no source names
        // an assignment that replaced it, so it links to none.
        expect(f.assignment.title).toMatch(
          /^Uppdra till förvaltningen att utreda och ta fram rutin för bakgrundskontroller/,
        );
        expect(page.successor).toBeNull();
        expect(jan2025.some((n) => n.assignment.title.includes('bakgrundskontroller'))).toBe(false);
        continue;
      }
      expect(page.successor, f.assignment.title).not.toBeNull();
      const successor = jan2025.find((n) => n.assignment.id === page.successor!.id);
      expect(successor, f.assignment.title).toMatchObject({
        status,
        assignment: { title: f.assignment.title },
      });
      expect((await pageOf(page.successor!.id)).predecessor).toEqual({
        id: f.assignment.id,
        title: f.assignment.title,
      });
    }
  });

  /**
   * The uppdrag of KSK's list for a period: the items, and the count under the summary table
   * (AssignmentSummaryTable's fragment, in the section's query).
   */
  const uppdragOf = async (period: string) => {
    const followUp = await section(ksk, period);
    const { assignmentOrigins } = followUp as unknown as {
      assignmentOrigins: { kind: string; thisYear: number; earlierYear: number; unknown: number }[];
    };
    const items = followUp.assignments.filter((f) => f.assignment.kind === 'UPPDRAG');
    const count = (origin: string) => items.filter((f) => f.origin === origin).length;
    return {
      items,
      fromItems: {
        thisYear: count('THIS_YEAR'),
        earlierYear: count('EARLIER_YEAR'),
        unknown: count('UNKNOWN'),
      },
      counted: assignmentOrigins.find((o) => o.kind === 'UPPDRAG'),
    };
  };

  it('counts the 20 uppdrag from Mål och Budget 2025 and the one kvarvarande from earlier years that 000 prints on lines 4–5, from the items', async () => {
    // "I sammanställningen ingår 20 uppdrag från Mål och Budget 2025 samt ett kvarvarande
    // uppdrag från tidigare år."
    const { items, fromItems, counted } = await uppdragOf(jul2025);
    expect(fromItems).toEqual({ thisYear: 20, earlierYear: 1, unknown: 0 });
    expect(items.find((f) => f.origin === 'EARLIER_YEAR')!.assignment.title).toBe(
      'Trygghetskameror ska sättas upp på fler utsatta eller potentiellt utsatta platser.',
    );
    expect(counted).toEqual({ kind: 'UPPDRAG', ...fromItems });
  });

  it('does not guess which of the 18 uppdrag of 2024 are the ten from Mål och Budget 2024–2026 and which the eight kvarvarande (001, lines 252–254): the report names neither', async () => {
    // "Av de 18 uppdragen är tio uppdrag från Mål och Budget 2024–2026 samt åtta kvarvarande
    // uppdrag från tidigare år." The item tables (lines 479–1685) give no year per uppdrag,
    // and 004 none either, so the split cannot be computed and is not made up.
    const { items, fromItems, counted } = await uppdragOf(year2024);
    expect(items).toHaveLength(10 + 8);
    expect(fromItems).toEqual({ thisYear: 0, earlierYear: 0, unknown: 18 });
    expect(counted).toEqual({ kind: 'UPPDRAG', ...fromItems });
  });

  it('holds the "Ny försenad tidplan" of every row of Tabell A (004, lines 56–72) on its 2024 follow-up, and the rows that go to plan keep their date', async () => {
    // [line, unit, title, Ny försenad tidplan, the day it names, Går enligt beslutad plan]
    const tabellA: [number, 'ksk' | 'sbk', string, string | null, string | null, string | null][] = [
      [
        59,
        'ksk',
        'Trygghetskameror ska sättas upp på fler utsatta eller potentiellt utsatta platser.',
        'Under 2025 beslutad i månadsrapport per oktober',
        null,
        null,
      ],
      [
        60,
        'sbk',
        'Utveckla ett arkitekturprogram för Norrtälje kommun.',
        '28 april 2025, beslutas i verksamhetsberättelsen 2024',
        '2025-04-28',
        null,
      ],
      [
        61,
        'sbk',
        'Digitalisera mex-arkivet.',
        '31 december 2025, beslutad i månadsrapport per oktober',
        '2025-12-31',
        null,
      ],
      [
        62,
        'sbk',
        'Ta fram en strategi för hur jordbruksmarkens värden ska beaktas i planering och utveckling.',
        '28 april 2025, beslutas i verksamhetsberättelsen 2024',
        '2025-04-28',
        null,
      ],
      [63, 'sbk', 'Genomföra en förstudie för utbyggnaden av Grisslehamn.', null, null, '2025-12-01'],
      [
        64,
        'sbk',
        'Ta fram en fördjupad översiktsplan för utbyggnaden av Bergshamra.',
        null,
        null,
        '2027-12-31',
      ],
      [
        65,
        'sbk',
        'Genomföra en översyn över vilka orter (inklusive FÖP skärgård) som har behov av fördjupade översiktsplaner eller vilka orter som kan hanteras med alternativa planeringsverktyg (planprogram eller förstudier).',
        null,
        null,
        '2025-12-01',
      ],
      [
        66,
        'sbk',
        'Utreda förutsättningen för en sammanhållen förskola i Bergshamra med kapacitet om 90-120 platser.',
        '28 april 2025, beslutad i månadsrapport per oktober',
        '2025-04-28',
        null,
      ],
      [
        67,
        'sbk',
        'Framtagande av ny detaljplan för att möjliggöra ökad kapacitet vid Svanberga skola.',
        null,
        null,
        '2026-12-31',
      ],
      [
        68,
        'sbk',
        'Projektera för en utbyggnad av Riala skola med cirka två klassrum. Projekteringen ska även titta på en helhetslösning för exempelvis bättre användning av fritidshemmets lokaler.',
        '1 december 2025 beslutad i månadsrapport per oktober',
        '2025-12-01',
        null,
      ],
      [
        69,
        'ksk',
        'Uppdra till förvaltningen att utreda och ta fram rutin för bakgrundskontroller nyanställd personal.',
        '12 maj 2025, beslutas i verksamhetsberättelsen 2024',
        '2025-05-12',
        null,
      ],
      [
        70,
        'ksk',
        'Undersöka objektinnehavares uppfattning beträffande brandskyddskontroll',
        '8 september 2025, beslutad i månadsrapport per oktober',
        '2025-09-08',
        null,
      ],
      [
        71,
        'ksk',
        'Ta fram åtgärdsplan för att inte överskrida den beslutade koldioxidbudgeten.',
        '17 februari 2025, beslutad i månadsrapport per oktober',
        '2025-02-17',
        null,
      ],
      [
        72,
        'ksk',
        'Arbeta fram handlingsplan för informations- och kommunikationsförbättringar mellan Norrtälje kommun och näringslivet.',
        '2 juni 2025, beslutad i månadsrapport per oktober',
        '2025-06-02',
        null,
      ],
    ];
    const lists = { ksk: await listOf(ksk, year2024), sbk: await listOf(sbk, year2024) };
    for (const [line, unit, title, newTimeline, newDueDate, onPlan] of tabellA) {
      const item = lists[unit].find((f) => sameTitle(f.assignment.title, title));
      expect(item, `004 line ${line}`).toBeDefined();
      const page = await pageOf(item!.assignment.id);
      const followUp = page.followUps.find((f) => f.period.id === year2024);
      expect(
        { newTimeline: followUp?.newTimeline, newDueDate: followUp?.newDueDate },
        `004 line ${line}`,
      ).toEqual({
        newTimeline,
        newDueDate,
      });
      if (onPlan) expect(page.dueDate, `004 line ${line}`).toBe(onPlan);
    }
    // Tabell A is the whole list of what goes over to 2025: no other 2024 follow-up has one.
    const withTimeline = await Promise.all(
      [...lists.ksk, ...lists.sbk].map(async (f) =>
        (await pageOf(f.assignment.id)).followUps.some((u) => u.period.id === year2024 && u.newTimeline),
      ),
    );
    expect(withTimeline.filter(Boolean)).toHaveLength(tabellA.filter(([, , , t]) => t).length);
  });

  it('starts the working period 2025 with every assignment under the goal of its Jan–Jul 2025 follow-up (period opening)', async () => {
    const läsare: TestSession = {};
    const signedIn = await client.data(
      SignInDocument,
      { email: 'politiker@norrtalje.demo', password: DEMO_PASSWORD },
      läsare,
    );
    expect(signedIn.signIn.__typename).toBe('SignedIn');
    const periods = (await client.data(UnitPageDocument, { unitId: ksk }, läsare)).unit.kommun.periods;
    const working = periods.find((p) => p.label === '2025')!.id;
    const goals = (items: Awaited<ReturnType<typeof listOf>>) =>
      new Map(items.map((f) => [f.assignment.id, f.goal && `${f.goal.code} ${f.goal.title}`]));
    const opened = goals(await listOf(ksk, working, läsare));
    const before = goals(await listOf(ksk, jul2025, läsare));
    expect(opened.size).toBeGreaterThan(0);
    for (const [id, goal] of opened) expect(goal, id).toBe(before.get(id));
    const koldioxid = (await listOf(ksk, working, läsare)).find((f) =>
      f.assignment.title.startsWith('Ta fram åtgärdsplan för att inte överskrida'),
    );
    expect(koldioxid?.goal).toMatchObject({ code: '5.1', title: 'Minskad klimatpåverkan' });
  });
});
