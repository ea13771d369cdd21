import { useOfflineState } from './offline-status';

/** Says plainly when the app reads from the device, and which report it shows. */
export function OfflineBanner() {
  const { online, servedFrom } = useOfflineState();
  if (online && !servedFrom) return null;
  let text = 'Offline – visar det som finns sparat på enheten.';
  if (servedFrom?.publishedAt) text = `Offline – visar rapport publicerad ${servedFrom.publishedAt}`;
  else if (servedFrom) text = `Offline – visar rapport ”${servedFrom.title}” (publiceringsdatum saknas)`;
  return (
    <p className="offline-banner no-print" role="status">
      {text}
    </p>
  );
}
