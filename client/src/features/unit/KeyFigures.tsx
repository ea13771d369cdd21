import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { graphql } from '../../gql';
import { deviationSign, formatSignedTkr } from '../../ui/format';
import { deviationWord } from '../../ui/labels';

export const KeyFigures_followUp = graphql(`
  fragment KeyFigures_followUp on UnitFollowUp {
    id
    goalSummary {
      total
      met
      partlyMet
      notMet
    }
    assignmentSummary {
      onPlan
      deviating
      total
    }
    economy {
      id
      ledger
      dimension
      totals {
        deviationPeriod
        deviationForecast
      }
    }
  }
`);

const verdict = (kronor: number) => deviationWord[deviationSign(kronor)];

/** Goals met, assignments by forecast and the economy deviation, at a glance. */
export function KeyFigures(props: { followUp: FragmentType<typeof KeyFigures_followUp> }) {
  const { data, complete } = useFragment({ fragment: KeyFigures_followUp, from: props.followUp });
  if (!complete) return null;
  const { goalSummary: goals, assignmentSummary: assignments } = data;
  // The operating account per department when the unit has one; else the first table.
  const economy =
    data.economy.find((t) => t.ledger === 'DRIFT' && t.dimension === 'UNIT') ??
    data.economy.find((t) => t.ledger === 'DRIFT') ??
    null;
  return (
    <dl className="key-figures">
      {goals.total > 0 && (
        <div>
          <dt>Mål</dt>
          <dd>
            {goals.met} av {goals.total} uppfyllda
            {goals.partlyMet > 0 && `, ${goals.partlyMet} delvis`}
            {goals.notMet > 0 && `, ${goals.notMet} ej uppfyllda`}
          </dd>
        </div>
      )}
      {assignments.total > 0 && (
        <div>
          <dt>Uppdrag och initiativ</dt>
          <dd>
            {assignments.onPlan} enligt plan, {assignments.deviating} avviker (av {assignments.total})
          </dd>
        </div>
      )}
      {economy?.totals.deviationPeriod != null && (
        <div>
          <dt>Ekonomi, perioden</dt>
          <dd>
            {formatSignedTkr(economy.totals.deviationPeriod)} mot budget (
            {verdict(economy.totals.deviationPeriod)})
          </dd>
        </div>
      )}
      {economy?.totals.deviationForecast != null && (
        <div>
          <dt>Ekonomi, helårsprognos</dt>
          <dd>
            {formatSignedTkr(economy.totals.deviationForecast)} mot budget (
            {verdict(economy.totals.deviationForecast)})
          </dd>
        </div>
      )}
    </dl>
  );
}
