/**
 * A SIE 4 file of Norrtälje Kommunstyrelsekontoret's Jan–Jul 2025 figures, built from the
 * demo seed's kronor (report 000), as the ledger would export it: each verksamhet's net amount
 * and each kontogrupp's total (intäkter, kostnader, of which kapitalkostnader) spread over two
 * kostnadsställen per verksamhet, a few Kommun-Bas accounts per group and the months, in öre
 * that do not divide evenly. Read back and added up per verksamhet and per kontogrupp, it must
 * give 000's printed tables. Months outside the follow-up (August 2025, Aug–Dec 2024) carry
 * amounts too, which the reader must leave out.
 *
 * Two variants: period balances only (`#PSALDO`, SIE type 3 content), and with the year's
 * verifications as well (`#VER`/`#TRANS`, with the period balances that agree with them).
 * Shared with the import's end-to-end test, which maps the kostnadsställen to units.
 */
import { readKommunSeeds } from '../../../db/seed/seed-files.js';
import {
  calendarYears,
  costCentreAndProject,
  sieFileBytes,
  sieHeaderLines,
  siePeriodLine,
  sieResultLine,
  sieVerificationLines,
  type SieFileHeader,
  type SieTransaction,
} from './sie-file-builder.js';

type Part = 'income' | 'other' | 'capital';
const accountsOf: Record<Part, { number: string; name: string }[]> = {
  income: [
    { number: '3110', name: 'Taxor och avgifter' },
    { number: '3510', name: 'Bidrag från staten' },
    { number: '3610', name: 'Försäljning av verksamhet' },
  ],
  other: [
    { number: '4610', name: 'Köp av huvudverksamhet' },
    { number: '5110', name: 'Månadslön' },
    { number: '6010', name: 'Lokalhyror' },
    { number: '6410', name: 'Förbrukningsinventarier' },
    { number: '7410', name: 'Övriga främmande tjänster' },
  ],
  capital: [
    { number: '7910', name: 'Avskrivningar byggnader' },
    { number: '7930', name: 'Avskrivningar inventarier' },
  ],
};
const bank = { number: '1930', name: 'Bank' };
const project = { code: 'P1', name: 'Projekt "Trygg kommun"' };

/** The amounts of a measure, by the year and months it is booked in. */
const bookings = {
  outcomePeriod: {
    label: '#PSALDO',
    year: 0,
    months: ['202501', '202502', '202503', '202504', '202505', '202506', '202507'],
  },
  outcomePreviousYearPeriod: {
    label: '#PSALDO',
    year: -1,
    months: ['202401', '202402', '202403', '202404', '202405', '202406', '202407'],
  },
  budgetPeriod: {
    label: '#PBUDGET',
    year: 0,
    months: ['202501', '202502', '202503', '202504', '202505', '202506', '202507'],
  },
  /** The full year's budget less the period's, in the months after it. */
  budgetRestOfYear: {
    label: '#PBUDGET',
    year: 0,
    months: ['202508', '202509', '202510', '202511', '202512'],
  },
} as const;
type Booking = keyof typeof bookings;
/** Outcome in months the follow-up leaves out: after July 2025, and Aug–Dec 2024. */
const outside = [
  { label: '#PSALDO', year: 0, month: '202508' },
  { label: '#PSALDO', year: -1, month: '202408' },
  { label: '#PSALDO', year: -1, month: '202412' },
] as const;

/** n integer parts of total, unequal and with odd öre, that add up to it exactly. */
function split(total: number, n: number, seed: number): number[] {
  const weights = Array.from({ length: n }, (_, i) => 3 + ((i * 7 + seed * 5) % 11));
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.trunc((total * w) / sum));
  parts[n - 1]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export interface NorrtaljeSieFile {
  bytes: Buffer;
  /** Kostnadsställe code → the seed's unit key (ksk-ekonomi …). */
  costCentreUnits: Record<string, string>;
  /** The follow-up's last month. */
  lastMonth: '202507';
}

export function norrtaljeSieFile(variant: 'periodBalances' | 'verifications'): NorrtaljeSieFile {
  const seed = readKommunSeeds().find((k) => k.kommun.code === '0188')!;
  const tables = seed.economyTables.filter((t) => t.unit === 'ksk' && t.period === '2025-jan-jul');
  const perUnit = tables.find((t) => t.dimension === 'unit')!.lines;
  const perGroup = tables.find((t) => t.dimension === 'accountGroup')!.lines;
  const group = (name: string) => perGroup.find((l) => l.accountGroup === name)!.kronor!;
  const kronor = (k: Record<string, number | null | undefined>, booking: Booking): number =>
    booking === 'budgetRestOfYear' ? k.budgetFullYear! - k.budgetPeriod! : k[booking]!;

  const costCentreUnits: Record<string, string> = {};
  const objects: SieFileHeader['objects'] = [];
  perUnit.forEach((line, i) => {
    for (const half of ['A', 'B']) {
      const code = String(1000 + i * 10 + (half === 'A' ? 0 : 1));
      costCentreUnits[code] = line.unit;
      objects.push({ dimension: '1', code, name: `${line.label} ${half}` });
    }
  });
  objects.push({ dimension: '6', code: project.code, name: project.name });

  /** booking → month → account → cost centre → öre, in SIE's sign. */
  const amounts = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  const book = (key: string, month: string, account: string, costCentre: string, ore: number) => {
    const months = amounts.get(key) ?? new Map<string, Map<string, Map<string, number>>>();
    amounts.set(key, months);
    const accounts = months.get(month) ?? new Map<string, Map<string, number>>();
    months.set(month, accounts);
    const centres = accounts.get(account) ?? new Map<string, number>();
    accounts.set(account, centres);
    centres.set(costCentre, (centres.get(costCentre) ?? 0) + ore);
  };

  for (const booking of Object.keys(bookings) as Booking[]) {
    const { label, year, months } = bookings[booking];
    const key = `${label} ${year}`;
    // Each verksamhet's share of income and kapitalkostnader, by its net; the other costs are
    // what its net leaves, so that both tables add up exactly. The last takes the remainders.
    const net = perUnit.map((l) => kronor(l.kronor!, booking));
    const totalNet = net.reduce((a, b) => a + b, 0);
    const income = kronor(group('Intäkter'), booking);
    const capital = kronor(group('Kapitalkostnader'), booking);
    const shares = { income: [] as number[], capital: [] as number[] };
    net.forEach((n, i) => {
      const last = i === net.length - 1;
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      shares.income.push(last ? income - sum(shares.income) : Math.round((income * n) / totalNet));
      shares.capital.push(last ? capital - sum(shares.capital) : Math.round((capital * n) / totalNet));
    });
    perUnit.forEach((_, u) => {
      const parts: Record<Part, number> = {
        income: shares.income[u]!,
        capital: shares.capital[u]!,
        other: net[u]! - shares.income[u]! - shares.capital[u]!,
      };
      const centres = [String(1000 + u * 10), String(1000 + u * 10 + 1)];
      for (const part of Object.keys(parts) as Part[]) {
        const cells = accountsOf[part].length * centres.length * months.length;
        // Ours (income +, costs −) to SIE's (costs debit +), in öre.
        const pieces = split(-parts[part] * 100, cells, u + part.length + booking.length);
        let k = 0;
        for (const account of accountsOf[part])
          for (const centre of centres)
            for (const month of months) book(key, month, account.number, centre, pieces[k++]!);
      }
    });
  }
  for (const { label, year, month } of outside) {
    for (const part of Object.values(accountsOf))
      for (const account of part) book(`${label} ${year}`, month, account.number, '1000', 1234_56);
  }

  const header: SieFileHeader = {
    program: 'Uppföljning testfil',
    generated: '20250812',
    company: 'Norrtälje kommun',
    orgNr: '212000-0142',
    years: calendarYears(2025),
    dimensions: costCentreAndProject,
    objects,
    accounts: [bank, ...Object.values(accountsOf).flat()].map((a) => ({
      ...a,
      type: a.number.startsWith('1') ? 'T' : a.number.startsWith('3') ? 'I' : 'K',
    })),
  };

  function* lines(): Generator<string> {
    yield* sieHeaderLines(header);
    // #RES: each account's year, the control total of the balances (and verifications).
    for (const year of [0, -1]) {
      const byAccount = new Map<string, number>();
      for (const accounts of amounts.get(`#PSALDO ${year}`)!.values())
        for (const [account, centres] of accounts)
          for (const ore of centres.values()) byAccount.set(account, (byAccount.get(account) ?? 0) + ore);
      for (const [account, ore] of byAccount) yield sieResultLine(year, account, ore);
    }
    for (const [key, months] of amounts) {
      const [label, year] = key.split(' ') as ['#PSALDO' | '#PBUDGET', string];
      for (const [month, accounts] of months)
        for (const [account, centres] of accounts) {
          const whole = [...centres.values()].reduce((a, b) => a + b, 0);
          yield siePeriodLine(label, Number(year), month, account, [], whole);
          for (const [centre, ore] of centres)
            yield siePeriodLine(label, Number(year), month, account, [['1', centre]], ore);
        }
    }
    if (variant === 'periodBalances') return;
    let number = 1;
    for (const [month, accounts] of amounts.get('#PSALDO 0')!) {
      const byCentre = new Map<string, SieTransaction[]>();
      for (const [account, centres] of accounts)
        for (const [centre, ore] of centres) {
          const transactions = byCentre.get(centre) ?? [];
          byCentre.set(centre, transactions);
          // Two rows per amount, one of them on the project, as a ledger splits an invoice.
          const [a, b] = split(ore, 2, number);
          transactions.push(
            {
              account,
              objects: [
                ['1', centre],
                ['6', project.code],
              ],
              ore: a!,
            },
            { account, objects: [['1', centre]], ore: b! },
          );
        }
      for (const [centre, transactions] of byCentre) {
        const sum = transactions.reduce((s, t) => s + t.ore, 0);
        yield* sieVerificationLines({
          series: 'A',
          number: number++,
          date: `${month}15`,
          text: `Bokföring ${month} kostnadsställe ${centre}`,
          transactions: [...transactions, { account: bank.number, objects: [], ore: -sum }],
        });
      }
    }
  }

  return { bytes: sieFileBytes(lines()), costCentreUnits, lastMonth: '202507' };
}
