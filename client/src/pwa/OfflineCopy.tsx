import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { useStoredReport } from './useKeepOffline';

const size = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/**
 * Whether a published report is on the device, and a way to keep it there ("Spara för
 * offline"): pinned reports stay when newer ones of the unit come.
 */
export function OfflineCopy({ reportId, latest }: { reportId: string; latest: boolean }) {
  const client = useApolloClient();
  const stored = useStoredReport(reportId);
  const [state, setState] = useState<'idle' | 'saving' | 'failed'>('idle');

  async function pin() {
    setState('saving');
    try {
      const { downloadReport } = await import('./report-download');
      await downloadReport(client, reportId, { pinned: true, latest });
      setState('idle');
    } catch {
      setState('failed');
    }
  }

  return (
    <div className="offline-copy no-print" aria-live="polite">
      {stored && (
        <p className="muted">
          Sparad på enheten för läsning utan uppkoppling ({size.format(stored.bytes / 1024)} kB)
          {stored.pinned ? ', sparad av dig.' : '.'}
        </p>
      )}
      {!stored?.pinned && (
        <button
          type="button"
          className="button secondary"
          disabled={state === 'saving'}
          onClick={() => void pin()}
        >
          {state === 'saving' ? 'Sparar för offline…' : 'Spara för offline'}
        </button>
      )}
      {state === 'failed' && (
        <p className="error">Det gick inte att spara rapporten. Försök igen med uppkoppling.</p>
      )}
    </div>
  );
}
