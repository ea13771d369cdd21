import { z } from 'zod';
import type { EditableKind } from '../editing/edit-record.js';
import { choice, optionalText } from '../editing/validation.js';
import { GoalFollowUp, goalAssessments, trends, type IGoalFollowUp } from './goal.entity.js';

const changes = z.object({
  assessment: choice('Bedömningen', goalAssessments, { nullable: false }),
  trend: choice('Trenden', trends, { nullable: true }),
  analysis: optionalText('Analysen', 8000),
});

/** A goal's assessment is the unit's own: edited by editors of that unit. */
export const goalFollowUpKind: EditableKind<IGoalFollowUp, z.infer<typeof changes>> = {
  entity: GoalFollowUp,
  typename: 'GoalFollowUp',
  populate: ['unit', 'period'],
  unitsOf: (f) => [f.unit],
  periodOf: (f) => f.period,
  input: changes,
};
