import { graphql } from '../../gql';
import { dateTime } from '../../ui/format';

/**
 * What every editable record carries for the edit-in-place wrapper, "Ändrad av" and the
 * history. Pages spread it unmasked; the edit mutations ask for it back so the cache
 * updates every page after a save or a conflict.
 */
export const EditableState = graphql(`
  fragment EditableState on Editable {
    id
    version
    viewerCanEdit
    updatedAt
    updatedBy {
      id
      name
    }
    history {
      id
      at
      author {
        id
        name
      }
      changes {
        field
        before
        after
      }
    }
  }
`);

/** The field names the server reports in a revision, as the app calls them. */
const fieldLabel: Record<string, string> = {
  status: 'Status',
  forecast: 'Prognos',
  comment: 'Kommentar',
  commentDate: 'Kommentarens datum',
  deviationReason: 'Orsak till avvikelse',
  outcome: 'Utfall',
  assessment: 'Bedömning',
  trend: 'Trend',
  analysis: 'Analys',
  deviationExplanation: 'Förklaring till periodens avvikelse',
  forecastExplanation: 'Förklaring till prognosavvikelsen',
  heading: 'Rubrik',
  body: 'Text',
};

export interface RevisionView {
  id: string;
  at: string;
  author: { name: string } | null;
  changes: { field: string; before?: string | null; after?: string | null }[];
}

/** "Ändrad av Sara Stab 2025-11-22 14:32", for what staff changed (not for transcribed text). */
export function ChangedBy({ author, at }: { author: { name: string } | null; at: string }) {
  if (!author) return null;
  return (
    <p className="muted">
      Ändrad av {author.name} {dateTime(at)}
    </p>
  );
}

/**
 * Who changed what and when, latest first: the earlier versions of a comment stay
 * readable. Folded away, as most readers only want the current text.
 */
export function History({ revisions }: { revisions: RevisionView[] }) {
  if (revisions.length === 0) return null;
  return (
    <details className="history">
      <summary>Historik ({revisions.length})</summary>
      <ol>
        {revisions.map((r) => (
          <li key={r.id}>
            <p className="muted">
              {dateTime(r.at)} · {r.author?.name ?? 'okänd'}
            </p>
            <ul>
              {r.changes
                .filter((c) => c.field !== 'commentDate')
                .map((c) => (
                  <li key={c.field}>
                    {fieldLabel[c.field] ?? c.field}: <del>{c.before ?? '(tomt)'}</del>{' '}
                    <span aria-hidden="true">→</span>
                    <span className="visually-hidden">ändrades till</span> <ins>{c.after ?? '(tomt)'}</ins>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}
