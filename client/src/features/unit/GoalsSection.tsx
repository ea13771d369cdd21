import { useQuery } from '@apollo/client/react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { assessmentLabel, trendLabel } from '../../ui/labels';
import { QueryState } from '../../ui/QueryState';
import { NotPublished } from '../../ui/NotPublished';

const GoalsQuery = graphql(`
  query GoalsSection($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      id
      followUp(periodId: $periodId) {
        id
        goals {
          id
          assessment
          trend
          analysis
          goal {
            id
            code
            title
            area {
              id
              code
              title
            }
          }
        }
      }
    }
  }
`);

/** Goals grouped by goal area, each with its assessment, trend and analysis. */
export function GoalsSection({ unitId, periodId }: { unitId: string; periodId: string | null }) {
  const { data, loading, error, refetch } = useQuery(GoalsQuery, { variables: { unitId, periodId } });
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  if (!data.unit.followUp) return <NotPublished />;
  const goals = data.unit.followUp.goals;
  if (goals.length === 0) return <p>Inga mål är bedömda för perioden.</p>;
  const areas = [...new Map(goals.map((g) => [g.goal.area.id, g.goal.area])).values()];
  return (
    <>
      {areas.map((area) => (
        <section key={area.id} aria-labelledby={`area-${area.id}`}>
          <h3 id={`area-${area.id}`}>
            {area.code}. {area.title}
          </h3>
          <ul className="cards">
            {goals
              .filter((g) => g.goal.area.id === area.id)
              .map((g) => (
                <li key={g.id} className={`assessment-${g.assessment.toLowerCase()}`}>
                  <h4>
                    <Link href={`/mal/${g.goal.id}`}>
                      {g.goal.code} {g.goal.title}
                    </Link>
                  </h4>
                  <p>
                    <strong>{assessmentLabel[g.assessment]}</strong>
                    {g.trend && <> · Trend: {trendLabel[g.trend]}</>}
                  </p>
                  {g.analysis && <p className="analysis">{g.analysis}</p>}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export default GoalsSection;
