import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { EditableType } from '../../gql/graphql';
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
      ...HistoryPage @unmask
    }
  }
`);

/** A page of revisions: the latest ones on the record's page, older ones on request. */
export const HistoryPage = graphql(`
  fragment HistoryPage on RevisionPage {
    hasOlder
    revisions {
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

const OlderRevisions = graphql(`
  query OlderRevisions($type: EditableType!, $id: ID!, $after: ID!) {
    editable(type: $type, id: $id) {
      id
      history(first: 20, after: $after) {
        ...HistoryPage @unmask
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
 * readable. Folded away, as most readers only want the current text. The record's page
 * brings the latest revisions; "Visa äldre" fetches the ones before them, a page at a time.
 */
export function History({
  type,
  id,
  history,
}: {
  type: EditableType;
  id: string;
  history: { revisions: RevisionView[]; hasOlder: boolean };
}) {
  const client = useApolloClient();
  const [older, setOlder] = useState<{ revisions: RevisionView[]; hasOlder: boolean } | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'failed'>('idle');
  const revisions = [...history.revisions, ...(older?.revisions ?? [])];
  const hasOlder = older ? older.hasOlder : history.hasOlder;
  if (revisions.length === 0) return null;

  async function showOlder() {
    setState('loading');
    try {
      const { data } = await client.query({
        query: OlderRevisions,
        variables: { type, id, after: revisions[revisions.length - 1]!.id },
        fetchPolicy: 'network-only',
      });
      const page = data?.editable.history;
      if (!page) throw new Error('no history');
      setOlder({ revisions: [...(older?.revisions ?? []), ...page.revisions], hasOlder: page.hasOlder });
      setState('idle');
    } catch {
      setState('failed');
    }
  }

  return (
    <details className="history">
      <summary>
        Historik ({revisions.length}
        {hasOlder ? '+' : ''})
      </summary>
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
      {hasOlder && (
        <button
          type="button"
          className="button secondary"
          disabled={state === 'loading'}
          onClick={() => void showOlder()}
        >
          {state === 'loading' ? 'Hämtar äldre ändringar…' : 'Visa äldre'}
        </button>
      )}
      {state === 'failed' && (
        <p className="error" role="alert">
          Det gick inte att hämta äldre ändringar. Försök igen med uppkoppling.
        </p>
      )}
    </details>
  );
}
