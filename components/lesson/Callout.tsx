import type { ReactNode } from 'react';

const STYLES = {
  note: 'border-harbor-600 bg-harbor-50 dark:border-harbor-300 dark:bg-slate-900',
  tip: 'border-emerald-600 bg-emerald-50 dark:border-emerald-400 dark:bg-slate-900',
  warning: 'border-amber-600 bg-amber-50 dark:border-amber-400 dark:bg-slate-900',
} as const;

const LABELS = { note: 'Note', tip: 'Tip', warning: 'Watch out' } as const;

/** A boxed aside in a lesson: `<Callout kind="tip" title="...">text</Callout>`. */
export function Callout({ kind = 'note', title, children }: { kind?: keyof typeof STYLES; title?: string; children: ReactNode }) {
  const style = STYLES[kind] ?? STYLES.note;
  return (
    <aside className={`not-prose my-6 rounded-r-lg border-l-4 px-4 py-3 ${style}`} aria-label={title ?? LABELS[kind] ?? 'Note'}>
      <p className="font-semibold text-slate-900 dark:text-white">{title ?? LABELS[kind] ?? 'Note'}</p>
      <div className="mt-1 text-slate-800 dark:text-slate-200 [&_code]:font-mono [&_code]:text-[0.9em] [&_p]:mt-2 first:[&_p]:mt-0">{children}</div>
    </aside>
  );
}
