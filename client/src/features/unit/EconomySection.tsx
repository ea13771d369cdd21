import { useQuery } from '@apollo/client/react';
import { Fragment, useState } from 'react';
import { graphql } from '../../gql';
import type { EconomySectionQuery } from '../../gql/graphql';
import { DeviationBars } from '../../ui/DeviationBars';
import { deviationSign, formatPercent, formatTkrNumber } from '../../ui/format';
import { deviationWord, economyColumnLabel, investmentColumnLabel } from '../../ui/labels';
import { QueryState } from '../../ui/QueryState';
import { NotPublished } from '../../ui/NotPublished';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { hasDraft } from '../edit/draft-key';
import { EditInPlace } from '../edit/EditInPlace';
import { ChangedBy, History } from '../edit/History';

const EconomyQuery = graphql(`
  query EconomySection($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      id
      followUp(periodId: $periodId) {
        id
        economy {
          id
          ledger
          dimension
          forecastLabel
          # The name the unit had in the period shown.
          unitInPeriod {
            id
            name
          }
          monthLabel
          totals {
            ...EconomySection_Figures @unmask
          }
          subtotals {
            label
            lineIds
            totals {
              ...EconomySection_Figures @unmask
            }
          }
          lines {
            id
            label
            partOf
            countsInTotal
            note
            ...EconomySection_Figures @unmask
            deviationExplanation
            forecastExplanation
            ...EditableState @unmask
          }
        }
        investments {
          id
          projectNumber
          name
          parentId
          budgetTotal
          forecastTotal
          deviationTotal
          deviationTotalPercent
          outcomeAccumulated
          budgetYear
          forecastYear
          deviationYear
          outcomeYear
          outcomePreviousYear
          changeFromPreviousYear
          comment
          note
        }
      }
    }
  }
`);

graphql(`
  fragment EconomySection_Figures on EconomyFigures {
    budgetMonth
    outcomeMonth
    deviationMonth
    percentOfBudgetMonth
    budgetPeriod
    outcomePeriod
    deviationPeriod
    percentOfBudgetPeriod
    outcomePreviousYearPeriod
    changeFromPreviousYear
    budgetFullYear
    forecastFullYear
    deviationForecast
  }
`);

const tableName = (ledger: string, dimension: string) =>
  ledger === 'EXPLOATERING'
    ? 'Exploatering'
    : dimension === 'UNIT'
      ? 'Driftredovisning per verksamhet'
      : 'Driftredovisning per kontogrupp';

/**
 * An amount in a table cell: "23 676 tkr" on screen; on paper the caption's "belopp i tkr"
 * says the unit, so that the columns of a table fit the width of an A4 page (print.css).
 */
function Tkr({ kronor }: { kronor: number | null | undefined }) {
  if (kronor == null) return <>–</>;
  return (
    <>
      {formatTkrNumber(kronor)}
      <span className="unit"> tkr</span>
    </>
  );
}

/**
 * A deviation told apart by more than colour: a sign, a word for screen readers and the
 * colour. Positive is favourable (outcome or forecast better than budget).
 */
function Deviation({ kronor }: { kronor: number | null | undefined }) {
  if (kronor == null) return <>–</>;
  const sign = deviationSign(kronor);
  const kind = sign > 0 ? 'favourable' : sign < 0 ? 'unfavourable' : 'neutral';
  return (
    <span className={`deviation ${kind}`}>
      {sign > 0 ? '+' : ''}
      <Tkr kronor={kronor} /> <span className="visually-hidden">({deviationWord[sign]})</span>
      {sign !== 0 && <span aria-hidden="true">{sign > 0 ? ' ▲' : ' ▼'}</span>}
    </span>
  );
}

type FollowUp = NonNullable<EconomySectionQuery['unit']['followUp']>;
type Table = FollowUp['economy'][number];
type Line = Table['lines'][number];
type Investment = FollowUp['investments'][number];
type Row = Partial<Record<string, unknown>>;

/** How a column shows its figure: an amount, a deviation (with its sign and word) or a percentage. */
type Shown = 'amount' | 'deviation' | 'percent';
interface Column {
  field: string;
  label: string;
  shown: Shown;
  /** Decimals of a percentage. */
  decimals?: number;
}

function Cell({ row, column }: { row: Row; column: Column }) {
  const value = row[column.field] as number | null | undefined;
  if (column.shown === 'deviation') return <Deviation kronor={value} />;
  if (column.shown === 'percent') return <>{formatPercent(value, column.decimals ?? 0)}</>;
  return <Tkr kronor={value} />;
}

/** A row's figures, one cell per column of its table. */
function FigureCells({ row, columns }: { row: Row; columns: Column[] }) {
  return (
    <>
      {columns.map((c) => (
        <td key={c.field} className="num">
          <Cell row={row} column={c} />
        </td>
      ))}
    </>
  );
}

const hasAny = (rows: Row[], field: string) => rows.some((r) => r[field] != null);

/**
 * The columns a table has figures in, so that a phone shows no empty columns: the month
 * columns and "% av budget" of a monthly follow-up, the year-on-year change where last
 * year's outcome is there.
 */
function economyColumns(t: Table): Column[] {
  const rows: Row[] = [...t.lines, t.totals];
  const month = (field: string, shown: Shown): Column => ({
    field,
    label: `${economyColumnLabel[field]} ${t.monthLabel}`,
    shown,
    decimals: 1,
  });
  const all: Column[] = [
    ...(t.monthLabel
      ? [
          month('budgetMonth', 'amount'),
          month('outcomeMonth', 'amount'),
          month('deviationMonth', 'deviation'),
          month('percentOfBudgetMonth', 'percent'),
        ]
      : []),
    { field: 'budgetPeriod', label: economyColumnLabel.budgetPeriod!, shown: 'amount' },
    { field: 'outcomePeriod', label: economyColumnLabel.outcomePeriod!, shown: 'amount' },
    { field: 'deviationPeriod', label: economyColumnLabel.deviationPeriod!, shown: 'deviation' },
    ...(t.monthLabel
      ? [
          {
            field: 'percentOfBudgetPeriod',
            label: economyColumnLabel.percentOfBudgetPeriod!,
            shown: 'percent' as const,
            decimals: 1,
          },
        ]
      : []),
    {
      field: 'outcomePreviousYearPeriod',
      label: economyColumnLabel.outcomePreviousYearPeriod!,
      shown: 'amount',
    },
    { field: 'changeFromPreviousYear', label: economyColumnLabel.changeFromPreviousYear!, shown: 'amount' },
    { field: 'budgetFullYear', label: economyColumnLabel.budgetFullYear!, shown: 'amount' },
    {
      field: 'forecastFullYear',
      label: t.forecastLabel ?? economyColumnLabel.forecastFullYear!,
      shown: 'amount',
    },
    { field: 'deviationForecast', label: economyColumnLabel.deviationForecast!, shown: 'deviation' },
  ];
  return all.filter((c) => hasAny(rows, c.field));
}

const investmentShown: Record<string, Shown> = {
  deviationTotal: 'deviation',
  deviationYear: 'deviation',
  deviationTotalPercent: 'percent',
};

/**
 * Investments per project, the category lines ("Totalt investeringar IT") with the sums of
 * the projects under them, indented by level; the notes on how the source was read below.
 */
function Investments({ investments }: { investments: Investment[] }) {
  if (investments.length === 0) return null;
  const byId = new Map(investments.map((i) => [i.id, i]));
  const depth = (i: Investment): number =>
    i.parentId && byId.has(i.parentId) ? 1 + depth(byId.get(i.parentId)!) : 0;
  const parents = new Set(investments.map((i) => i.parentId));
  const columns: Column[] = Object.keys(investmentColumnLabel)
    .filter((field) => hasAny(investments, field))
    .map((field) => ({
      field,
      label: investmentColumnLabel[field]!,
      shown: investmentShown[field] ?? 'amount',
    }));
  const notes = investments.filter((i) => i.note);
  return (
    <section aria-labelledby="economy-investments">
      <h3 id="economy-investments">Investeringar</h3>
      <ScrollRegion label="Investeringar">
        <table>
          <caption>
            Investeringar, belopp i tkr (utgifter negativa, avvikelse positiv när utgiften blir lägre än
            budget)
          </caption>
          <thead>
            <tr>
              <th scope="col">Projekt</th>
              {columns.map((c) => (
                <th key={c.field} scope="col" className="num">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {investments.map((i) => (
              <tr
                key={i.id}
                className={parents.has(i.id) ? 'sum-line' : depth(i) > 0 ? 'sub-line' : undefined}
              >
                <th scope="row">
                  {i.projectNumber ? `${i.projectNumber} ` : ''}
                  {i.name}
                </th>
                {columns.map((c) => (
                  <td key={c.field} className="num">
                    <Cell row={i} column={c} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {notes.length > 0 && (
        <details>
          <summary>Om hur tabellen lästs</summary>
          {notes.map((i) => (
            <p key={i.id}>
              <strong>{i.name}:</strong> {i.note}
            </p>
          ))}
        </details>
      )}
    </section>
  );
}

/**
 * The explanations of the deviations, folded below the table so the table stays compact on a
 * phone. A line is listed when it has an explanation, or when the reader may write one; the
 * list opens by itself when one of them has an unsaved draft on this device.
 */
function Explanations({ lines }: { lines: Line[] }) {
  const shown = lines.filter((l) => l.deviationExplanation || l.forecastExplanation || l.viewerCanEdit);
  const [openAtStart] = useState(() => shown.some((l) => l.viewerCanEdit && hasDraft('EconomyLine', l.id)));
  if (shown.length === 0) return null;
  return (
    <details open={openAtStart || undefined}>
      <summary>Förklaringar till avvikelserna</summary>
      {shown.map((l) => (
        <div key={l.id}>
          <h4>{l.label}</h4>
          <EditInPlace
            typename="EconomyLine"
            id={l.id}
            version={l.version}
            values={{
              deviationExplanation: l.deviationExplanation,
              forecastExplanation: l.forecastExplanation,
            }}
            canEdit={l.viewerCanEdit}
            label={`förklaringarna för ${l.label}`}
          >
            {l.deviationExplanation && <p>{l.deviationExplanation}</p>}
            {l.forecastExplanation && <p>{l.forecastExplanation}</p>}
            {!l.deviationExplanation && !l.forecastExplanation && (
              <p className="muted">Ingen förklaring ännu.</p>
            )}
            <ChangedBy author={l.updatedBy} at={l.updatedAt} />
          </EditInPlace>
          <History type="EconomyLine" id={l.id} history={l.history} />
        </div>
      ))}
    </details>
  );
}

/**
 * Budget, outcome, deviation and forecast, per department and per account group, with the
 * subtotals and columns the report prints; then the investments.
 */
export function EconomySection({ unitId, periodId }: { unitId: string; periodId: string | null }) {
  const { data, loading, error, refetch } = useQuery(EconomyQuery, { variables: { unitId, periodId } });
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  if (!data.unit.followUp) return <NotPublished />;
  const { economy: tables, investments } = data.unit.followUp;
  if (tables.length === 0 && investments.length === 0)
    return <p>Ingen ekonomisk uppföljning finns för perioden.</p>;
  return (
    <>
      {tables.map((t) => {
        // Which columns a table has depends on all its rows: found once, not per row.
        const columns = economyColumns(t);
        return (
          <section key={t.id} aria-labelledby={`economy-${t.id}`}>
            <h3 id={`economy-${t.id}`}>{tableName(t.ledger, t.dimension)}</h3>
            <DeviationBars
              caption="Avvikelse mot budget för perioden (höger: gynnsam, vänster: ogynnsam)"
              rows={t.lines
                .filter((l) => !l.partOf)
                .map((l) => ({ label: l.label, kronor: l.deviationPeriod ?? null }))}
            />
            <ScrollRegion label={tableName(t.ledger, t.dimension)}>
              <table>
                <caption>
                  {t.unitInPeriod.name}, belopp i tkr{t.forecastLabel ? `, ${t.forecastLabel}` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.dimension === 'UNIT' ? 'Verksamhet' : 'Kontogrupp'}</th>
                    {columns.map((c) => (
                      <th key={c.field} scope="col" className="num">
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {t.lines.map((l) => (
                    <Fragment key={l.id}>
                      <tr className={l.partOf ? 'sub-line' : undefined}>
                        <th scope="row">
                          {l.label}
                          {!l.countsInTotal && <span className="muted"> (ingår ej i totalen)</span>}
                        </th>
                        <FigureCells row={l} columns={columns} />
                      </tr>
                      {t.subtotals
                        .filter((s) => s.lineIds[s.lineIds.length - 1] === l.id)
                        .map((s) => (
                          <tr key={s.label} className="sum-line">
                            <th scope="row">{s.label}</th>
                            <FigureCells row={s.totals} columns={columns} />
                          </tr>
                        ))}
                    </Fragment>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Totalt</th>
                    <FigureCells row={t.totals} columns={columns} />
                  </tr>
                </tfoot>
              </table>
            </ScrollRegion>
            <Explanations lines={t.lines} />
          </section>
        );
      })}
      <Investments investments={investments} />
    </>
  );
}

export default EconomySection;
