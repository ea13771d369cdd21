import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { graphql } from '../../gql';
import { kindLabel, statusLabel } from '../../ui/labels';
import { ScrollRegion } from '../../ui/ScrollRegion';

export const AssignmentSummaryTable_followUp = graphql(`
  fragment AssignmentSummaryTable_followUp on UnitFollowUp {
    id
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

/** The table the reports open with: per kind and status, counted by forecast. */
export function AssignmentSummaryTable(props: {
  followUp: FragmentType<typeof AssignmentSummaryTable_followUp>;
}) {
  const { data, complete } = useFragment({ fragment: AssignmentSummaryTable_followUp, from: props.followUp });
  if (!complete) return null;
  const summary = data.assignmentSummary;
  if (summary.total === 0) return <p>Inga uppdrag eller nämndinitiativ följs upp för perioden.</p>;
  return (
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
  );
}
