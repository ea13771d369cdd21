/**
 * Who may edit what. A redaktör edits within the units given and everything below them; an
 * administratör anything of their kommun; a läsare nothing. Nobody edits what a published
 * report shows: a published report is a public document that never changes.
 */
import type { RequestContext } from '../../context.js';
import { forbidden, unauthenticated } from '../../graphql/errors.js';
import type { IUser } from '../auth/user.entity.js';
import type { IOrgUnit } from '../organisation/org-unit.entity.js';

/** The same words whether the record is missing or out of reach: a refusal reveals nothing. */
export const NOT_YOURS = 'Du har inte behörighet att ändra detta.';

/** The signed-in editor, or the error that says why there is none. */
export function requireEditor(ctx: RequestContext): IUser {
  if (!ctx.viewer) throw unauthenticated('Logga in för att ändra.');
  if (ctx.viewer.role === 'läsare') throw forbidden('Du har läsbehörighet och kan inte ändra.');
  return ctx.viewer;
}

/** The signed-in administratör: opens periods, adds users, drafts and publishes reports. */
export function requireAdministrator(ctx: RequestContext): IUser {
  const viewer = requireEditor(ctx);
  if (viewer.role !== 'administratör') throw forbidden('Bara en administratör kan göra detta.');
  return viewer;
}

/** Whether the person may edit records of the unit (the path must be loaded). */
export function editsUnit(viewer: IUser, unit: IOrgUnit): boolean {
  if (unit.kommun.id !== viewer.kommun.id) return false;
  if (viewer.role === 'administratör') return true;
  if (viewer.role !== 'redaktör') return false;
  return viewer.units.getItems().some((own) => unit.path.startsWith(own.path));
}

export const refuse = () => forbidden(NOT_YOURS);
