import { useQuery } from '@apollo/client/react';
import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/page-title';
import { reportTypeLabel } from '../../ui/labels';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { EditInPlace } from '../edit/EditInPlace';
import { ChangedBy, History } from '../edit/History';
import { OfflineCopy } from '../../pwa/OfflineCopy';
import { useKeepOffline } from '../../pwa/useKeepOffline';
import { ReportChanges } from './ReportChanges';
import { useViewer } from '../session/useViewer';

// An `edit-` chunk (scripts/bundle-budget.mjs): only an administratör's browser loads it.
const ReportLifecycleControls = lazy(() =>
  import('./edit-report-lifecycle').then((m) => ({ default: m.ReportLifecycleControls })),
);

const ReportQuery = graphql(`
  query ReportPage($id: ID!) {
    report(id: $id) {
      id
      title
      type
      status
      publishedAt
      unit {
        id
        latestPublishedReport {
          id
        }
      }
      # The name the report was published with, whatever later periods call the unit.
      unitInPeriod {
        id
        name
      }
      period {
        id
        label
      }
      ...ReportChanges_report
      sections {
        id
        heading
        body
        ...EditableState @unmask
      }
      keyFigures {
        label
        value
        unit
      }
    }
  }
`);

const figureFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** The unit's sections for the report's period, the way from the text into the data. */
const FOLLOW_UP_SECTIONS = [
  ['', 'Översikt: det som avviker'],
  ['/mal', 'Mål'],
  ['/indikatorer', 'Indikatorer'],
  ['/uppdrag', 'Uppdrag'],
  ['/ekonomi', 'Ekonomi'],
  ['/personal', 'Personal'],
  ['/internkontroll', 'Internkontroll'],
] as const;

/** A report: its narrative sections, then its figures and the way into the follow-up data. */
export function ReportPage({ id }: { id: string }) {
  const { data, loading, error, refetch } = useQuery(ReportQuery, { variables: { id } });
  const r = data?.report;
  const viewer = useViewer();
  useKeepOffline(r?.unit.latestPublishedReport?.id);
  usePageTitle(r ? `Rapport: ${r.title}` : undefined, r?.unitInPeriod.name);
  if (!r) return <QueryState loading={loading} error={error} retry={() => void refetch()} notFound />;
  const followUp = (section: string) => `/enhet/${r.unit.id}${section}?period=${r.period.id}`;
  return (
    <main className="report">
      <Breadcrumb steps={[{ href: `/enhet/${r.unit.id}/rapporter`, label: r.unitInPeriod.name }]} />
      <p className="muted">
        {reportTypeLabel[r.type]} · {r.period.label} ·{' '}
        {r.status === 'PUBLISHED' ? `Publicerad${r.publishedAt ? ` ${r.publishedAt}` : ''}` : 'Utkast'}
      </p>
      <h1>{r.title}</h1>
      {r.status === 'DRAFT' && <p className="notice">Utkast – inte publicerad</p>}
      {viewer?.role === 'ADMINISTRATOR' && (
        <Suspense fallback={null}>
          <ReportLifecycleControls key={r.id} reportId={r.id} unitId={r.unit.id} status={r.status} />
        </Suspense>
      )}
      {r.status === 'PUBLISHED' && (
        <OfflineCopy reportId={r.id} latest={r.unit.latestPublishedReport?.id === r.id} />
      )}
      <ReportChanges report={r} />
      {r.sections.map((s) => (
        // Named by its heading's text, which the form replaces while the section is edited.
        <section key={s.id} aria-label={s.heading}>
          <EditInPlace
            typename="ReportSection"
            id={s.id}
            version={s.version}
            values={{ heading: s.heading, body: s.body }}
            canEdit={s.viewerCanEdit}
            label={`avsnittet ${s.heading}`}
          >
            <h2>{s.heading}</h2>
            {s.body.split('\n\n').map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
            <ChangedBy author={s.updatedBy} at={s.updatedAt} />
          </EditInPlace>
          <History type="ReportSection" id={s.id} history={s.history} />
        </section>
      ))}
      {r.keyFigures.length > 0 && (
        <section aria-labelledby="figures">
          <h2 id="figures">Nyckeltal i texten</h2>
          <dl className="facts">
            {r.keyFigures.map((f, i) => (
              <div key={i} className="fact">
                <dt>{f.label}</dt>
                <dd>
                  {figureFormat.format(f.value)} {f.unit}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby="data">
        <h2 id="data">Uppföljningen för perioden</h2>
        <ul className="link-list">
          {FOLLOW_UP_SECTIONS.map(([section, label]) => (
            <li key={section}>
              <Link href={followUp(section)}>{label}</Link>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

export default ReportPage;
