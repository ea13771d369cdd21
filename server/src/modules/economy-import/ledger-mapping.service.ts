/**
 * The kommun's ledger mapping, read for an import and the administratör's form, and saved
 * whole: the settings, and the kostnadsställen and accounts replaced by the list sent.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordCreation } from '../audit/record-creation.js';
import { OrgUnit } from '../organisation/org-unit.entity.js';
import { LedgerAccountGroup, LedgerCostCentre, LedgerMapping } from './ledger-mapping.entity.js';
import { settingsOf, type LedgerMappingInput, type LedgerSettings } from './ledger-settings.js';

export interface SavedMapping {
  settings: LedgerSettings;
  costCentres: { code: string; unitId: number; unitKey: string }[];
  accountGroups: { account: string; accountGroup: string }[];
}

export async function loadMapping(em: EntityManager, kommunId: number): Promise<SavedMapping | null> {
  const mapping = await em.findOne(LedgerMapping, { kommun: kommunId });
  if (!mapping) return null;
  const [costCentres, accountGroups] = await Promise.all([
    em.find(LedgerCostCentre, { kommun: kommunId }, { populate: ['unit'], orderBy: { code: 'asc' } }),
    em.find(LedgerAccountGroup, { kommun: kommunId }, { orderBy: { account: 'asc' } }),
  ]);
  return {
    settings: settingsOf({ ...mapping, delimiter: mapping.delimiter as LedgerSettings['delimiter'] }),
    costCentres: costCentres.map((c) => ({ code: c.code, unitId: c.unit.id, unitKey: c.unit.key })),
    accountGroups: accountGroups.map((a) => ({ account: a.account, accountGroup: a.accountGroup })),
  };
}

/** Saves the mapping; the Swedish message of a unit key the kommun does not have, or null. */
export async function saveMapping(
  em: EntityManager,
  by: { kommunId: number; userId: number; requestId: string | null },
  input: LedgerMappingInput,
): Promise<string | null> {
  const keys = [...new Set(input.costCentres.map((c) => c.unitKey))];
  const units = keys.length
    ? await em.find(OrgUnit, { kommun: by.kommunId, key: { $in: keys } }, { fields: ['id', 'key'] })
    : [];
  const byKey = new Map(units.map((u) => [u.key, u.id]));
  const unknown = input.costCentres.find((c) => !byKey.has(c.unitKey));
  if (unknown)
    return `Kostnadsställe ${unknown.code}: kommunen har ingen enhet med koden ”${unknown.unitKey}”.`;
  await em.transactional(async (tx) => {
    const settings = settingsOf(input);
    const mapping = await tx.findOne(LedgerMapping, { kommun: by.kommunId });
    if (mapping) tx.assign(mapping, settings);
    else tx.create(LedgerMapping, { kommun: by.kommunId, ...settings });
    await tx.nativeDelete(LedgerCostCentre, { kommun: by.kommunId });
    await tx.nativeDelete(LedgerAccountGroup, { kommun: by.kommunId });
    for (const c of input.costCentres) {
      tx.create(LedgerCostCentre, { kommun: by.kommunId, code: c.code, unit: byKey.get(c.unitKey)! });
    }
    for (const a of input.accountGroups) tx.create(LedgerAccountGroup, { kommun: by.kommunId, ...a });
    await tx.flush();
    recordCreation(tx, {
      by: by.userId,
      entity: 'LedgerMapping',
      entityId: by.kommunId,
      after: {
        ...settings,
        costCentres: input.costCentres.length,
        accountGroups: input.accountGroups.length,
      },
      requestId: by.requestId,
    });
  });
  return null;
}
