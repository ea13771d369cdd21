import type { FragmentType } from '@apollo/client';
import { useFragment } from '@apollo/client/react';
import { graphql } from '../../gql';
import { formatTkr } from '../../ui/format';
import { severityExplanation, severityLabel } from '../../ui/labels';

export const OffTrackList_followUp = graphql(`
  fragment OffTrackList_followUp on UnitFollowUp {
    id
    offTrack {
      kind
      severity
      title
      reason
      comment
      targetId
      amount
    }
  }
`);

const kindName: Record<string, string> = { GOAL: 'Mål', ASSIGNMENT: 'Uppdrag', ECONOMY: 'Ekonomi' };

/** What is off track, worst first: the first thing a politician reads. */
export function OffTrackList(props: { followUp: FragmentType<typeof OffTrackList_followUp> }) {
  const { data, complete } = useFragment({ fragment: OffTrackList_followUp, from: props.followUp });
  if (!complete) return null;
  if (data.offTrack.length === 0) return <p>Inget avviker från plan under perioden.</p>;
  return (
    <>
      <ol className="off-track">
        {data.offTrack.map((item, i) => (
          <li
            key={`${item.kind}-${item.targetId}-${i}`}
            className={`severity-${item.severity.toLowerCase()}`}
          >
            <p className="off-track-head">
              <span className="badge">{severityLabel[item.severity]}</span> <span>{kindName[item.kind]}</span>
              {item.amount != null && <span className="amount"> {formatTkr(item.amount)}</span>}
            </p>
            <p className="off-track-title">{item.title}</p>
            <p>{item.reason}</p>
            {item.comment && (
              <details>
                <summary>Kommentar</summary>
                <p>{item.comment}</p>
              </details>
            )}
          </li>
        ))}
      </ol>
      <details className="severity-legend">
        <summary>Vad betyder {Object.values(severityLabel).join(', ')}?</summary>
        <dl>
          {Object.entries(severityLabel).map(([severity, label]) => (
            <div key={severity}>
              <dt>{label}</dt>
              <dd>{severityExplanation[severity]}</dd>
            </div>
          ))}
        </dl>
      </details>
    </>
  );
}
