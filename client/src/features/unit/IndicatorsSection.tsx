import { useQuery } from '@apollo/client/react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { formatValue } from '../../ui/format';
import { assessmentContradictionNote, assessmentLabel, trendLabel } from '../../ui/labels';
import { QueryState } from '../../ui/QueryState';
import { NotPublished } from '../../ui/NotPublished';
import { SeriesChart } from '../../ui/SeriesChart';

const IndicatorsQuery = graphql(`
  query IndicatorsSection($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      id
      followUp(periodId: $periodId) {
        id
        indicators {
          id
          assessment
          assessmentContradictsValues
          trend
          comment
          commentDate
          # The name the responsible unit had in the period shown.
          responsibleUnitInPeriod {
            id
            unitId
            name
          }
          indicator {
            id
            name
            unitOfMeasure
            direction
            origin
            outcomes {
              year
              value
              label
            }
            targets {
              year
              value
            }
          }
        }
      }
    }
  }
`);

const directionText: Record<string, string> = {
  HIGHER: 'Högre är bättre',
  LOWER: 'Lägre är bättre',
  NONE: '',
};

/** Each indicator with a small chart of its series against the target. */
export function IndicatorsSection({ unitId, periodId }: { unitId: string; periodId: string | null }) {
  const { data, loading, error, refetch } = useQuery(IndicatorsQuery, { variables: { unitId, periodId } });
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  if (!data.unit.followUp) return <NotPublished />;
  const rows = data.unit.followUp.indicators;
  if (rows.length === 0) return <p>Inga indikatorer följs upp för perioden.</p>;
  return (
    <ul className="cards">
      {rows.map((r) => {
        const i = r.indicator;
        const target = i.targets.at(-1) ?? null;
        const latest = [...i.outcomes].reverse().find((o) => o.value != null);
        return (
          <li key={r.id} className={r.assessment ? `assessment-${r.assessment.toLowerCase()}` : undefined}>
            <h3>
              <Link href={`/indikator/${i.id}`}>{i.name}</Link>{' '}
              <span className="muted">({i.origin === 'KF' ? 'KF' : 'Nämnd'})</span>
            </h3>
            <p>
              {r.assessment ? <strong>{assessmentLabel[r.assessment]}</strong> : 'Ej bedömd'}
              {r.trend && <> · Trend: {trendLabel[r.trend]}</>}
              {directionText[i.direction] && <> · {directionText[i.direction]}</>}
            </p>
            {r.assessmentContradictsValues && (
              <p className="assessment-note">{assessmentContradictionNote}</p>
            )}
            <p>
              Senast:{' '}
              {latest
                ? `${formatValue(latest.value, i.unitOfMeasure)} (${latest.label ?? latest.year})`
                : 'Inget värde'}
              {target && (
                <>
                  {' '}
                  · Mål {target.year}: {formatValue(target.value, i.unitOfMeasure)}
                </>
              )}
            </p>
            <SeriesChart
              points={i.outcomes}
              target={target?.value ?? null}
              unit={i.unitOfMeasure}
              title={i.name}
            />
            <p className="muted">{r.responsibleUnitInPeriod.name}</p>
            {r.comment && (
              <p>
                <span className="muted">Senaste kommentar{r.commentDate ? ` (${r.commentDate})` : ''}:</span>{' '}
                {r.comment}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export default IndicatorsSection;
