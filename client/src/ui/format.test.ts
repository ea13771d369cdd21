import { describe, expect, it } from 'vitest';
import { formatPercent, formatTkr, formatValue } from './format';

const nbsp = '\u00a0';

describe('Swedish number formats', () => {
  it('shows kronor in tkr with Swedish digit grouping and a real minus sign', () => {
    expect(formatTkr(23_676_000)).toBe(`23${nbsp}676 tkr`);
    expect(formatTkr(-2_211_400)).toBe(`−2${nbsp}211 tkr`);
  });

  it('shows a missing amount or value as missing, never as zero', () => {
    expect(formatTkr(null)).toBe('–');
    expect(formatValue(null, '%')).toBe('Inget värde');
    expect(formatValue(0, '%')).toBe('0 %');
  });

  it('keeps decimals with a decimal comma', () => {
    expect(formatValue(26.7, '%')).toBe('26,7 %');
  });

  it('shows a share with one decimal at least, as the sick-leave tables print it', () => {
    expect(formatPercent(3)).toBe('3,0 %');
    expect(formatPercent(7.19)).toBe('7,19 %');
    expect(formatPercent(null)).toBe('–');
  });
});
