/**
 * What the administratör's import pages share: the periods that can be imported into (a
 * period a published report covers cannot), and the progress of an upload.
 */
import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { graphql } from '../../gql';
import type { UploadProgress } from './import-upload';

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

/** The kommun's periods, which of them are published, and the first one that is not. */
export function useImportPeriods(kommunId: string | undefined, isAdmin: boolean) {
  const { data } = useQuery(ImportPeriodsQuery, {
    variables: { kommunId: kommunId ?? '' },
    skip: !isAdmin,
    fetchPolicy: 'cache-and-network',
  });
  const published = useMemo(
    () =>
      new Set(
        (data?.kommun.root.reports ?? []).filter((r) => r.status === 'PUBLISHED').map((r) => r.period.id),
      ),
    [data],
  );
  const periods = data?.kommun.periods ?? [];
  return { periods, published, firstOpen: periods.find((p) => !published.has(p.id))?.id ?? '' };
}

/**
 * The period a file goes into: a select of the kommun's periods, the published ones shown and
 * disabled, since nothing a published report shows can change.
 */
export function PeriodField({
  id,
  periods,
  published,
  value,
  onChange,
}: {
  id: string;
  periods: readonly { id: string; label: string }[];
  published: ReadonlySet<string>;
  value: string;
  onChange: (periodId: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>Period</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {periods.map((p) => (
          <option key={p.id} value={p.id} disabled={published.has(p.id)}>
            {p.label}
            {published.has(p.id) ? ' (publicerad, kan inte ändras)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

const kb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('sv-SE')} kB`;

export function UploadProgressView({ progress, unit }: { progress: UploadProgress; unit: string }) {
  return (
    <div className="import-progress" aria-live="polite">
      <label>
        Skickat {kb(progress.sentBytes)} av {kb(progress.totalBytes)}
        <progress max={progress.totalBytes || 1} value={progress.sentBytes} />
      </label>
      <p>
        {progress.rowsRead.toLocaleString('sv-SE')} {unit} lästa
      </p>
    </div>
  );
}

/**
 * The file to send and the two steps: "Förhandsgranska" submits the form, "Importera"
 * confirms the preview and is enabled only when the preview may be written.
 */
export function FileAndSteps({
  label,
  accept,
  onFile,
  canPreview,
  canConfirm,
  onConfirm,
  explainBlocked,
}: {
  label: string;
  accept: string;
  onFile: (file: File | null) => void;
  canPreview: boolean;
  canConfirm: boolean;
  onConfirm: () => void;
  /** Whether to say why Importera cannot be chosen (a preview with errors). */
  explainBlocked: boolean;
}) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="file"
          accept={accept}
          onChange={(event) => onFile(event.target.files?.[0] ?? null)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={!canPreview}>
          Förhandsgranska
        </button>
        <button type="button" className="button" disabled={!canConfirm} onClick={onConfirm}>
          Importera
        </button>
      </div>
      {explainBlocked && <p className="muted">Importera går att välja när ingen rad är fel.</p>}
    </>
  );
}

/** What both imports answer: a preview's fingerprint, and whether a confirmation wrote. */
interface StepResult {
  committed: boolean;
  refusal: { message: string } | null;
  fingerprint: string;
}

export type Upload<Result> = (
  file: File,
  mode: 'preview' | 'confirm',
  fingerprint: string | undefined,
  onProgress: (progress: UploadProgress) => void,
) => Promise<{ result: Result } | { error: { code: string; message: string } }>;

/**
 * The steps of an import page: the file, the preview, the confirmation with the preview's
 * fingerprint, the progress, and the status line (focused when it says something new).
 * Anything chosen anew (`reset`) makes the preview stale: it must be made again.
 */
export function useImportSteps<Result extends StepResult>(
  summary: (result: Result, title: string) => string,
) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'preview' | 'confirm' | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [preview, setPreview] = useState<Result | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);

  function reset() {
    setPreview(null);
    setMessage(null);
    setProgress(null);
  }

  async function send(mode: 'preview' | 'confirm', upload: Upload<Result>) {
    if (!file) return;
    setBusy(mode);
    setMessage(null);
    setProgress({ sentBytes: 0, totalBytes: file.size, rowsRead: 0 });
    const answer = await upload(
      file,
      mode,
      mode === 'confirm' ? preview?.fingerprint : undefined,
      setProgress,
    );
    setBusy(null);
    if ('error' in answer) {
      setMessage({ text: answer.error.message, failed: true });
      return;
    }
    const { result } = answer;
    setPreview(result);
    if (mode === 'preview') setMessage({ text: summary(result, 'Förhandsgranskning'), failed: false });
    else if (result.committed) setMessage({ text: summary(result, 'Importerat'), failed: false });
    else setMessage({ text: result.refusal?.message ?? 'Inget importerades.', failed: true });
  }

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    reset();
  };
  /** The upload's progress while it runs, and the status line. */
  const statusView = (
    <>
      {progress && busy && <UploadProgressView progress={progress} unit="rader" />}
      <p ref={status} tabIndex={-1} role="status" className={message?.failed ? 'error' : undefined}>
        {message?.text}
      </p>
    </>
  );
  return { file, chooseFile, busy, preview, reset, send, statusView };
}

/** An import page for anyone but an administratör: whose it is, and a way to sign in. */
export function AdministratorsOnly({
  title,
  path,
  signedIn,
}: {
  title: string;
  path: string;
  signedIn: boolean;
}) {
  return (
    <main>
      <h1>{title}</h1>
      {signedIn ? (
        <p>Bara en administratör kan importera.</p>
      ) : (
        <p>
          <Link href={`/logga-in?till=${encodeURIComponent(path)}`}>Logga in</Link> som administratör för att
          importera.
        </p>
      )}
    </main>
  );
}
