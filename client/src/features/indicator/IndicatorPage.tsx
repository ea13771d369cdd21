import { useQuery } from '@apollo/client/react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { formatValue } from '../../ui/format';
import { assessmentLabel, directionLabel, trendLabel } from '../../ui/labels';
import { QueryState } from '../../ui/QueryState';
import { usePageTitle } from '../../ui/page-title';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { SeriesChart } from '../../ui/SeriesChart';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { EditInPlace } from '../edit/EditInPlace';
import { ChangedBy, History } from '../edit/History';

const IndicatorQuery = graphql(`
  query IndicatorPage($id: ID!) {
    indicator(id: $id) {
      id
      name
      unitOfMeasure
      direction
      origin
      koladaKpiId
      koladaTitle
      goal {
        id
        code
        title
      }
      responsibleUnit {
        id
        name
      }
      outcomes {
        year
        value
        preliminary
        label
        note
      }
      targets {
        year
        value
        note
      }
      followUps {
        id
        assessment
        trend
        comment
        commentDate
        outcome {
          year
          value
          preliminary
        }
        ...EditableState @unmask
        period {
          id
          label
        }
        # The unit with the name it had in the follow-up's period.
        unitInPeriod {
          id
          unitId
          name
        }
      }
    }
  }
`);

/** An indicator: its chart, and the same series as a table with every note. */
export function IndicatorPage({ id }: { id: string }) {
  const { data, loading, error, refetch } = useQuery(IndicatorQuery, { variables: { id } });
  const i = data?.indicator;
  usePageTitle(i ? `Indikator: ${i.name}` : undefined);
  if (!i) return <QueryState loading={loading} error={error} retry={() => void refetch()} notFound />;
  const target = i.targets.at(-1) ?? null;
  return (
    <main>
      <Breadcrumb
        steps={[{ href: `/enhet/${i.responsibleUnit.id}/indikatorer`, label: i.responsibleUnit.name }]}
      />
      <p className="muted">Indikator ({i.origin === 'KF' ? 'KF' : 'Nämnd'})</p>
      <h1>{i.name}</h1>
      <dl className="facts">
        <dt>Inriktningsmål</dt>
        <dd>
          {i.goal.code} {i.goal.title}
        </dd>
        <dt>Enhet</dt>
        <dd>{i.unitOfMeasure}</dd>
        <dt>Riktning</dt>
        <dd>{directionLabel[i.direction]}</dd>
        {i.koladaKpiId && (
          <>
            <dt>Kolada</dt>
            <dd>
              {i.koladaKpiId}
              {i.koladaTitle && <> – {i.koladaTitle}</>} <span className="muted">(Källa: Kolada)</span>
            </dd>
          </>
        )}
      </dl>
      <SeriesChart points={i.outcomes} target={target?.value ?? null} unit={i.unitOfMeasure} title={i.name} />
      <ScrollRegion label="Utfall och mål per år">
        <table>
          <caption>Utfall och mål per år</caption>
          <thead>
            <tr>
              <th scope="col">År</th>
              <th scope="col" className="num">
                Utfall
              </th>
              <th scope="col">Anmärkning</th>
            </tr>
          </thead>
          <tbody>
            {i.outcomes.map((o) => (
              <tr key={`o${o.year}`}>
                <th scope="row">{o.label ?? o.year}</th>
                <td className="num">{formatValue(o.value, i.unitOfMeasure)}</td>
                <td>{[o.preliminary ? 'Preliminärt' : null, o.note].filter(Boolean).join('. ')}</td>
              </tr>
            ))}
            {i.targets.map((t) => (
              <tr key={`t${t.year}`}>
                <th scope="row">Mål {t.year}</th>
                <td className="num">{formatValue(t.value, i.unitOfMeasure)}</td>
                <td>{t.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h2>Uppföljningar</h2>
      {i.followUps.length === 0 ? (
        <p>Indikatorn har inte följts upp.</p>
      ) : (
        <ol className="cards">
          {i.followUps.map((f) => (
            <li key={f.id} className={f.assessment ? `assessment-${f.assessment.toLowerCase()}` : undefined}>
              <h3>
                {f.period.label},{' '}
                <Link href={`/enhet/${f.unitInPeriod.unitId}/indikatorer?period=${f.period.id}`}>
                  {f.unitInPeriod.name}
                </Link>
              </h3>
              <EditInPlace
                typename="IndicatorFollowUp"
                id={f.id}
                version={f.version}
                values={{
                  outcome: f.outcome?.value ?? null,
                  assessment: f.assessment,
                  trend: f.trend,
                  comment: f.comment,
                }}
                canEdit={f.viewerCanEdit}
                label={`uppföljningen ${f.period.label}, ${f.unitInPeriod.name}`}
              >
                <p>
                  <span className="muted">Utfall{f.outcome ? ` ${f.outcome.year}` : ''}:</span>{' '}
                  <strong>{formatValue(f.outcome?.value, i.unitOfMeasure)}</strong>
                  {f.outcome?.preliminary && ' (preliminärt)'}
                </p>
                {(f.assessment || f.trend) && (
                  <p>
                    {f.assessment && <strong>{assessmentLabel[f.assessment]}</strong>}
                    {f.assessment && f.trend && ' · '}
                    {f.trend && <>Trend: {trendLabel[f.trend]}</>}
                  </p>
                )}
                {f.comment && (
                  <p>
                    <span className="muted">Kommentar{f.commentDate ? ` (${f.commentDate})` : ''}:</span>{' '}
                    {f.comment}
                  </p>
                )}
                <ChangedBy author={f.updatedBy} at={f.updatedAt} />
              </EditInPlace>
              <History type="IndicatorFollowUp" id={f.id} history={f.history} />
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}

export default IndicatorPage;
