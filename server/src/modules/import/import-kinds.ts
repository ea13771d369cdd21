/**
 * The domain kinds a kommun imports, each written by its domain (see import-kind.ts for the
 * contract). The framework takes them in the order of importKindNames whatever their order
 * here.
 */
import type { ImportKind } from './import-kind.js';
import { organisationImport } from '../organisation/organisation-import.js';
import { goalImport } from '../goals/goal-import.js';
import { indicatorImport } from '../indicators/indicator-import.js';
import { assignmentImport } from '../assignments/assignment-import.js';

/** The framework hands each kind only the values its own parse made. */
const anyValue = <V>(kind: ImportKind<V>) => kind as unknown as ImportKind<unknown>;

export const domainImportKinds: readonly ImportKind<unknown>[] = [
  anyValue(organisationImport),
  anyValue(goalImport),
  anyValue(indicatorImport),
  anyValue(assignmentImport),
];
