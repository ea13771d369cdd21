import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readKommunSeeds } from '../../../db/seed/seed-files.js';
import { toTkr } from '../../economy/economy-figures.js';
import { accountGroupOf, costGroups } from '../kommun-bas.js';
import type { LedgerMeasure } from '../ledger-amount.js';
import { encodeCp437 } from './cp437.js';
import { norrtaljeSieFile } from './norrtalje-sie-file.js';
import { readSie, type SieReadOptions } from './sie-reader.js';

/** The file in chunks of a few bytes, so that lines and characters are cut between chunks. */
function chunked(bytes: Buffer, size = 7): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

const read = (text: string, lastMonth = '202503', options: SieReadOptions = {}) =>
  readSie(chunked(encodeCp437(text.replace(/^\n/, '').replace(/\n/g, '\r\n'))), { lastMonth }, options);

const header = `
#FLAGGA 0
#PROGRAM "Testprogram" 1.0
#FORMAT PC8
#GEN 20250410
#SIETYP 4
#FNAMN "Testkommunen"
#RAR 0 20250101 20251231
#RAR -1 20240101 20241231
#KONTO 1930 Bank
#KTYP 1930 T
#KONTO 3110 "Taxor och avgifter"
#KTYP 3110 I
#KONTO 5110 Månadslön
#KTYP 5110 K
#DIM 1 Kostnadsställe
#DIM 6 Projekt
#OBJEKT 1 100 "Kök och städ"
#OBJEKT 1 200 Räddning
#OBJEKT 6 P1 "Projekt ett"
`;

describe('reading Norrtälje KSK Jan–Jul 2025 from a SIE 4 file', () => {
  const seed = readKommunSeeds().find((k) => k.kommun.code === '0188')!;
  const tables = seed.economyTables.filter((t) => t.unit === 'ksk' && t.period === '2025-jan-jul');
  const perUnit = tables.find((t) => t.dimension === 'unit')!.lines;
  const perGroup = tables.find((t) => t.dimension === 'accountGroup')!.lines;
  const measures = ['budgetPeriod', 'outcomePeriod', 'outcomePreviousYearPeriod', 'budgetFullYear'] as const;

  for (const variant of ['periodBalances', 'verifications'] as const) {
    it(`gives 000's tables per verksamhet and per kontogrupp in tkr, from ${variant === 'periodBalances' ? '#PSALDO' : '#VER/#TRANS'}`, async () => {
      const file = norrtaljeSieFile(variant);
      const result = await readSie(chunked(file.bytes, 4096), { lastMonth: file.lastMonth });
      expect(result.errors).toEqual([]);
      expect(result.outcomeSource).toBe(variant);
      expect(result.company.name).toBe('Norrtälje kommun');
      expect(result.costCentres.get('1000')).toBe('Kommundirektör A');

      const sums = new Map<string, number>();
      const add = (key: string, ore: number) => sums.set(key, (sums.get(key) ?? 0) + ore);
      for (const a of result.amounts) {
        const unit = file.costCentreUnits[a.costCentre];
        const group = accountGroupOf(a.account!);
        expect(unit, `kostnadsställe ${a.costCentre}`).toBeDefined();
        expect(group, `konto ${a.account}`).toBeDefined();
        add(`${unit}|${a.measure}`, a.amountOre);
        if (group === 'Intäkter') add(`Intäkter|${a.measure}`, a.amountOre);
        if (costGroups.includes(group!)) add(`Kostnader|${a.measure}`, a.amountOre);
        if (group === 'Kapitalkostnader') add(`Kapitalkostnader|${a.measure}`, a.amountOre);
      }
      const tkr = (key: string, measure: LedgerMeasure) => {
        const ore = sums.get(`${key}|${measure}`)!;
        expect(ore % 100 === 0, `${key} ${measure} in whole kronor`).toBe(true);
        return toTkr(ore / 100);
      };
      for (const line of perUnit) {
        for (const m of measures) expect([line.unit, m, tkr(line.unit, m)]).toEqual([line.unit, m, line[m]]);
      }
      for (const line of perGroup) {
        for (const m of measures) {
          expect([line.accountGroup, m, tkr(line.accountGroup!, m)]).toEqual([line.accountGroup, m, line[m]]);
        }
      }
      // The projects come only with the verifications, where a transaction names them.
      expect(result.amounts.some((a) => a.project === 'P1')).toBe(variant === 'verifications');
    });
  }
});

describe('reading a SIE 4 file', () => {
  it('sums period balances per kostnadsställe, leaves the rest of the whole without one, and turns the sign', async () => {
    const result = await read(`${header}
#PSALDO 0 202501 5110 {} 1000.00
#PSALDO 0 202501 5110 {1 100} 600.00
#PSALDO 0 202501 5110 {1 200} 300.00
#PSALDO 0 202501 5110 {6 P1} 999.00
#PSALDO 0 202503 3110 {1 "100"} -50.25
#PSALDO 0 202504 3110 {1 100} -70.00
#PSALDO -1 202402 5110 {1 100} 80.00
#PSALDO -1 202404 5110 {1 100} 90.00
#PBUDGET 0 202503 5110 {1 100} 10.00
#PBUDGET 0 202512 5110 {1 100} 20.00
`);
    expect(result.errors).toEqual([]);
    const byKey = Object.fromEntries(
      result.amounts.map((a) => [`${a.measure} ${a.costCentre} ${a.account}`, a.amountOre]),
    );
    expect(byKey).toEqual({
      'outcomePeriod 100 5110': -60000,
      'outcomePeriod 200 5110': -30000,
      'outcomePeriod  5110': -10000,
      'outcomePeriod 100 3110': 5025,
      'outcomeMonth 100 3110': 5025,
      'outcomePreviousYearPeriod 100 5110': -8000,
      'budgetPeriod 100 5110': -1000,
      'budgetMonth 100 5110': -1000,
      'budgetFullYear 100 5110': -3000,
    });
    expect(result.amounts.find((a) => a.costCentre === '')!.line).toBe(21);
  });

  it('reads verifications with kostnadsställe and project, and skips #RTRANS, #BTRANS and unknown labels', async () => {
    const result = await read(`${header}
#OKAND "något nytt" {1 2}
#VER A 1 20250305 "Faktura 17" 20250306
{
   #TRANS 5110 {1 "100" 6 "P1"} 400.50 20250305 "rad ett"
   #RTRANS 5110 {1 "200"} 100.00
   #TRANS 5110 {1 "200"} 100.00
   #BTRANS 5110 {1 "200"} 55.00
   #TRANS 1930 {} -500.50
}
`);
    expect(result.errors).toEqual([]);
    expect(result.transactions).toBe(3);
    expect(result.amounts).toEqual([
      {
        line: 24,
        costCentre: '100',
        account: '5110',
        project: 'P1',
        measure: 'outcomePeriod',
        amountOre: -40050,
      },
      {
        line: 24,
        costCentre: '100',
        account: '5110',
        project: 'P1',
        measure: 'outcomeMonth',
        amountOre: -40050,
      },
      { line: 26, costCentre: '200', account: '5110', measure: 'outcomePeriod', amountOre: -10000 },
      { line: 26, costCentre: '200', account: '5110', measure: 'outcomeMonth', amountOre: -10000 },
    ]);
  });

  it('uses the verifications when the file also has period balances, and checks one against the other', async () => {
    const agreeing = await read(`${header}
#PSALDO 0 202503 5110 {} 100.00
#PSALDO 0 202503 5110 {1 100} 100.00
#VER A 1 20250305 "Lön"
{
#TRANS 5110 {1 100} 100.00
#TRANS 1930 {} -100.00
}
`);
    expect(agreeing.errors).toEqual([]);
    expect(agreeing.outcomeSource).toBe('verifications');
    expect(agreeing.amounts.filter((a) => a.measure === 'outcomePeriod').map((a) => a.amountOre)).toEqual([
      -10000,
    ]);

    const disagreeing = await read(`${header}
#PSALDO 0 202503 5110 {} 150.00
#VER A 1 20250305 "Lön"
{
#TRANS 5110 {1 100} 100.00
#TRANS 1930 {} -100.00
}
`);
    expect(disagreeing.errors).toEqual([
      {
        line: 21,
        message:
          '#PSALDO för konto 5110 i 2025-03 är 150,00 kr, men verifikationerna summerar till 100,00 kr.',
      },
    ]);
  });

  it('checks #RES against the period balances', async () => {
    const result = await read(`${header}
#RES 0 5110 900.00
#PSALDO 0 202501 5110 {} 1000.00
`);
    expect(result.errors).toEqual([
      { line: 21, message: '#RES 0 för konto 5110 är 900,00 kr, men #PSALDO 0 summerar till 1 000,00 kr.' },
    ]);
  });

  it.each([
    [
      'two #RAR 0',
      '#RAR 0 20250101 20251231',
      20,
      'Räkenskapsår 0 anges två gånger (#RAR 0 också på rad 7).',
    ],
    [
      'a malformed amount',
      '#PSALDO 0 202501 5110 {1 100} 12,50',
      20,
      'Beloppet «12,50» är inte ett SIE-belopp (siffror med punkt som decimaltecken och högst två decimaler).',
    ],
    [
      'three decimals',
      '#PSALDO 0 202501 5110 {1 100} 12.505',
      20,
      'Beloppet «12.505» är inte ett SIE-belopp (siffror med punkt som decimaltecken och högst två decimaler).',
    ],
    [
      'an unknown kostnadsställe',
      '#PSALDO 0 202501 5110 {1 999} 12.50',
      20,
      'Kostnadsstället «999» (dimension 1) finns inte bland filens #OBJEKT.',
    ],
    [
      'an unknown account',
      '#PSALDO 0 202501 5999 {} 12.50',
      20,
      'Konto 5999 finns inte i filens kontoplan (#KONTO).',
    ],
    [
      'a month outside the year',
      '#PSALDO 0 202601 5110 {} 12.50',
      20,
      'Perioden 2026-01 ligger utanför räkenskapsår 0 (#RAR 0).',
    ],
    ['a year index that is not a number', '#RES x 5110 1.00', 20, 'Årsnumret «x» är inte ett tal.'],
    ['an unclosed quote', '#FNAMN "Testkommunen', 20, 'Ett fält inom citattecken stängs aldrig (" saknas).'],
    [
      'an unclosed object list',
      '#PSALDO 0 202501 5110 {1 100 12.50',
      20,
      'En objektlista öppnas med { men stängs aldrig (} saknas).',
    ],
    [
      'a line without a label',
      'PSALDO 0 202501 5110 {} 1.00',
      20,
      'Raden börjar inte med en etikett (som #KONTO eller #TRANS).',
    ],
  ])('answers %s with its line number', async (_, line, number, message) => {
    const result = await read(`${header}${line}\n`);
    expect(result.errors).toEqual([{ line: number, message }]);
  });

  it('answers a truncated file: a verification without its closing brace', async () => {
    const result = await read(`${header}
#VER A 1 20250305 "Lön"
{
#TRANS 5110 {1 100} 100.00
#TRANS 1930 {} -100.00`);
    expect(result.errors).toEqual([
      { line: 21, message: 'Filen slutar mitt i verifikationen (} saknas): filen är avkortad.' },
    ]);
  });

  it('answers an unknown object in a #TRANS, an unbalanced verification and a #TRANS outside one', async () => {
    const result = await read(`${header}
#VER A 1 20250305 "Lön"
{
#TRANS 5110 {1 100 6 P9} 100.00
#TRANS 1930 {} -90.00
}
#TRANS 5110 {1 100} 1.00
`);
    expect(result.errors).toEqual([
      { line: 23, message: 'Projektet «P9» (dimension 6) finns inte bland filens #OBJEKT.' },
      { line: 21, message: 'Verifikationen balanserar inte: transaktionerna summerar till −90,00 kr.' },
      { line: 26, message: '#TRANS utanför en verifikation (#VER med { och }).' },
    ]);
  });

  it('refuses a file that is not PC8: a UTF-8 mark, UTF-8 or Windows-1252 letters, another #FORMAT', async () => {
    const text = `${header}#PSALDO 0 202501 5110 {} 1.00\r\n`.replace(/^\n/, '').replace(/\n/g, '\r\n');
    const bom = await readSie(chunked(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encodeCp437(text)])), {
      lastMonth: '202503',
    });
    expect(bom.errors).toEqual([{ line: 1, message: expect.stringContaining('UTF-8-markering (BOM)') }]);
    expect(bom.amounts).toEqual([]);

    const utf8 = await readSie(chunked(Buffer.from(text, 'utf8')), { lastMonth: '202503' });
    expect(utf8.errors).toEqual([
      { line: 13, message: expect.stringContaining('är kodad som UTF-8, inte PC8 (CP437)') },
    ]);

    const latin1 = await readSie(chunked(Buffer.from(text, 'latin1')), { lastMonth: '202503' });
    expect(latin1.errors).toEqual([{ line: 13, message: expect.stringContaining('Windows-1252') }]);

    const format = await read(header.replace('#FORMAT PC8', '#FORMAT UTF8'));
    expect(format.errors).toEqual([
      { line: 3, message: 'Filen anger #FORMAT UTF8, men SIE 4 ska vara kodad i PC8 (CP437).' },
    ]);
    const notSie = await read('Konto;Belopp\n5110;100\n');
    expect(notSie.errors).toEqual([
      { line: 1, message: 'Filen börjar inte med #FLAGGA, som en SIE-fil gör.' },
    ]);
  });

  it('decodes PC8 letters, also when a chunk ends between them', async () => {
    const result = await read(header, '202503');
    expect(result.costCentres.get('100')).toBe('Kök och städ');
    expect(result.costCentres.get('200')).toBe('Räddning');
    expect(result.accounts.get('5110')).toBe('Månadslön');
  });

  it('answers a follow-up month outside the file’s year, and a file too large, before reading on', async () => {
    const outside = await read(`${header}#PSALDO 0 202501 5110 {} 1.00\n`, '202603');
    expect(outside.errors).toEqual([
      {
        line: 7,
        message:
          'Uppföljningens sista månad 2026-03 ligger inte i filens räkenskapsår 2025-01–2025-12 (#RAR 0).',
      },
    ]);
    const large = await read(header, '202503', { maxBytes: 100 });
    expect(large.errors).toEqual([{ line: expect.any(Number), message: 'Filen är större än 100 byte.' }]);
  });

  it('tells its progress, and stops after too many errors', async () => {
    const seen: number[] = [];
    const file = `${header}${'#PSALDO 0 202501 5110 {} x\n'.repeat(5)}`;
    const result = await read(file, '202503', { maxErrors: 3, onProgress: ({ bytes }) => seen.push(bytes) });
    expect(result.errors.map((e) => e.line)).toEqual([20, 21, 22, 22]);
    expect(result.errors.at(-1)!.message).toBe('Fler än 3 fel; läsningen avbröts.');
    expect(seen.length).toBeGreaterThan(10);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('leaves out dimensions it does not use, and period balances of other cuts than one kostnadsställe', async () => {
    const result = await read(`${header}
#PSALDO 0 202501 5110 {1 100 6 P1} 5.00
#PSALDO 0 202501 5110 {7 "Anna"} 7.00
#VER A 1 20250105 "Resa"
{
#TRANS 5110 {1 100 7 "Anna"} 10.00
#TRANS 1930 {} -10.00
}
`);
    expect(result.errors).toEqual([]);
    expect(result.amounts.map((a) => [a.measure, a.costCentre, a.amountOre])).toEqual([
      ['outcomePeriod', '100', -1000],
    ]);
  });

  it('answers a file cut short in its period balances, by the #RES before them', async () => {
    const whole = `${header}
#RES 0 5110 300.00
#PSALDO 0 202501 5110 {} 100.00
#PSALDO 0 202502 5110 {} 100.00
#PSALDO 0 202503 5110 {} 100.00
`;
    expect((await read(whole)).errors).toEqual([]);
    const cut = whole.slice(0, whole.indexOf('#PSALDO 0 202503'));
    expect((await read(cut)).errors).toEqual([
      { line: 21, message: '#RES 0 för konto 5110 är 300,00 kr, men #PSALDO 0 summerar till 200,00 kr.' },
    ]);
  });

  it('answers two balances of a whole account for one month', async () => {
    const result = await read(`${header}
#PSALDO 0 202501 5110 {} 100.00
#PSALDO 0 202501 5110 {} 100.00
`);
    expect(result.errors).toEqual([
      { line: 22, message: 'Konto 5110 har två saldon för hela kontot i 2025-01 (också rad 21).' },
    ]);
  });
});
