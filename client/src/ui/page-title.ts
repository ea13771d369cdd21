import { useEffect } from 'react';

const APP = 'Uppföljning';

/**
 * The document title names what the page shows, most specific first, so that tabs, history
 * and a screen reader's announcement of the page tell one page from another. A name undefined while
 * the page's data is still on its way: the title then waits rather than saying something wrong.
 */
export function usePageTitle(name: string | undefined, ...details: (string | null | undefined | false)[]) {
  const title = name === undefined ? undefined : [name, ...details, APP].filter(Boolean).join(' – ');
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}

/** A page whose title is fixed: the router names it. */
export function PageTitle({ title }: { title: string }) {
  usePageTitle(title);
  return null;
}
