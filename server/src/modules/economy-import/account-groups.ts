/**
 * Which kontogrupp an account belongs to: the kommun's own choice where the administratör
 * made one, else the default table of the Kommun-Bas account classes. The one place that
 * decides it.
 */
import { accountGroupOf, type AccountGroup } from './kommun-bas.js';

/**
 * The default kontogrupp of an account, by Kommun-Bas; null for an account it leaves out
 * (balance accounts, a kommun's internal accounts), which needs the kommun's own row.
 */
export function defaultAccountGroup(account: string): string | null {
  return accountGroupOf(account) ?? null;
}

/**
 * The kommun's rows are account prefixes, as the default table's (an account, or its first
 * digits: '46' for 4600–4699), checked by `accountGroupRuleErrors` when saved; the longest
 * that fits wins, and any of them over the default.
 */
export function accountGroupLookup(overrides: ReadonlyMap<string, string>) {
  const rules = [...overrides].map(([prefix, group]) => ({ prefix, group: group as AccountGroup }));
  return (account: string): string | null => accountGroupOf(account, rules) ?? defaultAccountGroup(account);
}
