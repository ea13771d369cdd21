import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
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

const typeLabel: Record<string, string> = {
  MANADSUPPFOLJNING: 'Månadsuppföljning',
  TERTIALRAPPORT: 'Tertialrapport',
  DELARSRAPPORT: 'Delårsrapport',
  VERKSAMHETSBERATTELSE: 'Verksamhetsberättelse',
  TJANSTESKRIVELSE: 'Tjänsteskrivelse',
};

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
          <h4>{r.title}</h4>
          <p>
            {typeLabel[r.type]} · {r.period.label} ·{' '}
            {r.status === 'PUBLISHED' ? `Publicerad${r.publishedAt ? ` ${r.publishedAt}` : ''}` : 'Utkast'}
          </p>
        </li>
      ))}
    </ul>
  );
}
