import type { RequestContext } from '../../context.js';
import type { UnitScope } from '../organisation/unit-scope.js';
import { SickLeave, StaffTurnover, type ISickLeave, type IStaffTurnover } from './workforce.entity.js';

export function sickLeaveOf(ctx: RequestContext, scope: UnitScope): Promise<ISickLeave[]> {
  return ctx.em.find(SickLeave, { unit: scope.unit, period: scope.period }, { orderBy: { position: 'asc' } });
}

export function staffTurnoverOf(ctx: RequestContext, scope: UnitScope): Promise<IStaffTurnover[]> {
  return ctx.em.find(
    StaffTurnover,
    { unit: scope.unit, period: scope.period },
    { orderBy: { position: 'asc' } },
  );
}
