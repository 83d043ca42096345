import type { ReactNode } from 'react';

/**
 * An optional aside the learner opens on request: `<Details summary="...">text</Details>`. For what
 * a lesson offers but does not need (a tour, an extra), so the main path stays short.
 */
export function Details({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="not-prose my-6 rounded-lg border border-slate-200 px-4 py-3 dark:border-slate-800">
      <summary className="cursor-pointer font-semibold text-slate-900 dark:text-white">{summary}</summary>
      <div className="prose prose-slate mt-3 max-w-none dark:prose-invert prose-code:before:content-none prose-code:after:content-none">{children}</div>
    </details>
  );
}
