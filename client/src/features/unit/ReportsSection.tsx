import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { Link } from 'wouter';
import { reportTypeLabel } from '../../ui/labels';
import { QueryState } from '../../ui/QueryState';

const ReportsQuery = graphql(`
  query ReportsSection($unitId: ID!) {
    unit(id: $unitId) {
      id
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
  const { data, loading, error, refetch } = useQuery(ReportsQuery, { variables: { unitId } });
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const reports = data.unit.reports;
  if (reports.length === 0) return <p>Inga rapporter finns för enheten.</p>;
  return (
    <ul className="cards">
      {reports.map((r) => (
        <li key={r.id}>
          <h3>
            <Link href={`/rapport/${r.id}`}>{r.title}</Link>
          </h3>
          <p>
            {reportTypeLabel[r.type]} · {r.period.label} ·{' '}
            {r.status === 'PUBLISHED' ? `Publicerad${r.publishedAt ? ` ${r.publishedAt}` : ''}` : 'Utkast'}
          </p>
        </li>
      ))}
    </ul>
  );
}

export default ReportsSection;
