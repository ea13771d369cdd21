/**
 * Which kontogrupp an account belongs to: the kommun's own choice where the administratör
 * made one, else the default table of the Kommun-Bas account classes. The one place that
 * decides it, so the default table (sie/kommun-bas.ts, with the SIE reader) plugs in here.
 */

/**
 * The default kontogrupp of an account. Until the Kommun-Bas table is in, there is none:
 * every account needs the kommun's own row, and an account without one is an error of its line.
 */
export function defaultAccountGroup(account: string): string | null {
  void account;
  return null;
}

export function accountGroupLookup(overrides: ReadonlyMap<string, string>) {
  return (account: string): string | null => overrides.get(account) ?? defaultAccountGroup(account);
}
