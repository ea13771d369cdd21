/**
 * The administratör's plan of a period (Mål och budget): its målområden and inriktningsmål,
 * indicators and assignments, each added or changed in a form, and the opening of a new
 * period. Laptop first; every control labelled and reachable by keyboard. An `edit-` chunk.
 */
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { periodKindLabel } from '../../ui/labels';
import { QueryState } from '../../ui/QueryState';
import { useViewer } from '../session/useViewer';
import { PeriodForm } from './PeriodForm';
import { PlanAssignments } from './PlanAssignments';
import { PlanGoals } from './PlanGoals';
import { PlanIndicators } from './PlanIndicators';

export const PlanPeriodsQuery = graphql(`
  query PlanPeriods {
    me {
      id
      kommun {
        id
        periods {
          id
          label
          kind
          startDate
          endDate
        }
      }
    }
  }
`);

export const PeriodPlanQuery = graphql(`
  query PeriodPlan($periodId: ID!) {
    periodPlan(periodId: $periodId) {
      id
      period {
        id
        label
        endDate
      }
      units {
        id
        name
      }
      goals {
        id
        goal {
          id
          code
          title
          area {
            id
            code
            title
            agenda2030
          }
        }
        units {
          id
          name
        }
      }
      indicators {
        id
        units {
          id
          name
        }
        indicator {
          id
          key
          name
          unitOfMeasure
          direction
          decimals
          origin
          koladaKpiId
          koladaTitle
          goal {
            id
            code
          }
          responsibleUnit {
            id
            name
          }
          targets {
            year
            value
          }
          outcomes {
            year
            value
          }
        }
      }
      assignments {
        id
        goal {
          id
          code
        }
        assignment {
          id
          key
          kind
          title
          ownerUnit {
            id
            name
          }
          responsibleUnit {
            id
            name
          }
          dueDate
          originYear
          decidedBy
          decidedOn
        }
      }
    }
  }
`);

export default function PlanPage() {
  const viewer = useViewer();
  const isAdmin = viewer?.role === 'ADMINISTRATOR';
  const periods = useQuery(PlanPeriodsQuery, { skip: !isAdmin, fetchPolicy: 'cache-and-network' });
  const [chosen, setChosen] = useState<string>();
  const list = periods.data?.me?.kommun.periods ?? [];
  const periodId = chosen ?? list[0]?.id;
  const plan = useQuery(PeriodPlanQuery, {
    variables: { periodId: periodId ?? '' },
    skip: !isAdmin || !periodId,
    fetchPolicy: 'cache-and-network',
  });

  if (viewer === undefined) return <p aria-live="polite">Laddar…</p>;
  if (!isAdmin) {
    return (
      <main>
        <h1>Plan och perioder</h1>
        {viewer ? (
          <p>Bara en administratör kan lägga upp kommunens mål, indikatorer, uppdrag och perioder.</p>
        ) : (
          <p>
            <Link href={`/logga-in?till=${encodeURIComponent('/plan')}`}>Logga in</Link> som administratör för
            att lägga upp planen.
          </p>
        )}
      </main>
    );
  }
  if (!periods.data) {
    return (
      <QueryState loading={periods.loading} error={periods.error} retry={() => void periods.refetch()} />
    );
  }

  const data = plan.data?.periodPlan;
  return (
    <main className="plan-page">
      <h1>Plan och perioder</h1>
      <p>
        Målområden, inriktningsmål, indikatorer och uppdrag för en period i {viewer.kommun.name}. Allt som en
        publicerad rapport visar är låst; ändringar görs i arbetsperioden.
      </p>
      <div className="field period-choice">
        <label htmlFor="plan-period">Period</label>
        <select id="plan-period" value={periodId ?? ''} onChange={(e) => setChosen(e.target.value)}>
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label} ({periodKindLabel[p.kind]}, {p.startDate} – {p.endDate})
            </option>
          ))}
        </select>
      </div>
      {!data ? (
        periodId && <QueryState loading={plan.loading} error={plan.error} retry={() => void plan.refetch()} />
      ) : (
        <>
          <PlanGoals plan={data} />
          <PlanIndicators plan={data} />
          <PlanAssignments plan={data} />
        </>
      )}
      <PeriodForm onOpened={(id) => setChosen(id)} />
    </main>
  );
}
