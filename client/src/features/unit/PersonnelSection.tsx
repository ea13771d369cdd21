import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { formatPercent } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { NotPublished } from '../../ui/NotPublished';
import { ScrollRegion } from '../../ui/ScrollRegion';

const PersonnelQuery = graphql(`
  query PersonnelSection($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      id
      name
      followUp(periodId: $periodId) {
        id
        sickLeave {
          measured
          group
          scope
          percent
        }
        staffTurnover {
          year
          kind
          scope
          percent
        }
      }
    }
  }
`);

interface Figure {
  row: string;
  column: string;
  scope: string;
  percent: number | null | undefined;
}

const monthFormat = new Intl.DateTimeFormat('sv-SE', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2024-01" → "jan. 2024", "2024-01-01/2024-07-31" → "2024-01-01 – 2024-07-31"; a year as it is. */
function measuredLabel(measured: string): string {
  if (/^\d{4}-\d{2}$/.test(measured)) return monthFormat.format(new Date(`${measured}-01T00:00:00Z`));
  return measured.replace('/', ' – ');
}

/**
 * Figures as a table in the order the report printed them: one column per measure and per
 * whose figure it is (the unit's, or the whole kommun's printed beside it).
 */
function FigureTable({
  caption,
  rowHeading,
  figures,
}: {
  caption: string;
  rowHeading: string;
  figures: Figure[];
}) {
  const rows = [...new Set(figures.map((f) => f.row))];
  const columns = [...new Map(figures.map((f) => [`${f.column}|${f.scope}`, f])).values()];
  // One measure shown for the unit and for the kommun: the kommun's column needs no more name.
  const oneMeasure = new Set(columns.map((c) => c.column)).size === 1;
  const columnHeading = (c: Figure) =>
    c.scope !== 'KOMMUN' ? c.column : oneMeasure ? 'Hela kommunen' : `${c.column}, hela kommunen`;
  const cell = (row: string, column: Figure) =>
    figures.find((f) => f.row === row && f.column === column.column && f.scope === column.scope)?.percent;
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {columns.map((c) => (
              <th scope="col" className="num" key={`${c.column}|${c.scope}`}>
                {columnHeading(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row}>
              <th scope="row">{row}</th>
              {columns.map((c) => (
                <td className="num" key={`${c.column}|${c.scope}`}>
                  {formatPercent(cell(row, c))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/** Personaluppföljning: sick leave by month or by group, and staff turnover. */
export function PersonnelSection({ unitId, periodId }: { unitId: string; periodId: string | null }) {
  const { data, loading, error, refetch } = useQuery(PersonnelQuery, { variables: { unitId, periodId } });
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  if (!data.unit.followUp) return <NotPublished />;
  const { sickLeave, staffTurnover } = data.unit.followUp;
  if (sickLeave.length === 0 && staffTurnover.length === 0) {
    return <p>Ingen personaluppföljning finns för perioden.</p>;
  }
  // A year of months reads down the page; a period split by gender and age reads across.
  const byMonth =
    new Set(sickLeave.map((s) => s.measured)).size > new Set(sickLeave.map((s) => s.group)).size;
  return (
    <>
      {sickLeave.length > 0 && (
        <FigureTable
          caption={`Sjukfrånvaro, ${data.unit.name}, procent`}
          rowHeading={byMonth ? 'Period' : 'Grupp'}
          figures={sickLeave.map((s) => ({
            row: byMonth ? measuredLabel(s.measured) : s.group,
            column: byMonth ? s.group : measuredLabel(s.measured),
            scope: s.scope,
            percent: s.percent,
          }))}
        />
      )}
      {staffTurnover.length > 0 && (
        <FigureTable
          caption={`Personalomsättning, ${data.unit.name}, procent`}
          rowHeading="Omsättning"
          figures={staffTurnover.map((t) => ({
            row: t.kind,
            column: String(t.year),
            scope: t.scope,
            percent: t.percent,
          }))}
        />
      )}
    </>
  );
}

export default PersonnelSection;
