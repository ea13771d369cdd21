import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { onStoredReportsChange, storedReport, type StoredReport } from './offline-store';

/**
 * Keeps the latest published report of the unit being read on the device, in the
 * background once the page has shown: a politician who opened it once can read it offline.
 */
export function useKeepOffline(reportId: string | undefined) {
  const client = useApolloClient();
  useEffect(() => {
    if (!reportId || !navigator.onLine) return;
    const timer = setTimeout(() => {
      void import('./report-download').then((m) => m.keepLatest(client, reportId));
    }, 300);
    return () => clearTimeout(timer);
  }, [client, reportId]);
}

/** The stored copy of a report, kept up to date as downloads finish. */
export function useStoredReport(reportId: string): StoredReport | undefined {
  const [stored, setStored] = useState<StoredReport>();
  useEffect(() => {
    let current = true;
    const read = () => void storedReport(reportId).then((r) => current && setStored(r));
    read();
    const stop = onStoredReportsChange(read);
    return () => {
      current = false;
      stop();
    };
  }, [reportId]);
  return stored;
}
