/**
 * The administratör's spreadsheet import: choose the period and what the file holds,
 * download a template, upload the file, see every row as new, changed, unchanged or wrong,
 * then import it all at once. Nothing is written before "Importera", and not then either
 * if a row is wrong. A laptop screen; an `edit-` chunk, loaded on demand.
 */
import { useQuery } from '@apollo/client/react';
import type { ImportKindChoice, ImportResult } from '@uppfoljning/domain';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import { importStatusLabel } from '../../ui/labels';
import { useViewer } from '../session/useViewer';
import { fetchImportKinds, uploadImport, type UploadProgress } from './import-upload';

const ImportPeriodsQuery = graphql(`
  query ImportPeriods($kommunId: ID!) {
    kommun(id: $kommunId) {
      id
      periods {
        id
        label
      }
      # A period a published report covers cannot be imported into.
      root {
        id
        reports {
          id
          status
          period {
            id
          }
        }
      }
    }
  }
`);

const WORKBOOK = 'workbook';
/** The table shows at most this many rows at once; the counts cover them all. */
const SHOWN_ROWS = 1_000;

const kb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('sv-SE')} kB`;

export default function ImportPage() {
  const viewer = useViewer();
  const isAdmin = viewer?.role === 'ADMINISTRATOR';
  const { data } = useQuery(ImportPeriodsQuery, {
    variables: { kommunId: viewer?.kommun.id ?? '' },
    skip: !isAdmin,
    fetchPolicy: 'cache-and-network',
  });
  const [kinds, setKinds] = useState<ImportKindChoice[]>();
  const [kindsFailed, setKindsFailed] = useState(false);
  const [periodId, setPeriodId] = useState('');
  const [kind, setKind] = useState(WORKBOOK);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'preview' | 'confirm' | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [onlyWrong, setOnlyWrong] = useState(false);
  const status = useRef<HTMLParagraphElement>(null);
  const ids = { period: useId(), kind: useId(), file: useId(), onlyWrong: useId() };

  useEffect(() => {
    if (!isAdmin) return;
    fetchImportKinds().then(setKinds, () => setKindsFailed(true));
  }, [isAdmin]);
  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);

  const published = useMemo(
    () =>
      new Set(
        (data?.kommun.root.reports ?? []).filter((r) => r.status === 'PUBLISHED').map((r) => r.period.id),
      ),
    [data],
  );
  const periods = data?.kommun.periods ?? [];
  const chosenPeriod = periodId || periods.find((p) => !published.has(p.id))?.id || '';

  if (viewer === undefined) return <p aria-live="polite">Laddar…</p>;
  if (!isAdmin) {
    return (
      <main>
        <h1>Importera från kalkylark</h1>
        {viewer ? (
          <p>Bara en administratör kan importera.</p>
        ) : (
          <p>
            <Link href={`/logga-in?till=${encodeURIComponent('/import')}`}>Logga in</Link> som administratör
            för att importera.
          </p>
        )}
      </main>
    );
  }

  /** Anything chosen anew makes the preview stale: it must be made again. */
  function reset() {
    setPreview(null);
    setMessage(null);
    setProgress(null);
  }

  async function send(mode: 'preview' | 'confirm') {
    if (!file || !chosenPeriod) return;
    setBusy(mode);
    setMessage(null);
    setProgress({ sentBytes: 0, totalBytes: file.size, rowsRead: 0 });
    const answer = await uploadImport(
      file,
      {
        period: chosenPeriod,
        kind,
        mode,
        fingerprint: mode === 'confirm' ? preview?.fingerprint : undefined,
      },
      setProgress,
    );
    setBusy(null);
    if ('error' in answer) {
      setMessage({ text: answer.error.message, failed: true });
      return;
    }
    const { result } = answer;
    setPreview(result);
    if (mode === 'preview') {
      setMessage({ text: summary(result, 'Förhandsgranskning'), failed: false });
    } else if (result.committed) {
      setMessage({ text: summary(result, 'Importerat'), failed: false });
    } else {
      setMessage({ text: result.refusal?.message ?? 'Inget importerades.', failed: true });
    }
  }

  const blocked = !preview || preview.counts.wrong > 0 || preview.problems.length > 0 || preview.committed;
  const rows = (preview?.sheets ?? []).flatMap((s) => s.rows.map((r) => ({ ...r, sheet: s.sheet ?? '' })));
  const listed = onlyWrong ? rows.filter((r) => r.status === 'wrong') : rows;
  const templateKind = kind === WORKBOOK ? 'alla' : kind;

  return (
    <main className="import-page">
      <h1>Importera från kalkylark</h1>
      <p>
        Fyll i en mall och läs in den. Du ser först vad som händer med varje rad; inget sparas förrän du
        väljer Importera, och inget alls om någon rad är fel.
      </p>
      {kindsFailed && <p role="alert">Det gick inte att hämta vad som kan importeras. Ladda om sidan.</p>}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send('preview');
        }}
      >
        <div className="field">
          <label htmlFor={ids.period}>Period</label>
          <select
            id={ids.period}
            value={chosenPeriod}
            onChange={(event) => {
              setPeriodId(event.target.value);
              reset();
            }}
          >
            {periods.map((p) => (
              <option key={p.id} value={p.id} disabled={published.has(p.id)}>
                {p.label}
                {published.has(p.id) ? ' (publicerad, kan inte ändras)' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.kind}>Filen innehåller</label>
          <select
            id={ids.kind}
            value={kind}
            onChange={(event) => {
              setKind(event.target.value);
              reset();
            }}
          >
            <option value={WORKBOOK}>En arbetsbok med ett blad per slag (XLSX)</option>
            {(kinds ?? []).map((k) => (
              <option key={k.name} value={k.name}>
                {k.sheetName}
              </option>
            ))}
          </select>
        </div>
        <p className="templates">
          Mall:{' '}
          <a href={`/import/template/${templateKind}.xlsx`} download>
            Ladda ner XLSX
          </a>
          {kind !== WORKBOOK && (
            <>
              {' · '}
              <a href={`/import/template/${templateKind}.csv`} download>
                Ladda ner CSV
              </a>
            </>
          )}
        </p>
        <div className="field">
          <label htmlFor={ids.file}>Fil (XLSX eller CSV, högst 10 MB)</label>
          <input
            id={ids.file}
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              reset();
            }}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={!file || !chosenPeriod || busy !== null}>
            Förhandsgranska
          </button>
          <button
            type="button"
            className="button"
            disabled={blocked || busy !== null}
            onClick={() => void send('confirm')}
          >
            Importera
          </button>
        </div>
        {preview && !preview.committed && blocked && (
          <p className="muted">Importera går att välja när ingen rad är fel.</p>
        )}
      </form>

      {progress && busy && (
        <div className="import-progress" aria-live="polite">
          <label>
            Skickat {kb(progress.sentBytes)} av {kb(progress.totalBytes)}
            <progress max={progress.totalBytes || 1} value={progress.sentBytes} />
          </label>
          <p>{progress.rowsRead.toLocaleString('sv-SE')} rader lästa</p>
        </div>
      )}

      <p ref={status} tabIndex={-1} role="status" className={message?.failed ? 'error' : undefined}>
        {message?.text}
      </p>

      {preview && preview.problems.length > 0 && (
        <section aria-labelledby="import-problems">
          <h2 id="import-problems">Fel i filen</h2>
          <ul>
            {preview.problems.map((p, i) => (
              <li key={i}>
                {p.sheet ? `Bladet ${p.sheet}: ` : ''}
                {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      {preview && rows.length > 0 && (
        <section aria-labelledby="import-rows">
          <h2 id="import-rows">Raderna</h2>
          <p className="field-inline">
            <input
              id={ids.onlyWrong}
              type="checkbox"
              checked={onlyWrong}
              onChange={(event) => setOnlyWrong(event.target.checked)}
            />
            <label htmlFor={ids.onlyWrong}>Visa bara rader med fel ({preview.counts.wrong})</label>
          </p>
          {listed.length > SHOWN_ROWS && (
            <p className="muted">
              Visar de första {SHOWN_ROWS.toLocaleString('sv-SE')} av {listed.length.toLocaleString('sv-SE')}{' '}
              raderna.
            </p>
          )}
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Vad importen gör med varje rad</caption>
              <thead>
                <tr>
                  <th scope="col">Blad</th>
                  <th scope="col">Rad</th>
                  <th scope="col">Status</th>
                  <th scope="col">Fel</th>
                  <th scope="col">Ändrade kolumner</th>
                </tr>
              </thead>
              <tbody>
                {listed.slice(0, SHOWN_ROWS).map((r) => (
                  <tr key={`${r.sheet}:${r.row}`} className={`import-${r.status}`}>
                    <td>{r.sheet}</td>
                    <th scope="row">{r.row}</th>
                    <td>{importStatusLabel[r.status]}</td>
                    <td>
                      {r.errors.length > 0 && (
                        <ul>
                          {r.errors.map((e, i) => (
                            <li key={i}>
                              {e.column ? `${e.column}: ` : ''}
                              {e.message}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>{r.changed.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </main>
  );
}

function summary(result: ImportResult, title: string): string {
  const { counts } = result;
  const parts = (['new', 'changed', 'unchanged', 'wrong'] as const).map(
    (s) => `${importStatusLabel[s]}: ${counts[s].toLocaleString('sv-SE')}`,
  );
  return `${title}. ${parts.join(', ')}.`;
}
