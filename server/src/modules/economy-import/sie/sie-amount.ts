/**
 * SIE's amounts: digits with a point as the decimal separator, at most two decimals, a minus
 * sign in front when negative (`-52625.00`, `0.5`, `12`). Read exactly into öre.
 */

/** Öre, or null when the text is not an SIE amount. */
export function parseSieAmount(text: string): number | null {
  const m = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const ore = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' && ore !== 0 ? -ore : ore;
}

/** −1 234,50 kr, for messages. */
export function formatOre(ore: number): string {
  const kronor = Math.trunc(ore / 100);
  const rest = Math.abs(ore % 100);
  const sign = ore < 0 ? '−' : '';
  const whole = String(Math.abs(kronor)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole},${String(rest).padStart(2, '0')} kr`;
}
