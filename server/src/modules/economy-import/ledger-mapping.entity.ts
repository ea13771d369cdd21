import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { Kommun, OrgUnit, Period } from '../organisation/org-unit.entity.js';
import type { LedgerColumns } from './ledger-settings.js';

export const ledgerScales = ['kr', 'tkr'] as const;
/**
 * How the ledger signs its amounts. `costsPositive`: net costs positive, deviation = budget −
 * utfall (002's monthly follow-up). `costsNegative`: income positive, costs negative,
 * deviation = utfall − budget (Norrtälje, and our own convention).
 */
export const ledgerSignConventions = ['costsPositive', 'costsNegative'] as const;

/**
 * How a kommun's ledger export reads, set once by its administratör: the CSV's settings and
 * which column holds what. One per kommun.
 */
export const LedgerMapping = defineEntity({
  name: 'LedgerMapping',
  tableName: 'ledger_mapping',
  properties: {
    id: p.integer().primary(),
    kommun: () => p.manyToOne(Kommun).unique(),
    /** ';', ',' or a tab. */
    delimiter: p.string().length(2),
    decimalComma: p.boolean(),
    scale: p.enum([...ledgerScales]).length(10),
    signConvention: p.enum([...ledgerSignConventions]).length(20),
    /** The header of the column holding each role (kostnadsställe, account, a measure). */
    columns: p.json<LedgerColumns>(),
    updatedAt: p
      .datetime()
      .defaultRaw('current_timestamp')
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export type ILedgerMapping = InferEntity<typeof LedgerMapping>;

/** A ledger's kostnadsställe or verksamhet code and the unit its amounts belong to. */
export const LedgerCostCentre = defineEntity({
  name: 'LedgerCostCentre',
  tableName: 'ledger_cost_centre',
  properties: {
    id: p.integer().primary(),
    kommun: () => p.manyToOne(Kommun),
    code: p.string().length(40),
    unit: () => p.manyToOne(OrgUnit),
  },
  uniques: [{ properties: ['kommun', 'code'] }],
});
export type ILedgerCostCentre = InferEntity<typeof LedgerCostCentre>;

/** The kommun's own kontogrupp for an account, over the default of the Kommun-Bas classes. */
export const LedgerAccountGroup = defineEntity({
  name: 'LedgerAccountGroup',
  tableName: 'ledger_account_group',
  properties: {
    id: p.integer().primary(),
    kommun: () => p.manyToOne(Kommun),
    account: p.string().length(20),
    accountGroup: p.string().length(80),
  },
  uniques: [{ properties: ['kommun', 'account'] }],
});
export type ILedgerAccountGroup = InferEntity<typeof LedgerAccountGroup>;

/**
 * A ledger file written into a period: the same file again is known by its hash and changes
 * nothing, and a newer one says in the audit log which file it replaces.
 */
export const LedgerImport = defineEntity({
  name: 'LedgerImport',
  tableName: 'ledger_import',
  properties: {
    id: p.integer().primary(),
    period: () => p.manyToOne(Period).index(),
    fileName: p.string().length(200),
    /** SHA-256 of the file's bytes. */
    fileHash: p.string().length(64),
    format: p.string().length(10),
    importedAt: p
      .datetime()
      .defaultRaw('current_timestamp')
      .onCreate(() => new Date()),
    importedBy: () => p.manyToOne(User).nullable(),
  },
});
export type ILedgerImport = InferEntity<typeof LedgerImport>;
