import type { ReactNode } from 'react';

/** The reading width of a page that has no workbench (home, lists, progress). */
export function PageBody({ children }: { children: ReactNode }) {
  return <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6 sm:py-12">{children}</div>;
}
