/**
 * Reading a ledger CSV and summing it, without a database: the settings a kommun can choose
 * (decimal point, kr, costs negative, an account column) and what maps to no unit or
 * kontogrupp.
 */
import { describe, expect, it } from 'vitest';
import { accountGroupLookup } from './account-groups.js';
import { readLedgerCsv } from './ledger-csv-reader.js';
import type { LedgerSettings } from './ledger-settings.js';
import { oreToKronor, sumLedger } from './ledger-totals.js';
import { planTables } from './ledger-write.js';

const settings: LedgerSettings = {
  delimiter: ',',
  decimalComma: false,
  scale: 'kr',
  signConvention: 'costsNegative',
  columns: { costCentre: 'Ansvar', account: 'Konto', outcomePeriod: 'Utfall', budgetPeriod: 'Budget' },
};

const read = (csv: string) => readLedgerCsv(Buffer.from(csv), settings, {});
const lookup = {
  unitOf: (code: string) => ({ A: { unitId: 11, tableUnitId: 1 }, B: { unitId: 12, tableUnitId: 1 } })[code],
  accountGroupOf: accountGroupLookup(
    new Map([
      ['3000', 'Intäkter'],
      ['5000', 'Personalkostnader'],
      ['5010', 'Personalkostnader'],
    ]),
  ),
};

describe('a ledger CSV with accounts', () => {
  it('sums per unit and per kontogrupp in öre, rounding to kronor once', async () => {
    const totals = await sumLedger(
      read(
        'Ansvar,Konto,Utfall,Budget\n' +
          'A,3000,"1,000.25",1000\n' +
          'A,5000,-400.25,-500\n' +
          'B,5010,-0.50,\n' +
          'B,5010,-0.50,-1\n',
      ),
      lookup,
    );
    expect(totals.errors).toEqual([]);
    const plan = planTables(totals, new Map(), { nameOf: (id) => `Enhet ${id}` });
    const byDimension = Object.fromEntries(
      plan.map((t) => [
        t.dimension,
        t.lines.map((l) => [l.label, l.figures.outcomePeriod, l.figures.budgetPeriod]),
      ]),
    );
    expect(byDimension).toEqual({
      unit: [
        ['Enhet 11', 600, 500],
        ['Enhet 12', -1, -1],
      ],
      accountGroup: [
        ['Intäkter', 1000, 1000],
        ['Personalkostnader', -401, -501],
      ],
    });
    // Personalkostnader −401.25 kr shows as −401; the file's sum stays exact in öre: 599.00 kr.
    expect(totals.kommun.outcomePeriod).toBe(59_900);
    expect(plan.every((t) => t.lines.every((l) => l.status === 'new'))).toBe(true);
    // The control totals per unit × kontogrupp.
    const perUnit = plan.find((t) => t.dimension === 'unit')!.lines;
    expect(
      perUnit.map((l) => l.byAccountGroup.map((g) => [g.accountGroup, g.figures.outcomePeriod])),
    ).toEqual([
      [
        ['Intäkter', 1000],
        ['Personalkostnader', -400],
      ],
      [['Personalkostnader', -1]],
    ]);
  });

  it('answers an account without kontogrupp and an unknown kostnadsställe with their lines', async () => {
    const totals = await sumLedger(
      read('Ansvar,Konto,Utfall,Budget\nA,1930,1,1\nX,3000,1,1\nA,3000,2,2\n'),
      lookup,
    );
    expect(totals.errors).toEqual([
      { line: 2, message: 'Konto 1930 hör inte till någon kontogrupp: lägg till det i kopplingen.' },
      { line: 3, message: 'Kostnadsställe ”X” hör inte till någon enhet: lägg till det i kopplingen.' },
    ]);
    expect(totals.errorLines).toBe(2);
    expect(totals.kommun.outcomePeriod).toBe(200);
  });

  it('answers an empty account cell and an empty file', async () => {
    const empty = await sumLedger(read('Ansvar,Konto,Utfall,Budget\nA,,1,1\n'), lookup);
    expect(empty.errors).toEqual([{ line: 2, message: 'Kolumnen ”Konto” (konto) är tom.' }]);
    const nothing = await sumLedger(read(''), lookup);
    expect(nothing.errors).toEqual([
      { line: 1, message: 'Filen är tom: rad 1 ska ha kolumnernas rubriker.' },
    ]);
  });
});

describe('rounding', () => {
  it('rounds half away from zero, as accountants round', () => {
    expect([oreToKronor(150), oreToKronor(-150), oreToKronor(149), oreToKronor(-50), oreToKronor(0)]).toEqual(
      [2, -2, 1, -1, 0],
    );
  });
});

describe('the kontogrupp of an account', () => {
  it('is Kommun-Bas by default, with the kommun’s rows (account prefixes) winning', () => {
    const groupOf = accountGroupLookup(new Map([['7910', 'Övriga kostnader']]));
    expect(['7910', '7930', '4610', '4410', '1930'].map(groupOf)).toEqual([
      'Övriga kostnader',
      'Kapitalkostnader',
      'Köp av tjänster',
      'Övriga kostnader',
      null,
    ]);
  });
});
