import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'wouter';
import { graphql } from '../../gql';
import { forecastLabel, kindLabel, originLabel, statusLabel } from '../../ui/labels';
import { GoalLine } from '../../ui/GoalLine';
import { QueryState } from '../../ui/QueryState';
import { NotPublished } from '../../ui/NotPublished';
import { AssignmentSummaryTable } from './AssignmentSummaryTable';

const AssignmentsQuery = graphql(`
  query AssignmentsSection($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      id
      followUp(periodId: $periodId) {
        id
        ...AssignmentSummaryTable_followUp
        assignments {
          id
          status
          forecast
          comment
          commentDate
          origin
          # The name the responsible unit had in the period shown.
          responsibleUnitInPeriod {
            id
            unitId
            name
          }
          goal {
            id
            code
            title
          }
          assignment {
            id
            kind
            title
            dueDate
          }
        }
      }
    }
  }
`);

/** One collator: `localeCompare` with a locale builds a new one on every call. */
const swedish = new Intl.Collator('sv');

const FILTERS = ['typ', 'status', 'prognos', 'avdelning', 'sok'] as const;

/**
 * The summary table, then the list. Filters live in the URL (shareable, kept on reload) and
 * work on the loaded list, so they also work offline.
 */
export function AssignmentsSection({ unitId, periodId }: { unitId: string; periodId: string | null }) {
  const [search, setSearch] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(AssignmentsQuery, { variables: { unitId, periodId } });
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const followUp = data.unit.followUp;
  if (!followUp) return <NotPublished />;
  const all = followUp.assignments;
  const f = Object.fromEntries(FILTERS.map((k) => [k, search.get(k) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const words = f.sok.trim().toLowerCase();
  const shown = all.filter(
    (a) =>
      (!f.typ || a.assignment.kind === f.typ) &&
      (!f.status || a.status === f.status) &&
      (!f.prognos || a.forecast === f.prognos) &&
      (!f.avdelning || a.responsibleUnitInPeriod?.unitId === f.avdelning) &&
      (!words ||
        a.assignment.title.toLowerCase().includes(words) ||
        (a.comment ?? '').toLowerCase().includes(words)),
  );
  const departments = [
    ...new Map(
      all.flatMap((a) =>
        a.responsibleUnitInPeriod ? [[a.responsibleUnitInPeriod.unitId, a.responsibleUnitInPeriod.name]] : [],
      ),
    ),
  ].sort((a, b) => swedish.compare(a[1], b[1]));
  const set = (key: string, value: string) =>
    setSearch((s) => {
      if (value) s.set(key, value);
      else s.delete(key);
      return s;
    });
  const select = (key: string, label: string, options: [string, string][]) => (
    <label>
      {label}
      <select value={search.get(key) ?? ''} onChange={(e) => set(key, e.target.value)}>
        <option value="">Alla</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <AssignmentSummaryTable followUp={followUp} />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        {select('typ', 'Typ', Object.entries(kindLabel))}
        {select('status', 'Status', Object.entries(statusLabel))}
        {select('prognos', 'Prognos', Object.entries(forecastLabel))}
        {select('avdelning', 'Ansvarig avdelning', departments)}
        <label>
          Sök
          <input type="search" value={f.sok} onChange={(e) => set('sok', e.target.value)} />
        </label>
      </form>
      <p aria-live="polite">
        Visar {shown.length} av {all.length}
      </p>
      <ul className="cards">
        {shown.map((a) => (
          <li key={a.id} className={a.forecast === 'AVVIKELSE_FRAN_PLAN' ? 'deviating' : undefined}>
            <h3>
              <Link href={`/uppdrag/${a.assignment.id}`}>{a.assignment.title}</Link>
            </h3>
            <p>
              {kindLabel[a.assignment.kind]} · {statusLabel[a.status]}
              {a.forecast && <> · {forecastLabel[a.forecast]}</>}
              {a.assignment.dueDate && <> · Slutdatum {a.assignment.dueDate}</>}
              {a.origin === 'EARLIER_YEAR' && <> · {originLabel.EARLIER_YEAR}</>}
            </p>
            {a.goal && <GoalLine goal={a.goal} />}
            {a.responsibleUnitInPeriod && <p className="muted">{a.responsibleUnitInPeriod.name}</p>}
            {a.comment && (
              <p>
                <span className="muted">Senaste kommentar{a.commentDate ? ` (${a.commentDate})` : ''}:</span>{' '}
                {a.comment}
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export default AssignmentsSection;
