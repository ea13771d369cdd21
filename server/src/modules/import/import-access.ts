/**
 * Who may import where: an administratör, into a period of their own kommun that no
 * published report covers. Checked before the file is read, so nobody else costs the server
 * any work; the words are the same whether the period is missing or another kommun's.
 */
import type { RequestContext } from '../../context.js';
import { Period } from '../organisation/org-unit.entity.js';
import { refuse, requireAdministrator } from '../editing/edit-access.js';
import { publishedRefusal } from './import-run.js';
import type { ImportTarget } from './import-kind.js';

export const PERIOD_PUBLISHED =
  'Perioden har en publicerad rapport, och det en publicerad rapport visar ändras aldrig. Importera till arbetsperioden.';

export async function importTarget(ctx: RequestContext, periodId: number): Promise<ImportTarget> {
  const viewer = requireAdministrator(ctx);
  const period = await ctx.em.findOne(Period, { id: periodId, kommun: viewer.kommun.id });
  if (!period) throw refuse();
  if (period.hasPublishedReport) throw publishedRefusal(PERIOD_PUBLISHED);
  return { kommunId: viewer.kommun.id, periodId: period.id, userId: viewer.id, requestId: ctx.requestId };
}
