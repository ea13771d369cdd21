import { z } from 'zod';
import { assignChanges, dateComment, type EditableKind } from '../editing/edit-record.js';
import { choice, optionalText } from '../editing/validation.js';
import type { IOrgUnit } from '../organisation/org-unit.entity.js';
import {
  AssignmentFollowUp,
  assignmentStatuses,
  forecasts,
  type IAssignmentFollowUp,
} from './assignment.entity.js';

const changes = z.object({
  status: choice('Status', assignmentStatuses, { nullable: false }),
  forecast: choice('Prognosen', forecasts, { nullable: true }),
  comment: optionalText('Kommentaren', 4000),
  deviationReason: optionalText('Avvikelseorsaken', 2000),
});

/**
 * An assignment's follow-up is edited by the responsible department and by the office or
 * board whose list it is on (and the units above them).
 */
export const assignmentFollowUpKind: EditableKind<IAssignmentFollowUp, z.infer<typeof changes>> = {
  entity: AssignmentFollowUp,
  typename: 'AssignmentFollowUp',
  populate: ['assignment.responsibleUnit', 'assignment.ownerUnit', 'period'],
  unitsOf: (f) => [f.assignment.responsibleUnit, f.assignment.ownerUnit].filter((u): u is IOrgUnit => !!u),
  periodOf: (f) => f.period,
  input: changes,
  apply: (_em, row, input) => Promise.resolve(dateComment(row, assignChanges(row, input))),
};
