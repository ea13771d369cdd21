import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'wouter';
import { lazy, Suspense } from 'react';
import { graphql } from '../../gql';
import { unitKindLabel } from '../../ui/labels';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/page-title';
import { NotPublished, refusalOf } from '../../ui/NotPublished';
import { KeyFigures } from './KeyFigures';
import { OffTrackList } from './OffTrackList';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { useKeepOffline } from '../../pwa/useKeepOffline';

graphql(`
  fragment UnitPage_place on UnitInPeriod {
    id
    name
    ancestors {
      id
      unitId
      name
    }
    children {
      id
      unitId
      name
    }
  }
`);

const UnitPageQuery = graphql(`
  query UnitPage($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      id
      kind
      kommun {
        id
        name
        periods {
          id
          label
        }
      }
      # The names and the tree of the period shown: a later period's renaming and moving
      # leave a published report's pages as they were. The follow-up's own where there is
      # one; else the period asked for, or the latest.
      inPeriod(periodId: $periodId) {
        ...UnitPage_place @unmask
      }
      latestPublishedReport {
        id
      }
      followUp(periodId: $periodId) {
        id
        period {
          id
          label
        }
        unitInPeriod {
          ...UnitPage_place @unmask
        }
        ...KeyFigures_followUp
        ...OffTrackList_followUp
      }
    }
  }
`);

/** A unit of the organisation: where it sits, what is below it, and what is off track. */
// Each section loads with its own query and code when it is opened.
const GoalsSection = lazy(() => import('./GoalsSection'));
const IndicatorsSection = lazy(() => import('./IndicatorsSection'));
const AssignmentsSection = lazy(() => import('./AssignmentsSection'));
const EconomySection = lazy(() => import('./EconomySection'));
const PersonnelSection = lazy(() => import('./PersonnelSection'));
const InternalControlSection = lazy(() => import('./InternalControlSection'));
const ReportsSection = lazy(() => import('./ReportsSection'));

const SECTIONS = [
  ['', 'Översikt'],
  ['mal', 'Mål'],
  ['indikatorer', 'Indikatorer'],
  ['uppdrag', 'Uppdrag'],
  ['ekonomi', 'Ekonomi'],
  ['personal', 'Personal'],
  ['internkontroll', 'Internkontroll'],
  ['rapporter', 'Rapporter'],
] as const;

export const unitSections: readonly string[] = SECTIONS.map(([path]) => path);

export function UnitPage({ unitId, section = '' }: { unitId: string; section?: string }) {
  const [search, setSearch] = useSearchParams();
  const periodId = search.get('period');
  // 'all': a follow-up that is not published is refused on its own, and the unit's name and
  // place in the organisation still lead on to the units whose reports are.
  const { data, error, loading, refetch } = useQuery(UnitPageQuery, {
    variables: { unitId, periodId },
    errorPolicy: 'all',
  });
  const unit = data?.unit;
  useKeepOffline(unit?.latestPublishedReport?.id);
  usePageTitle(
    unit ? (unit.followUp?.unitInPeriod ?? unit.inPeriod).name : undefined,
    section && SECTIONS.find(([path]) => path === section)?.[1],
    unit?.followUp?.period.label,
  );
  if (!unit) return <QueryState loading={loading} error={error} retry={() => void refetch()} notFound />;
  const { name, ancestors, children } = unit.followUp?.unitInPeriod ?? unit.inPeriod;
  const followUp = unit.followUp;
  const refusal = followUp ? null : refusalOf(error);
  const selected = followUp?.period.id ?? periodId ?? '';
  return (
    <main>
      <Breadcrumb steps={ancestors.map((a) => ({ href: `/enhet/${a.unitId}`, label: a.name }))} />
      <h1>{name}</h1>
      <p className="muted">{unitKindLabel[unit.kind]}</p>
      {error && !refusal && <p className="notice">Visar sparade uppgifter – kunde inte hämta nya just nu.</p>}
      {unit.kommun.periods.length > 1 && (
        <label className="period">
          Period{' '}
          <select value={selected} onChange={(e) => setSearch((s) => (s.set('period', e.target.value), s))}>
            {!unit.kommun.periods.some((p) => p.id === selected) && (
              <option value={selected}>Välj period</option>
            )}
            {unit.kommun.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {children.length > 0 && (
        <section aria-labelledby="children-heading">
          <h2 id="children-heading">Underliggande enheter</h2>
          <ul className="link-list children">
            {children.map((c) => (
              <li key={c.id}>
                <Link href={`/enhet/${c.unitId}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {followUp ? (
        <>
          <nav aria-label="Avsnitt" className="tabs">
            <ul>
              {SECTIONS.map(([path, label]) => (
                <li key={path}>
                  <Link
                    href={`/enhet/${unit.id}${path ? `/${path}` : ''}${periodId ? `?period=${periodId}` : ''}`}
                    aria-current={section === path ? 'page' : undefined}
                  >
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <section aria-labelledby="section-heading">
            <h2 id="section-heading">
              {SECTIONS.find(([path]) => path === section)?.[1]} {followUp.period.label}
            </h2>
            {section === '' && (
              <>
                <KeyFigures followUp={followUp} />
                <h3>Avviker från plan</h3>
                <OffTrackList followUp={followUp} />
              </>
            )}
            <Suspense fallback={<p aria-live="polite">Laddar…</p>}>
              {section === 'mal' && <GoalsSection unitId={unitId} periodId={periodId} />}
              {section === 'uppdrag' && <AssignmentsSection unitId={unitId} periodId={periodId} />}
              {section === 'indikatorer' && <IndicatorsSection unitId={unitId} periodId={periodId} />}
              {section === 'ekonomi' && <EconomySection unitId={unitId} periodId={periodId} />}
              {section === 'personal' && <PersonnelSection unitId={unitId} periodId={periodId} />}
              {section === 'internkontroll' && <InternalControlSection unitId={unitId} periodId={periodId} />}
              {section === 'rapporter' && <ReportsSection unitId={unitId} />}
            </Suspense>
          </section>
        </>
      ) : (
        <NotPublished refusal={refusal ?? 'sign-in'} />
      )}
    </main>
  );
}
