/**
 * Who may edit what. A redaktör edits within the units given and everything below them; an
 * administratör anything of their kommun; a läsare nothing. Nobody edits what a published
 * report shows: a published report is a public document that never changes.
 */
import type { RequestContext } from '../../context.js';
import { forbidden, unauthenticated } from '../../graphql/errors.js';
import type { IUser } from '../auth/user.entity.js';
import type { IOrgUnit, IPeriod } from '../organisation/org-unit.entity.js';
import { unitInPeriod } from '../organisation/unit-in-period.js';

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

/**
 * Whether the person may edit a record of one of these units in the period: a redaktör's
 * units and those below them in that period's tree, so that a department moved from a later
 * period is edited, in the earlier ones, by whoever edits its office there. Versions the page
 * has read already cost no statement; a unit without a version in the period is nobody's.
 */
export async function editsSomeUnit(
  ctx: RequestContext,
  viewer: IUser,
  units: readonly IOrgUnit[],
  period: Pick<IPeriod, 'id'> | null,
): Promise<boolean> {
  const ours = units.filter((unit) => unit.kommun.id === viewer.kommun.id);
  if (ours.length === 0) return false;
  if (viewer.role === 'administratör') return true;
  if (viewer.role !== 'redaktör') return false;
  const own = viewer.units.getItems();
  // Without a period (none of today's kinds), the latest tree: org_unit's paths.
  const pathsOf = (list: readonly IOrgUnit[]) =>
    period === null
      ? Promise.resolve(list.map((u) => u.path))
      : Promise.all(
          list.map((u) =>
            unitInPeriod(ctx, u.id, period.id).then(
              (v) => v.path,
              () => null,
            ),
          ),
        );
  const [unitPaths, ownPaths] = await Promise.all([pathsOf(ours), pathsOf(own)]);
  return unitPaths.some((path) => path != null && ownPaths.some((mine) => !!mine && path.startsWith(mine)));
}

export const refuse = () => forbidden(NOT_YOURS);
