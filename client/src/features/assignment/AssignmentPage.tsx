import { useQuery } from '@apollo/client/react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { forecastLabel, kindLabel, originLabel, statusLabel } from '../../ui/labels';
import { GoalLine } from '../../ui/GoalLine';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/page-title';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { EditInPlace } from '../edit/EditInPlace';
import { ChangedBy, History } from '../edit/History';

const AssignmentQuery = graphql(`
  query AssignmentPage($id: ID!) {
    assignment(id: $id) {
      id
      kind
      title
      dueDate
      originYear
      ownerUnit {
        id
        name
      }
      responsibleUnit {
        id
        name
      }
      predecessor {
        id
        title
      }
      successor {
        id
        title
      }
      followUps {
        id
        status
        forecast
        comment
        commentDate
        deviationReason
        newTimeline
        newDueDate
        origin
        goal {
          id
          code
          title
        }
        ...EditableState @unmask
        period {
          id
          label
        }
      }
    }
  }
`);

/** An assignment with every follow-up, latest first, and what it came from or became. */
export function AssignmentPage({ id }: { id: string }) {
  const { data, loading, error, refetch } = useQuery(AssignmentQuery, { variables: { id } });
  const a = data?.assignment;
  usePageTitle(a ? `Uppdrag: ${a.title}` : undefined);
  if (!a) return <QueryState loading={loading} error={error} retry={() => void refetch()} notFound />;
  return (
    <main>
      <Breadcrumb steps={[{ href: `/enhet/${a.ownerUnit.id}/uppdrag`, label: a.ownerUnit.name }]} />
      <p className="muted">{kindLabel[a.kind]}</p>
      <h1>{a.title}</h1>
      <dl className="facts">
        {a.responsibleUnit && (
          <>
            <dt>Ansvarig avdelning</dt>
            <dd>
              <Link href={`/enhet/${a.responsibleUnit.id}/uppdrag`}>{a.responsibleUnit.name}</Link>
            </dd>
          </>
        )}
        {a.dueDate && (
          <>
            <dt>Slutdatum</dt>
            <dd>{a.dueDate}</dd>
          </>
        )}
        {a.originYear && (
          <>
            <dt>Från år</dt>
            <dd>{a.originYear}</dd>
          </>
        )}
      </dl>
      {a.predecessor && (
        <p>
          Fortsätter uppdraget <Link href={`/uppdrag/${a.predecessor.id}`}>{a.predecessor.title}</Link>
        </p>
      )}
      {a.successor && (
        <p>
          Har övergått i <Link href={`/uppdrag/${a.successor.id}`}>{a.successor.title}</Link>
        </p>
      )}
      <h2>Uppföljningar</h2>
      <ol className="cards">
        {a.followUps.map((f) => (
          <li key={f.id} className={f.forecast === 'AVVIKELSE_FRAN_PLAN' ? 'deviating' : undefined}>
            <h3>{f.period.label}</h3>
            {/* Of the period: a new Mål och budget may list it under another goal. */}
            {f.goal && <GoalLine goal={f.goal} />}
            {f.origin === 'EARLIER_YEAR' && <p className="muted">{originLabel.EARLIER_YEAR}</p>}
            {(f.newTimeline ?? f.newDueDate) && (
              <p>
                <span className="muted">Ny försenad tidplan:</span> {f.newTimeline ?? f.newDueDate}
              </p>
            )}
            <EditInPlace
              typename="AssignmentFollowUp"
              id={f.id}
              version={f.version}
              values={{
                status: f.status,
                forecast: f.forecast,
                comment: f.comment,
                deviationReason: f.deviationReason,
              }}
              canEdit={f.viewerCanEdit}
              label={`uppföljningen ${f.period.label}`}
            >
              <p>
                <strong>{statusLabel[f.status]}</strong>
                {f.forecast && <> · {forecastLabel[f.forecast]}</>}
              </p>
              {f.comment && (
                <p>
                  <span className="muted">Kommentar{f.commentDate ? ` (${f.commentDate})` : ''}:</span>{' '}
                  {f.comment}
                </p>
              )}
              {f.deviationReason && (
                <p>
                  <span className="muted">Orsak till försening:</span> {f.deviationReason}
                </p>
              )}
              <ChangedBy author={f.updatedBy} at={f.updatedAt} />
            </EditInPlace>
            <History type="AssignmentFollowUp" id={f.id} history={f.history} />
          </li>
        ))}
      </ol>
    </main>
  );
}

export default AssignmentPage;
