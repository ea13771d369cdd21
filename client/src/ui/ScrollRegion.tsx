import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways inside itself on a phone. It can take keyboard focus
 * so that it can be scrolled without a pointer (WCAG 2.1.1), and it is named for screen
 * readers.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
