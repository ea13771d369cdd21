/**
 * Which kontogrupp an account belongs to: the kommun's own choice where the administratör
 * made one, else the default table of the Kommun-Bas account classes. The one place that
 * decides it.
 */
import { accountGroupOf } from './kommun-bas.js';

/**
 * The default kontogrupp of an account, by Kommun-Bas; null for an account it leaves out
 * (balance accounts, a kommun's internal accounts), which needs the kommun's own row.
 */
export function defaultAccountGroup(account: string): string | null {
  return accountGroupOf(account) ?? null;
}

export function accountGroupLookup(overrides: ReadonlyMap<string, string>) {
  return (account: string): string | null => overrides.get(account) ?? defaultAccountGroup(account);
}
