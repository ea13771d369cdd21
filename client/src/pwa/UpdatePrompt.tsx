import { useEffect, useState } from 'react';
import { registerSW } from 'virtual:pwa-register';

/**
 * The app shell is precached by the service worker; a new version waits until the reader
 * chooses to reload, so nobody loses their place (or an edit) to an update.
 */
export function UpdatePrompt() {
  const [update, setUpdate] = useState<(() => Promise<void>) | null>(null);
  useEffect(() => {
    const updateSW = registerSW({ onNeedRefresh: () => setUpdate(() => () => updateSW(true)) });
  }, []);
  if (!update) return null;
  return (
    <div className="update-prompt no-print" role="status">
      <p>En ny version av appen finns.</p>
      <button type="button" className="button" onClick={() => void update()}>
        Uppdatera
      </button>
      <button type="button" className="button secondary" onClick={() => setUpdate(null)}>
        Senare
      </button>
    </div>
  );
}
