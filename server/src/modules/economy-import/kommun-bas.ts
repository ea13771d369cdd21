/**
 * Which kontogrupp an account belongs to, by the account classes of Kommun-Bas (SKR's account
 * plan for kommuner, Kommun-Bas 13/19/20): class 3 income, class 4 purchases of services and
 * activities, class 5 staff, classes 6–7 other operating costs, class 8 financial items. Within
 * those, the default singles out the groups the reports print (000, 001, 003): lokalhyror,
 * avskrivningar as kapitalkostnader, and kommunbidrag. Kommuner adapt Kommun-Bas to their own
 * needs, so this is a default that the administratör adjusts per kommun: a plain list of
 * account prefixes, where the longest prefix that an account starts with decides.
 */

/** The kontogrupper the sources print, in the order the reports list them. */
export const accountGroups = [
  'Intäkter',
  'Kommunbidrag',
  'Personalkostnader',
  'Lokalhyror',
  'Köp av tjänster',
  'Övriga kostnader',
  'Kapitalkostnader',
  'Finansnetto',
] as const;
export type AccountGroup = (typeof accountGroups)[number];

/**
 * The groups that make up "Kostnader" in a report that prints only intäkter and kostnader
 * (000, 001: "Kostnader", and "Varav kapitalkostnader" within them).
 */
export const costGroups: readonly AccountGroup[] = [
  'Personalkostnader',
  'Lokalhyror',
  'Köp av tjänster',
  'Övriga kostnader',
  'Kapitalkostnader',
];

export interface AccountGroupRule {
  /** The account numbers starting with these digits: '5' is 5000–5999, '61' 6100–6199. */
  prefix: string;
  group: AccountGroup;
}

/** Kommun-Bas by class and the few two-digit groups the reports single out. */
export const kommunBasAccountGroups: readonly AccountGroupRule[] = [
  { prefix: '3', group: 'Intäkter' },
  { prefix: '4', group: 'Köp av tjänster' },
  { prefix: '5', group: 'Personalkostnader' },
  { prefix: '6', group: 'Övriga kostnader' },
  { prefix: '61', group: 'Lokalhyror' },
  { prefix: '68', group: 'Kapitalkostnader' },
  { prefix: '7', group: 'Övriga kostnader' },
  { prefix: '8', group: 'Finansnetto' },
  { prefix: '89', group: 'Kommunbidrag' },
];

/**
 * The account's group by the rules (the kommun's, or the default), or undefined for an
 * account no rule covers (balance accounts 1 and 2, or a gap the kommun left): the preview
 * shows such a line as unmapped.
 */
export function accountGroupOf(
  account: string,
  rules: readonly AccountGroupRule[] = kommunBasAccountGroups,
): AccountGroup | undefined {
  let best: AccountGroupRule | undefined;
  for (const rule of rules) {
    if (account.startsWith(rule.prefix) && (!best || rule.prefix.length > best.prefix.length)) best = rule;
  }
  return best?.group;
}

/**
 * A kommun's rules, checked before they are saved: prefixes of digits, each once, each naming
 * a known group. Answers the Swedish reasons it cannot be used, none when it can.
 */
export function accountGroupRuleErrors(rules: readonly { prefix: string; group: string }[]): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const { prefix, group } of rules) {
    if (!/^\d{1,8}$/.test(prefix))
      errors.push(`Kontointervallet «${prefix}» ska vara de första siffrorna i ett kontonummer.`);
    else if (seen.has(prefix)) errors.push(`Kontointervallet ${prefix} står två gånger.`);
    seen.add(prefix);
    if (!(accountGroups as readonly string[]).includes(group))
      errors.push(`Kontogruppen «${group}» finns inte.`);
  }
  return errors;
}
