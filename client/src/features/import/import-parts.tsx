/**
 * What the administratör's import pages share: the periods that can be imported into (a
 * period a published report covers cannot), and the progress of an upload.
 */
import { useQuery } from '@apollo/client/react';
import { useId, useMemo } from 'react';
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

/** A select of the periods, the published ones shown and disabled. */
export function PeriodOptions({
  periods,
  published,
}: {
  periods: readonly { id: string; label: string }[];
  published: ReadonlySet<string>;
}) {
  return periods.map((p) => (
    <option key={p.id} value={p.id} disabled={published.has(p.id)}>
      {p.label}
      {published.has(p.id) ? ' (publicerad, kan inte ändras)' : ''}
    </option>
  ));
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
