/**
 * The administratör's spreadsheet import: choose the period and what the file holds,
 * download a template, upload the file, see every row as new, changed, unchanged or wrong,
 * then import it all at once. Nothing is written before "Importera", and not then either
 * if a row is wrong. A laptop screen; an `edit-` chunk, loaded on demand.
 */
import type { ImportKindChoice, ImportResult } from '@uppfoljning/domain';
import { useEffect, useId, useState } from 'react';
import { importStatusLabel } from '../../ui/labels';
import { useViewer } from '../session/useViewer';
import {
  AdministratorsOnly,
  FileAndSteps,
  PeriodField,
  useImportPeriods,
  useImportSteps,
  type Upload,
} from './import-parts';
import { fetchImportKinds, uploadImport } from './import-upload';

const WORKBOOK = 'workbook';
/** The table shows at most this many rows at once; the counts cover them all. */
const SHOWN_ROWS = 1_000;

export default function ImportPage() {
  const viewer = useViewer();
  const isAdmin = viewer?.role === 'ADMINISTRATOR';
  const { periods, published, firstOpen } = useImportPeriods(viewer?.kommun.id, isAdmin);
  const [kinds, setKinds] = useState<ImportKindChoice[]>();
  const [kindsFailed, setKindsFailed] = useState(false);
  const [periodId, setPeriodId] = useState('');
  const [kind, setKind] = useState(WORKBOOK);
  const { file, chooseFile, busy, preview, reset, send, statusView } = useImportSteps(summary);
  const [onlyWrong, setOnlyWrong] = useState(false);
  const ids = { period: useId(), kind: useId(), onlyWrong: useId() };

  useEffect(() => {
    if (!isAdmin) return;
    fetchImportKinds().then(setKinds, () => setKindsFailed(true));
  }, [isAdmin]);
  const chosenPeriod = periodId || firstOpen;

  if (viewer === undefined) return <p aria-live="polite">Laddar…</p>;
  if (!isAdmin)
    return <AdministratorsOnly title="Importera från kalkylark" path="/import" signedIn={!!viewer} />;

  const upload: Upload<ImportResult> = (chosen, mode, fingerprint, onProgress) =>
    uploadImport(chosen, { period: chosenPeriod, kind, mode, fingerprint }, onProgress);

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
          if (chosenPeriod) void send('preview', upload);
        }}
      >
        <PeriodField
          id={ids.period}
          periods={periods}
          published={published}
          value={chosenPeriod}
          onChange={(periodId) => {
            setPeriodId(periodId);
            reset();
          }}
        />
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
        <FileAndSteps
          label="Fil (XLSX eller CSV, högst 10 MB)"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onFile={chooseFile}
          canPreview={!!file && !!chosenPeriod && busy === null}
          canConfirm={!blocked && busy === null}
          onConfirm={() => void send('confirm', upload)}
          explainBlocked={!!preview && !preview.committed && blocked}
        />
      </form>

      {statusView}

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
