/**
 * The kommun's ledger mapping as the administratör sets it: the CSV's settings, which column
 * holds what, the kostnadsställen's units and the accounts' kontogrupper. Checked here, once,
 * for the save and for every import that uses it.
 */
import { accountGroupRuleErrors } from './kommun-bas.js';
import { ledgerMeasures } from './ledger-amount.js';

export const ledgerColumnRoles = [
  'costCentre',
  'account',
  'accountGroup',
  'project',
  ...ledgerMeasures,
] as const;
export type LedgerColumnRole = (typeof ledgerColumnRoles)[number];
/** The header of the column holding each role; a role without a column is left out. */
export type LedgerColumns = Partial<Record<LedgerColumnRole, string>>;

export const LEDGER_DELIMITERS = [';', ',', '\t'] as const;

export interface LedgerSettings {
  delimiter: (typeof LEDGER_DELIMITERS)[number];
  decimalComma: boolean;
  scale: 'kr' | 'tkr';
  signConvention: 'costsPositive' | 'costsNegative';
  columns: LedgerColumns;
}

/** The settings alone, of a mapping as sent or as stored. */
export const settingsOf = (m: LedgerSettings): LedgerSettings => ({
  delimiter: m.delimiter,
  decimalComma: m.decimalComma,
  scale: m.scale,
  signConvention: m.signConvention,
  columns: m.columns,
});

export interface LedgerMappingInput extends LedgerSettings {
  /** Kostnadsställe or verksamhet code → the unit's key. */
  costCentres: { code: string; unitKey: string }[];
  /** The kommun's own kontogrupp for an account, over the default table. */
  accountGroups: { account: string; accountGroup: string }[];
}

/** Bounds of what a save may send: a kommun has hundreds of kostnadsställen, not more. */
export const MAX_COST_CENTRES = 5_000;
export const MAX_ACCOUNT_GROUPS = 5_000;

/** Reads what a client sent as a mapping; the first problem in Swedish, or the mapping. */
export function readMappingInput(body: unknown): { ok: LedgerMappingInput } | { error: string } {
  if (typeof body !== 'object' || body == null) return { error: 'Inställningarna saknas.' };
  const b = body as Record<string, unknown>;
  if (!LEDGER_DELIMITERS.includes(b.delimiter as never)) {
    return { error: 'Välj avgränsare: semikolon, komma eller tabb.' };
  }
  if (typeof b.decimalComma !== 'boolean') return { error: 'Välj decimaltecken.' };
  if (b.scale !== 'kr' && b.scale !== 'tkr') return { error: 'Välj om beloppen är i kr eller tkr.' };
  if (b.signConvention !== 'costsPositive' && b.signConvention !== 'costsNegative') {
    return { error: 'Välj teckenkonvention.' };
  }
  if (b.delimiter === ',' && b.decimalComma) {
    return { error: 'Med komma som avgränsare kan decimaltecknet inte vara komma.' };
  }
  const columns: LedgerColumns = {};
  const given = (typeof b.columns === 'object' && b.columns) || {};
  for (const role of ledgerColumnRoles) {
    const header = (given as Record<string, unknown>)[role];
    if (header == null || header === '') continue;
    if (typeof header !== 'string' || header.trim().length > 100) {
      return { error: 'En kolumnrubrik är högst 100 tecken.' };
    }
    columns[role] = header.trim();
  }
  // No columns at all: a kommun that reads SIE files only, which name their own fields.
  const csv = Object.keys(columns).length > 0;
  if (csv && !columns.costCentre) return { error: 'Ange kolumnen med kostnadsställe.' };
  if (csv && !ledgerMeasures.some((m) => columns[m])) {
    return { error: 'Ange minst en kolumn med belopp (budget, utfall eller prognos).' };
  }
  if (columns.account && columns.accountGroup) {
    return { error: 'Ange antingen kolumnen med konto eller den med kontogrupp, inte båda.' };
  }
  const headers = Object.values(columns).map((h) => h.toLocaleLowerCase('sv-SE'));
  if (new Set(headers).size !== headers.length) return { error: 'Två uppgifter har samma kolumn.' };
  const costCentres = pairs(b.costCentres, 'code', 'unitKey', 40, 80, MAX_COST_CENTRES);
  if ('error' in costCentres) return { error: `Kostnadsställen: ${costCentres.error}` };
  const accountGroups = pairs(b.accountGroups, 'account', 'accountGroup', 20, 80, MAX_ACCOUNT_GROUPS);
  if ('error' in accountGroups) return { error: `Kontogrupper: ${accountGroups.error}` };
  const [ruleError] = accountGroupRuleErrors(accountGroups.ok.map(([prefix, group]) => ({ prefix, group })));
  if (ruleError) return { error: `Kontogrupper: ${ruleError}` };
  return {
    ok: {
      delimiter: b.delimiter as LedgerSettings['delimiter'],
      decimalComma: b.decimalComma,
      scale: b.scale,
      signConvention: b.signConvention,
      columns,
      costCentres: costCentres.ok.map(([code, unitKey]) => ({ code, unitKey })),
      accountGroups: accountGroups.ok.map(([account, accountGroup]) => ({ account, accountGroup })),
    },
  };
}

/** A list of code → value pairs, each trimmed, bounded and with its code once. */
function pairs(
  value: unknown,
  key: string,
  target: string,
  keyLength: number,
  targetLength: number,
  max: number,
): { ok: [string, string][] } | { error: string } {
  if (value == null) return { ok: [] };
  if (!Array.isArray(value)) return { error: 'ska vara en lista.' };
  if (value.length > max) return { error: `högst ${max.toLocaleString('sv-SE')} rader.` };
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const item of value as Record<string, unknown>[]) {
    const k = typeof item?.[key] === 'string' ? item[key].trim() : '';
    const t = typeof item?.[target] === 'string' ? item[target].trim() : '';
    if (!k || !t) return { error: 'varje rad ska ha båda fälten ifyllda.' };
    if (k.length > keyLength || t.length > targetLength) {
      return { error: `”${k.slice(0, keyLength)}” är för långt.` };
    }
    if (seen.has(k)) return { error: `”${k}” finns två gånger.` };
    seen.add(k);
    out.push([k, t]);
  }
  return { ok: out };
}
