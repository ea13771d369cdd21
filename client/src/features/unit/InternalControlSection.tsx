import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { QueryState } from '../../ui/QueryState';
import { NotPublished } from '../../ui/NotPublished';

const InternalControlQuery = graphql(`
  query InternalControlSection($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      id
      followUp(periodId: $periodId) {
        id
        internalControls {
          id
          risk
          description
          riskValue
          followUp
          result
          assessment
          action
        }
      }
    }
  }
`);

/** The report's paragraphs, kept: a follow-up often says what was done and what came of it. */
const Paragraphs = ({ text }: { text: string }) => (
  <>
    {text.split(/\n{2,}/).map((p, i) => (
      <p key={i}>{p}</p>
    ))}
  </>
);

/**
 * Uppföljning av internkontroll: a card per risk rather than the report's seven columns,
 * which a phone cannot show side by side.
 */
export function InternalControlSection({ unitId, periodId }: { unitId: string; periodId: string | null }) {
  const { data, loading, error, refetch } = useQuery(InternalControlQuery, {
    variables: { unitId, periodId },
  });
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  if (!data.unit.followUp) return <NotPublished />;
  const risks = data.unit.followUp.internalControls;
  if (risks.length === 0) return <p>Ingen uppföljning av internkontroll finns för perioden.</p>;
  const facts: [string, (r: (typeof risks)[number]) => string | null | undefined][] = [
    ['Riskbeskrivning', (r) => r.description],
    ['Uppföljning', (r) => r.followUp],
    ['Resultat', (r) => r.result],
    ['Bedömning', (r) => r.assessment],
    ['Åtgärd', (r) => r.action],
  ];
  return (
    <ul className="cards">
      {risks.map((r) => (
        <li key={r.id}>
          <h3>{r.risk}</h3>
          {r.riskValue != null && <p>Riskvärde {r.riskValue}</p>}
          <dl className="facts">
            {facts.map(([label, value]) => {
              const text = value(r);
              return text ? (
                <div className="fact" key={label}>
                  <dt>{label}</dt>
                  <dd>
                    <Paragraphs text={text} />
                  </dd>
                </div>
              ) : null;
            })}
          </dl>
        </li>
      ))}
    </ul>
  );
}

export default InternalControlSection;
