import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A municipality. Its organisation hangs below one root unit of kind `kommun`. */
export const Kommun = defineEntity({
  name: 'Kommun',
  tableName: 'kommun',
  properties: {
    id: p.integer().primary(),
    /** Kolada's four-digit municipality code; null where the source does not name the kommun. */
    koladaCode: p.string().length(4).nullable().unique(),
    /** Stable slug of the demo data folder or the admin's choice. */
    key: p.string().length(80).unique(),
    name: p.string().length(200),
  },
});
export type IKommun = InferEntity<typeof Kommun>;

export const unitKinds = ['kommun', 'nämnd', 'kontor', 'avdelning', 'enhet', 'verksamhet'] as const;
export type UnitKind = (typeof unitKinds)[number];

/**
 * One node of a kommun's organisation tree: the kommun itself, a board, an office, a
 * department … of any depth. `path` is the materialised chain of ids from the root
 * ("/1/5/9/"), so a whole subtree is one indexed prefix match and the breadcrumb is one
 * primary-key lookup: every drill-down query stays a fixed number of statements.
 */
export const OrgUnit = defineEntity({
  name: 'OrgUnit',
  tableName: 'org_unit',
  properties: {
    id: p.integer().primary(),
    kommun: () => p.manyToOne(Kommun),
    parent: () => p.manyToOne(OrgUnit).nullable().index(),
    /** Stable slug from the demo data or the admin, unique within a kommun. */
    key: p.string().length(80),
    name: p.string().length(200),
    shortName: p.string().length(40).nullable(),
    kind: p.enum([...unitKinds]).length(20),
    path: p.string().length(400).default(''),
    position: p.integer().default(0),
    /** Closed in the latest period (the versions say from when): left out of its lists. */
    closed: p.boolean().default(false),
  },
  uniques: [{ properties: ['kommun', 'key'] }],
  indexes: [
    {
      name: 'org_unit_path_prefix',
      expression: 'create index "org_unit_path_prefix" on "org_unit" ("path" text_pattern_ops)',
    },
  ],
});
export type IOrgUnit = InferEntity<typeof OrgUnit>;

/**
 * A unit as it is in one period: its name, its parent and its place in the tree. A change to
 * the organisation takes effect from a period, so a published report keeps the names and the
 * tree it was published with while later periods show the new ones. Opening a period copies
 * the latest earlier version of every unit, as it copies every follow-up. `path` is the
 * period's materialised chain of ids, as on OrgUnit.
 */
export const OrgUnitVersion = defineEntity({
  name: 'OrgUnitVersion',
  tableName: 'org_unit_version',
  properties: {
    id: p.integer().primary(),
    unit: () => p.manyToOne(OrgUnit),
    period: () => p.manyToOne(Period),
    name: p.string().length(200),
    shortName: p.string().length(40).nullable(),
    parent: () => p.manyToOne(OrgUnit).nullable(),
    path: p.string().length(400).default(''),
    position: p.integer().default(0),
    /** Closed from this period on: hidden from its tree, its history kept. */
    closed: p.boolean().default(false),
  },
  uniques: [{ properties: ['unit', 'period'] }],
  indexes: [
    { properties: ['period', 'parent'] },
    {
      name: 'org_unit_version_path_prefix',
      expression:
        'create index "org_unit_version_path_prefix" on "org_unit_version" ("period_id", "path" text_pattern_ops)',
    },
  ],
});
export type IOrgUnitVersion = InferEntity<typeof OrgUnitVersion>;

export const periodKinds = ['år', 'delår', 'tertial', 'månad'] as const;

/** A follow-up period of one kommun ("2024", "Jan–Jul 2025"). */
export const Period = defineEntity({
  name: 'Period',
  tableName: 'period',
  properties: {
    id: p.integer().primary(),
    kommun: () => p.manyToOne(Kommun),
    key: p.string().length(40),
    label: p.string().length(80),
    kind: p.enum([...periodKinds]).length(10),
    startDate: p.date(),
    endDate: p.date(),
    /**
     * Whether a published report covers this period. Read with the period itself, so that
     * deciding what a reader who is not signed in may see costs no statement of its own.
     */
    hasPublishedReport: p
      .formula<boolean>(
        (table) =>
          `exists (select 1 from report r where r.period_id = ${table.alias}.id and r.status = 'published')`,
      )
      .type('boolean')
      .persist(false),
  },
  uniques: [{ properties: ['kommun', 'key'] }],
  indexes: [{ properties: ['kommun', 'endDate'] }],
});
export type IPeriod = InferEntity<typeof Period>;

/** The year a period belongs to: the one it ends in (Jan–Jul 2025 is of 2025). */
export const periodYear = (period: Pick<IPeriod, 'endDate'>) => Number(period.endDate.slice(0, 4));
