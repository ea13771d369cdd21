import { z } from 'zod';
import { goalAssessments, trends } from '../goals/goal.entity.js';
import { assignChanges, dateComment, type Diff, type EditableKind } from '../editing/edit-record.js';
import { choice, measurement, optionalText } from '../editing/validation.js';
import type { IOrgUnit, IPeriod } from '../organisation/org-unit.entity.js';
import { IndicatorFollowUp, IndicatorValue, type IIndicatorFollowUp } from './indicator.entity.js';

const changes = z.object({
  outcome: measurement('Utfallet'),
  assessment: choice('Bedömningen', goalAssessments, { nullable: true }),
  trend: choice('Trenden', trends, { nullable: true }),
  comment: optionalText('Kommentaren', 4000),
});

/** The year whose outcome a period reports: the year it ends in. */
export const outcomeYear = (period: IPeriod) => Number(period.endDate.slice(0, 4));

/**
 * An indicator's follow-up is edited by the unit that follows it up and by the department
 * responsible for the indicator. The outcome lives in the indicator's yearly series; it is
 * saved with the follow-up, under the follow-up's version, as one edit.
 */
export const indicatorFollowUpKind: EditableKind<IIndicatorFollowUp, z.infer<typeof changes>> = {
  entity: IndicatorFollowUp,
  typename: 'IndicatorFollowUp',
  populate: ['unit', 'indicator.responsibleUnit', 'period'],
  unitsOf: (f) => [f.unit, f.indicator.responsibleUnit].filter((u): u is IOrgUnit => !!u),
  periodOf: (f) => f.period,
  input: changes,
  async apply(em, row, { outcome, ...rest }) {
    const diff: Diff = dateComment(row, assignChanges(row, rest));
    if (outcome === undefined) return diff;
    const year = outcomeYear(row.period);
    const value = await em.findOne(IndicatorValue, { indicator: row.indicator, kind: 'outcome', year });
    const before = value?.value ?? null;
    if (before === outcome) return diff;
    diff.before.outcome = before;
    diff.after.outcome = outcome;
    if (value) {
      value.value = outcome;
      value.preliminary = true;
    } else {
      em.create(IndicatorValue, {
        indicator: row.indicator,
        kind: 'outcome',
        year,
        value: outcome,
        preliminary: true,
        label: null,
        note: null,
      });
    }
    return diff;
  },
};
