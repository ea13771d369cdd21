/**
 * The administratör's import of a period's economy from the ledger: the kommun's mapping
 * (set once, saved), then the file, its preview with the control totals and every wrong
 * line, and the confirmation. Nothing is written before "Importera", and not then if a line
 * is wrong. A laptop screen; an `edit-` chunk, loaded on demand.
 */
import { useEffect, useId, useState } from 'react';
import { ledgerLineStatusLabel } from '../../ui/labels';
import {
  AdministratorsOnly,
  FileAndSteps,
  PeriodField,
  useImportPeriods,
  useImportSteps,
  type Upload,
} from '../import/import-parts';
import { useViewer } from '../session/useViewer';
import {
  fetchMapping,
  formatOf,
  uploadLedger,
  type LedgerFormat,
  type LedgerResult,
  type MappingAnswer,
} from './ledger-api';
import { LedgerMappingForm } from './LedgerMappingForm';
import { LedgerPreview } from './LedgerPreview';

const capital = (text: string) => text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);

function summary(result: LedgerResult, title: string): string {
  const parts = (['new', 'changed', 'unchanged', 'cleared'] as const).map(
    (s) => `${ledgerLineStatusLabel[s]}: ${result.counts[s].toLocaleString('sv-SE')}`,
  );
  const wrong = result.errorLines > 0 ? `, rader med fel: ${result.errorLines.toLocaleString('sv-SE')}` : '';
  return `${title}. ${parts.join(', ')}${wrong}.`;
}

export default function LedgerImportPage() {
  const viewer = useViewer();
  const isAdmin = viewer?.role === 'ADMINISTRATOR';
  const { periods, published, firstOpen } = useImportPeriods(viewer?.kommun.id, isAdmin);
  const [mapping, setMapping] = useState<MappingAnswer | null>(null);
  const [mappingFailed, setMappingFailed] = useState<string | null>(null);
  const [periodId, setPeriodId] = useState('');
  const [forecastLabel, setForecastLabel] = useState('');
  const [format, setFormat] = useState<LedgerFormat>('csv');
  const { file, chooseFile, busy, preview, reset, send, statusView } = useImportSteps(summary);
  const ids = { period: useId(), forecast: useId(), form: useId(), format: useId() };

  useEffect(() => {
    if (!isAdmin) return;
    fetchMapping().then(
      (answer) => ('error' in answer ? setMappingFailed(answer.error) : setMapping(answer)),
      () => setMappingFailed('Det gick inte att hämta kopplingen. Ladda om sidan.'),
    );
  }, [isAdmin]);

  if (viewer === undefined) return <p aria-live="polite">Laddar…</p>;
  if (!isAdmin)
    return <AdministratorsOnly title="Ekonomi från huvudboken" path="/huvudbok" signedIn={!!viewer} />;

  const chosenPeriod = periodId || firstOpen;
  const roleLabel = new Map((mapping?.roles ?? []).map((r) => [r.role, capital(r.label)]));

  const upload: Upload<LedgerResult> = (chosen, mode, fingerprint, onProgress) =>
    uploadLedger(
      chosen,
      { format, period: chosenPeriod, mode, fingerprint, forecastLabel: forecastLabel.trim() || undefined },
      onProgress,
    );

  const blocked = !preview || preview.errorLines > 0 || preview.committed;

  return (
    <main className="import-page">
      <h1>Ekonomi från huvudboken</h1>
      <p>
        Läs in budget, utfall och prognos för en period från huvudbokens export. Du ser först summorna per
        enhet och kontogrupp; inget sparas förrän du väljer Importera, och inget alls om någon rad är fel.
        Personalens förklaringar på raderna står kvar.
      </p>
      {mappingFailed && <p role="alert">{mappingFailed}</p>}
      <div className="field">
        <label htmlFor={ids.format}>Filformat</label>
        <select
          id={ids.format}
          value={format}
          onChange={(event) => {
            setFormat(event.target.value as LedgerFormat);
            reset();
          }}
        >
          <option value="csv">CSV-export</option>
          <option value="sie">SIE 4 (kontonas kontogrupper enligt Kommun-Bas)</option>
        </select>
      </div>
      {mapping && (
        <LedgerMappingForm
          answer={mapping}
          format={format}
          onSaved={(saved) => {
            setMapping({ ...mapping, mapping: saved });
            reset();
          }}
        />
      )}

      <form
        aria-labelledby={`${ids.form}-h`}
        onSubmit={(event) => {
          event.preventDefault();
          if (chosenPeriod) void send('preview', upload);
        }}
      >
        <h2 id={`${ids.form}-h`}>Läs in filen</h2>
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
          <label htmlFor={ids.forecast}>Prognosens namn (till exempel Prognos 3)</label>
          <input
            id={ids.forecast}
            value={forecastLabel}
            maxLength={60}
            onChange={(event) => {
              setForecastLabel(event.target.value);
              reset();
            }}
          />
        </div>
        <FileAndSteps
          label={
            format === 'sie'
              ? 'SIE 4-fil från huvudboken (högst 200 MB)'
              : 'CSV-fil från huvudboken (högst 10 MB)'
          }
          accept={format === 'sie' ? '.se,.si,.sie' : '.csv,.txt,text/csv'}
          onFile={(chosen) => {
            if (chosen) setFormat(formatOf(chosen));
            chooseFile(chosen);
          }}
          canPreview={!!file && !!chosenPeriod && busy === null}
          canConfirm={!blocked && busy === null}
          onConfirm={() => void send('confirm', upload)}
          explainBlocked={!!preview && !preview.committed && blocked}
        />
      </form>

      {statusView}
      {preview?.replaces && !preview.committed && <p>Ersätter siffrorna från {preview.replaces.fileName}.</p>}
      {preview && (
        <LedgerPreview
          result={preview}
          measures={mapping?.measures ?? []}
          measureLabel={(m) => roleLabel.get(m) ?? m}
        />
      )}
    </main>
  );
}
