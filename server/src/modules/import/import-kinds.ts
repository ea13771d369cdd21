/**
 * The domain kinds a kommun imports, each written by its domain (organisation, goals,
 * indicators, assignments: see import-kind.ts for the contract). The framework takes them
 * in the order of importKindNames whatever their order here. A kind is listed here once its
 * domain module has it; this branch has none of them yet, so the list starts empty and the
 * import answers every kind as unknown until they are added.
 */
import type { ImportKind } from './import-kind.js';

export const domainImportKinds: readonly ImportKind<unknown>[] = [];
