import { useQuery } from '@apollo/client/react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { assessmentLabel, kindLabel, trendLabel } from '../../ui/labels';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/page-title';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { EditInPlace } from '../edit/EditInPlace';
import { ChangedBy, History } from '../edit/History';

const GoalQuery = graphql(`
  query GoalPage($id: ID!) {
    goal(id: $id) {
      id
      code
      title
      area {
        id
        code
        title
      }
      followUps {
        id
        assessment
        trend
        analysis
        ...EditableState @unmask
        period {
          id
          label
        }
        # The unit with the name it had in the follow-up's period.
        unitInPeriod {
          id
          unitId
          name
        }
      }
      indicators {
        id
        name
        responsibleUnit {
          id
          name
        }
      }
      assignments {
        id
        kind
        title
      }
    }
  }
`);

/** An inriktningsmål: how it was assessed, and the indicators and assignments behind it. */
export function GoalPage({ id }: { id: string }) {
  const { data, loading, error, refetch } = useQuery(GoalQuery, { variables: { id } });
  const g = data?.goal;
  usePageTitle(g ? `Mål: ${g.code} ${g.title}` : undefined);
  if (!g) return <QueryState loading={loading} error={error} retry={() => void refetch()} notFound />;
  return (
    <main>
      <Breadcrumb steps={[]} />
      <p className="muted">
        Målområde {g.area.code}. {g.area.title}
      </p>
      <h1>
        {g.code} {g.title}
      </h1>
      <h2>Bedömningar</h2>
      {g.followUps.length === 0 ? (
        <p>Målet har inte bedömts.</p>
      ) : (
        <ul className="cards">
          {g.followUps.map((f) => (
            <li key={f.id} className={`assessment-${f.assessment.toLowerCase()}`}>
              <h3>
                {f.period.label},{' '}
                <Link href={`/enhet/${f.unitInPeriod.unitId}/mal?period=${f.period.id}`}>
                  {f.unitInPeriod.name}
                </Link>
              </h3>
              <EditInPlace
                typename="GoalFollowUp"
                id={f.id}
                version={f.version}
                values={{ assessment: f.assessment, trend: f.trend, analysis: f.analysis }}
                canEdit={f.viewerCanEdit}
                label={`bedömningen ${f.period.label}, ${f.unitInPeriod.name}`}
              >
                <p>
                  <strong>{assessmentLabel[f.assessment]}</strong>
                  {f.trend && <> · Trend: {trendLabel[f.trend]}</>}
                </p>
                {f.analysis && <p>{f.analysis}</p>}
                <ChangedBy author={f.updatedBy} at={f.updatedAt} />
              </EditInPlace>
              <History type="GoalFollowUp" id={f.id} history={f.history} />
            </li>
          ))}
        </ul>
      )}
      <h2>Indikatorer</h2>
      {g.indicators.length === 0 ? (
        <p>Inga indikatorer hör till målet.</p>
      ) : (
        <ul className="link-list">
          {g.indicators.map((i) => (
            <li key={i.id}>
              <Link href={`/indikator/${i.id}`}>{i.name}</Link>
            </li>
          ))}
        </ul>
      )}
      <h2>Uppdrag och nämndinitiativ</h2>
      {g.assignments.length === 0 ? (
        <p>Inga uppdrag hör till målet.</p>
      ) : (
        <ul className="link-list">
          {g.assignments.map((a) => (
            <li key={a.id}>
              <Link href={`/uppdrag/${a.id}`}>
                {kindLabel[a.kind]}: {a.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

export default GoalPage;
