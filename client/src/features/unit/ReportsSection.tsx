import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useRef, useState } from 'react';
import { graphql } from '../../gql';
import { Link } from 'wouter';
import { reportTypeLabel } from '../../ui/labels';
import { QueryState } from '../../ui/QueryState';
import { useViewer } from '../session/useViewer';

// An `edit-` chunk (scripts/bundle-budget.mjs): only an administratör who opens the form loads it.
const NewDraftReportForm = lazy(() =>
  import('../report/edit-report-lifecycle').then((m) => ({ default: m.NewDraftReportForm })),
);

const ReportsQuery = graphql(`
  query ReportsSection($unitId: ID!) {
    unit(id: $unitId) {
      id
      kommun {
        id
      }
      reports {
        id
        title
        type
        status
        publishedAt
        period {
          id
          label
        }
      }
    }
  }
`);

/** The reports of the unit and the units below it, latest period first. */
export function ReportsSection({ unitId }: { unitId: string }) {
  const viewer = useViewer();
  const { data, loading, error, refetch } = useQuery(ReportsQuery, { variables: { unitId } });
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const reports = data.unit.reports;
  const drafts = viewer?.role === 'ADMINISTRATOR' && viewer.kommun.id === data.unit.kommun.id;
  return (
    <>
      {drafts && <NewDraftReport unitId={unitId} />}
      {reports.length === 0 ? (
        <p>Inga rapporter finns för enheten.</p>
      ) : (
        <ul className="cards">
          {reports.map((r) => (
            <li key={r.id}>
              <h3>
                <Link href={`/rapport/${r.id}`}>{r.title}</Link>
              </h3>
              <p>
                {reportTypeLabel[r.type]} · {r.period.label} ·{' '}
                {r.status === 'PUBLISHED'
                  ? `Publicerad${r.publishedAt ? ` ${r.publishedAt}` : ''}`
                  : 'Utkast'}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The administratör's way to draft a report: a button that opens the form in its place. */
function NewDraftReport({ unitId }: { unitId: string }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (open) {
    return (
      <Suspense fallback={<p aria-live="polite">Laddar formuläret…</p>}>
        <NewDraftReportForm
          unitId={unitId}
          onCancel={() => {
            setOpen(false);
            requestAnimationFrame(() => button.current?.focus());
          }}
        />
      </Suspense>
    );
  }
  return (
    <p>
      <button ref={button} type="button" className="button" onClick={() => setOpen(true)}>
        Nytt rapportutkast
      </button>
    </p>
  );
}

export default ReportsSection;
