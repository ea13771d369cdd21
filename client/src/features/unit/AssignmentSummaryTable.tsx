import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { graphql } from '../../gql';
import { kindLabel, statusLabel } from '../../ui/labels';
import { ScrollRegion } from '../../ui/ScrollRegion';

export const AssignmentSummaryTable_followUp = graphql(`
  fragment AssignmentSummaryTable_followUp on UnitFollowUp {
    id
    period {
      id
      endDate
    }
    assignmentOrigins {
      kind
      thisYear
      earlierYear
      unknown
    }
    assignmentSummary {
      rows {
        kind
        status
        onPlan
        deviating
        total
      }
      onPlan
      deviating
      total
    }
  }
`);

type OriginCount = { kind: string; thisYear: number; earlierYear: number; unknown: number };

/**
 * Where the list comes from, as the reports say it under their table ("20 uppdrag från Mål
 * och Budget 2025 samt ett kvarvarande uppdrag från tidigare år"); what no source says is
 * said to be unknown, never guessed.
 */
function originText(o: OriginCount, year: string): string {
  const uppdrag = o.kind === 'UPPDRAG';
  const parts = [
    o.thisYear > 0 && `${o.thisYear} ${uppdrag ? `från Mål och budget ${year}` : `beslutade ${year}`}`,
    o.earlierYear > 0 && `${o.earlierYear} kvarvarande från tidigare år`,
    o.unknown > 0 &&
      `${o.unknown} utan uppgift om ${uppdrag ? 'vilket år de gavs' : 'vilket år de beslutades'}`,
  ].filter(Boolean);
  return `${kindLabel[o.kind]}: ${parts.join(', ')}.`;
}

/** The table the reports open with: per kind and status, counted by forecast. */
export function AssignmentSummaryTable(props: {
  followUp: FragmentType<typeof AssignmentSummaryTable_followUp>;
}) {
  const { data, complete } = useFragment({ fragment: AssignmentSummaryTable_followUp, from: props.followUp });
  if (!complete) return null;
  const summary = data.assignmentSummary;
  if (summary.total === 0) return <p>Inga uppdrag eller nämndinitiativ följs upp för perioden.</p>;
  const year = data.period.endDate.slice(0, 4);
  return (
    <>
      <ScrollRegion label="Uppdrag per status och prognos">
        <table>
          <caption>Uppdrag och nämndinitiativ per status och prognos</caption>
          <thead>
            <tr>
              <th scope="col">Uppdrag/Nämndinitiativ</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Enligt plan
              </th>
              <th scope="col" className="num">
                Avvikelse från plan
              </th>
              <th scope="col" className="num">
                Totalt
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr key={`${row.kind}-${row.status}`}>
                <th scope="row">{kindLabel[row.kind]}</th>
                <td>{statusLabel[row.status]}</td>
                <td className="num">{row.onPlan}</td>
                <td className="num">{row.deviating}</td>
                <td className="num">{row.total}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Totalt
              </th>
              <td className="num">{summary.onPlan}</td>
              <td className="num">{summary.deviating}</td>
              <td className="num">{summary.total}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      {data.assignmentOrigins.map((o) => (
        <p key={o.kind}>{originText(o, year)}</p>
      ))}
    </>
  );
}
