/**
 * Which kontogrupp an account belongs to, by the account classes and groups of Kommun-Bas
 * (SKR's basic account plan for kommuner; here as Kommun-Bas 13 numbers them): class 3
 * income, class 4 purchases (46 köp av huvudverksamhet), class 5 staff, classes 6–7 other
 * operating costs (60 lokal- och markhyror, 74 övriga främmande tjänster, 75 tillfälligt
 * inhyrd personal, 79 avskrivningar), class 8 taxes, equalisation and financial items (84
 * finansiella intäkter, 85 finansiella kostnader). Kommuner adapt Kommun-Bas, so this is a
 * default the administratör adjusts per kommun: a plain list of account prefixes, where the
 * longest prefix an account starts with decides. Kommunbidrag (the allocation a nämnd gets
 * from the kommunfullmäktige) has no account in Kommun-Bas: each kommun books it on an
 * internal account of its own, which the administratör adds; so is internal interest, the
 * other half of kapitalkostnader beside avskrivningar.
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
  /** The account numbers starting with these digits: '5' is 5000–5999, '60' 6000–6099. */
  prefix: string;
  group: AccountGroup;
  /** What Kommun-Bas calls the accounts, shown beside the rule. */
  basName?: string;
}

/** Kommun-Bas by class, and the groups within them that the reports print apart. */
export const kommunBasAccountGroups: readonly AccountGroupRule[] = [
  { prefix: '3', group: 'Intäkter', basName: 'Verksamhetens intäkter' },
  { prefix: '4', group: 'Övriga kostnader', basName: 'Material, varor och lämnade bidrag' },
  { prefix: '46', group: 'Köp av tjänster', basName: 'Köp av huvudverksamhet' },
  { prefix: '5', group: 'Personalkostnader', basName: 'Kostnader för arbetskraft' },
  { prefix: '6', group: 'Övriga kostnader', basName: 'Övriga verksamhetskostnader' },
  { prefix: '60', group: 'Lokalhyror', basName: 'Lokal- och markhyror' },
  { prefix: '7', group: 'Övriga kostnader', basName: 'Övriga verksamhetskostnader' },
  { prefix: '74', group: 'Köp av tjänster', basName: 'Övriga främmande tjänster' },
  { prefix: '75', group: 'Köp av tjänster', basName: 'Tillfälligt inhyrd personal' },
  { prefix: '79', group: 'Kapitalkostnader', basName: 'Avskrivningar' },
  { prefix: '84', group: 'Finansnetto', basName: 'Finansiella intäkter' },
  { prefix: '85', group: 'Finansnetto', basName: 'Finansiella kostnader' },
];

/**
 * The account's group by the rules (the kommun's, or the default), or undefined for an
 * account no rule covers (balance accounts 1 and 2, skatteintäkter, a kommun's internal
 * accounts it has not added): the preview shows such a line as unmapped.
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
