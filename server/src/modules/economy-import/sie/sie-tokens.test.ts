import { describe, expect, it } from 'vitest';
import { accountGroupOf, accountGroupRuleErrors } from '../kommun-bas.js';
import { decodeCp437, encodeCp437 } from './cp437.js';
import { parseSieAmount } from './sie-amount.js';
import { sieField } from './sie-file-builder.js';
import { tokeniseSieLine } from './sie-tokens.js';

describe('SIE lines as records', () => {
  it('splits fields on spaces and tabs, and reads quoted fields with their escapes', () => {
    expect(tokeniseSieLine('#KONTO\t3110   "Taxor och avgifter"\r')).toEqual({
      label: '#KONTO',
      fields: ['3110', 'Taxor och avgifter'],
    });
    expect(tokeniseSieLine('#FNAMN "Kommunen \\"Norr\\" \\\\ AB" ""')).toEqual({
      label: '#FNAMN',
      fields: ['Kommunen "Norr" \\ AB', ''],
    });
    // A backslash before anything else is itself, as in a path.
    expect(tokeniseSieLine('#FNR "C:\\Program\\Ekonomi"')!.fields).toEqual(['C:\\Program\\Ekonomi']);
  });

  it('reads object lists, empty or with quoted and plain objects', () => {
    expect(tokeniseSieLine('#TRANS 3041 {1 "Nord 2" 6 0001} -52625.00 20210116 "Faktura 68"')).toEqual({
      label: '#TRANS',
      fields: [
        '3041',
        {
          objects: [
            { dimension: '1', object: 'Nord 2' },
            { dimension: '6', object: '0001' },
          ],
        },
        '-52625.00',
        '20210116',
        'Faktura 68',
      ],
    });
    expect(tokeniseSieLine('#PSALDO 0 202501 5110 {} 1.00')!.fields[3]).toEqual({ objects: [] });
    expect(tokeniseSieLine('#PSALDO 0 202501 5110 {1 "}"} 1.00')!.fields[3]).toEqual({
      objects: [{ dimension: '1', object: '}' }],
    });
  });

  it('knows the braces of a verification and blank lines', () => {
    expect(tokeniseSieLine('  {  ')).toEqual({ label: '{', fields: [] });
    expect(tokeniseSieLine('}\r')).toEqual({ label: '}', fields: [] });
    expect(tokeniseSieLine(' \t\r')).toBeNull();
  });

  it.each([
    ['#FNAMN "öppen', 'Ett fält inom citattecken stängs aldrig (" saknas).'],
    ['#FNAMN "a"b', 'Efter ett fält inom citattecken väntas ett mellanslag.'],
    ['#TRANS 1 {1 2', 'En objektlista öppnas med { men stängs aldrig (} saknas).'],
    ['#TRANS 1 {1 {2}}', 'En objektlista kan inte innehålla en annan objektlista.'],
    ['#TRANS 1 {1} 2', 'En objektlista består av par: dimensionsnummer och objektkod.'],
    ['#TRANS 1 {1 2}3', 'Efter en objektlista väntas ett mellanslag.'],
    ['KONTO 1', 'Raden börjar inte med en etikett (som #KONTO eller #TRANS).'],
    ['#KONTO 1 a\u0001b', 'Raden innehåller ett styrtecken (tecken 1), vilket SIE inte tillåter.'],
  ])('refuses %s', (line, message) => {
    expect(() => tokeniseSieLine(line)).toThrow(message);
  });

  it('writes fields the way it reads them', () => {
    for (const text of ['Plain', 'Med mellanslag', 'Citat "här"', 'Snedstreck \\ ', '', '{}']) {
      expect(tokeniseSieLine(`#X ${sieField(text)}`)!.fields).toEqual([text]);
    }
  });
});

describe('PC8 (CP437)', () => {
  it('decodes åäö ÅÄÖ é ü and the rest of the upper half', () => {
    expect(decodeCp437(Uint8Array.from([0x86, 0x84, 0x94, 0x20, 0x8f, 0x8e, 0x99, 0x20, 0x82, 0x81]))).toBe(
      'åäö ÅÄÖ éü',
    );
    expect(decodeCp437(Uint8Array.from([0x80, 0xe1, 0xff]))).toBe('Çß\u00a0');
    expect(decodeCp437(Buffer.from('#KONTO 5110 Lon', 'latin1'))).toBe('#KONTO 5110 Lon');
  });

  it('encodes what it decodes, and refuses what PC8 cannot write', () => {
    const all = Uint8Array.from({ length: 256 - 32 }, (_, i) => i + 32);
    expect([...encodeCp437(decodeCp437(all))]).toEqual([...all]);
    expect(() => encodeCp437('€')).toThrow('finns inte i PC8');
  });
});

describe('SIE amounts', () => {
  it('reads kronor with up to two decimals into öre, exactly', () => {
    expect(parseSieAmount('-52625.00')).toBe(-5262500);
    expect(parseSieAmount('0.5')).toBe(50);
    expect(parseSieAmount('12')).toBe(1200);
    expect(parseSieAmount('-0.00')).toBe(0);
    expect(parseSieAmount('9999999999999.99')).toBe(999999999999999);
    for (const bad of ['12,50', '1.234', '+5', '1e3', '', '.5', '- 5', '12.'])
      expect(parseSieAmount(bad)).toBeNull();
  });
});

describe('Kommun-Bas account groups', () => {
  it('gives an account the group of its longest prefix, and none to balance accounts', () => {
    expect(accountGroupOf('3110')).toBe('Intäkter');
    expect(accountGroupOf('4110')).toBe('Övriga kostnader');
    expect(accountGroupOf('4610')).toBe('Köp av tjänster');
    expect(accountGroupOf('5110')).toBe('Personalkostnader');
    expect(accountGroupOf('6010')).toBe('Lokalhyror');
    expect(accountGroupOf('6110')).toBe('Övriga kostnader');
    expect(accountGroupOf('7410')).toBe('Köp av tjänster');
    expect(accountGroupOf('7930')).toBe('Kapitalkostnader');
    expect(accountGroupOf('8410')).toBe('Finansnetto');
    expect(accountGroupOf('8010')).toBeUndefined();
    expect(accountGroupOf('1930')).toBeUndefined();
    expect(accountGroupOf('5110', [{ prefix: '51', group: 'Övriga kostnader' }])).toBe('Övriga kostnader');
  });

  it('checks a kommun’s own rules before they are saved', () => {
    expect(accountGroupRuleErrors([{ prefix: '61', group: 'Lokalhyror' }])).toEqual([]);
    expect(
      accountGroupRuleErrors([
        { prefix: '6x', group: 'Lokalhyror' },
        { prefix: '7', group: 'Övrigt' },
        { prefix: '7', group: 'Övriga kostnader' },
      ]),
    ).toEqual([
      'Kontointervallet «6x» ska vara de första siffrorna i ett kontonummer.',
      'Kontogruppen «Övrigt» finns inte.',
      'Kontointervallet 7 står två gånger.',
    ]);
  });
});
