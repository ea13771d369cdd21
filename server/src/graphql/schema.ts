import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { Resolvers } from '../generated/graphql.js';
import { adminResolvers } from '../modules/admin/resolvers.js';
import { assignmentResolvers } from '../modules/assignments/resolvers.js';
import { authResolvers } from '../modules/auth/resolvers.js';
import { economyResolvers } from '../modules/economy/resolvers.js';
import { editingResolvers } from '../modules/editing/resolvers.js';
import { goalResolvers } from '../modules/goals/resolvers.js';
import { indicatorResolvers } from '../modules/indicators/resolvers.js';
import { internalControlResolvers } from '../modules/internal-control/resolvers.js';
import { organisationResolvers } from '../modules/organisation/resolvers.js';
import { overviewResolvers } from '../modules/overview/resolvers.js';
import { planResolvers } from '../modules/plan/resolvers.js';
import { reportResolvers } from '../modules/reports/resolvers.js';
import { reportChangeResolvers } from '../modules/report-changes/resolvers.js';
import { setupResolvers } from '../modules/setup/resolvers.js';
import { workforceResolvers } from '../modules/workforce/resolvers.js';
import { guardArguments } from './argument-guard.js';

const modulesDir = fileURLToPath(new URL('../modules', import.meta.url));

/** The schema is the union of the modules' `schema.graphql` files (the contract). */
export function loadTypeDefs(): string[] {
  return readdirSync(modulesDir)
    .map((module) => join(modulesDir, module, 'schema.graphql'))
    .filter((file) => existsSync(file))
    .sort()
    .map((file) => readFileSync(file, 'utf8'));
}

/** One resolver map per domain; Apollo merges them. */
export const resolvers: Resolvers[] = [
  organisationResolvers,
  goalResolvers,
  indicatorResolvers,
  assignmentResolvers,
  economyResolvers,
  workforceResolvers,
  internalControlResolvers,
  reportResolvers,
  reportChangeResolvers,
  overviewResolvers,
  authResolvers,
  editingResolvers,
  adminResolvers,
  setupResolvers,
  planResolvers,
];

/**
 * The executable schema, as Apollo would build it from the type definitions and resolvers,
 * with every field's arguments checked before its resolver runs (argument-guard.ts).
 */
export function buildSchema(): GraphQLSchema {
  return guardArguments(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never }));
}
