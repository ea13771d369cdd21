import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { EconomySectionQuery } from '../../gql/graphql';
import { DeviationBars } from '../../ui/DeviationBars';
import { formatTkr } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
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
          unit {
            id
            name
          }
          totals {
            budgetPeriod
            outcomePeriod
            deviationPeriod
            budgetFullYear
            forecastFullYear
            deviationForecast
          }
          lines {
            id
            label
            partOf
            countsInTotal
            note
            budgetPeriod
            outcomePeriod
            deviationPeriod
            budgetFullYear
            forecastFullYear
            deviationForecast
            deviationExplanation
            forecastExplanation
            ...EditableState @unmask
          }
        }
      }
    }
  }
`);

const tableName = (ledger: string, dimension: string) =>
  ledger === 'EXPLOATERING'
    ? 'Exploatering'
    : dimension === 'UNIT'
      ? 'Driftredovisning per verksamhet'
      : 'Driftredovisning per kontogrupp';

/**
 * A deviation told apart by more than colour: a sign, a word for screen readers and the
 * colour. Positive is favourable (outcome or forecast better than budget).
 */
function Deviation({ kronor }: { kronor: number | null | undefined }) {
  if (kronor == null) return <>–</>;
  const kind = kronor > 0 ? 'favourable' : kronor < 0 ? 'unfavourable' : 'neutral';
  const word = kronor > 0 ? 'gynnsam' : kronor < 0 ? 'ogynnsam' : 'ingen avvikelse';
  return (
    <span className={`deviation ${kind}`}>
      {kronor > 0 ? '+' : ''}
      {formatTkr(kronor)} <span className="visually-hidden">({word})</span>
      {kronor !== 0 && <span aria-hidden="true">{kronor > 0 ? ' ▲' : ' ▼'}</span>}
    </span>
  );
}

type Line = EconomySectionQuery['unit']['followUp']['economy'][number]['lines'][number];

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

/** Budget, outcome, deviation and forecast, per department and per account group. */
export function EconomySection({ unitId, periodId }: { unitId: string; periodId: string | null }) {
  const { data, loading, error, refetch } = useQuery(EconomyQuery, { variables: { unitId, periodId } });
  if (!data) return <QueryState loading={loading} error={error} retry={() => void refetch()} />;
  const tables = data.unit.followUp.economy;
  if (tables.length === 0) return <p>Ingen ekonomisk uppföljning finns för perioden.</p>;
  return (
    <>
      {tables.map((t) => (
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
                {t.unit.name}, belopp i tkr{t.forecastLabel ? `, ${t.forecastLabel}` : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t.dimension === 'UNIT' ? 'Verksamhet' : 'Kontogrupp'}</th>
                  <th scope="col" className="num">
                    Budget perioden
                  </th>
                  <th scope="col" className="num">
                    Utfall perioden
                  </th>
                  <th scope="col" className="num">
                    Avvikelse
                  </th>
                  <th scope="col" className="num">
                    Budget helår
                  </th>
                  <th scope="col" className="num">
                    Prognos
                  </th>
                  <th scope="col" className="num">
                    Avvikelse prognos
                  </th>
                </tr>
              </thead>
              <tbody>
                {t.lines.map((l) => (
                  <tr key={l.id} className={l.partOf ? 'sub-line' : undefined}>
                    <th scope="row">
                      {l.label}
                      {!l.countsInTotal && <span className="muted"> (ingår ej i totalen)</span>}
                    </th>
                    <td className="num">{formatTkr(l.budgetPeriod)}</td>
                    <td className="num">{formatTkr(l.outcomePeriod)}</td>
                    <td className="num">
                      <Deviation kronor={l.deviationPeriod} />
                    </td>
                    <td className="num">{formatTkr(l.budgetFullYear)}</td>
                    <td className="num">{formatTkr(l.forecastFullYear)}</td>
                    <td className="num">
                      <Deviation kronor={l.deviationForecast} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Totalt</th>
                  <td className="num">{formatTkr(t.totals.budgetPeriod)}</td>
                  <td className="num">{formatTkr(t.totals.outcomePeriod)}</td>
                  <td className="num">
                    <Deviation kronor={t.totals.deviationPeriod} />
                  </td>
                  <td className="num">{formatTkr(t.totals.budgetFullYear)}</td>
                  <td className="num">{formatTkr(t.totals.forecastFullYear)}</td>
                  <td className="num">
                    <Deviation kronor={t.totals.deviationForecast} />
                  </td>
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
          <Explanations lines={t.lines} />
        </section>
      ))}
    </>
  );
}

export default EconomySection;
