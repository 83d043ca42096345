'use client';
// What the learner must know about their saved progress (a damaged entry set aside, a full
// storage), shown where it cannot be missed and dismissed by hand.
import { loadProgress, useProgress } from '@/components/progress/use-progress';

export function Notices() {
  const notices = useProgress((s) => s.notices);
  return (
    <div aria-live="polite" className="fixed bottom-4 left-4 z-[60] flex max-w-md flex-col gap-2">
      {notices.map((n) => (
        <div key={n.id} role="status" className="flex items-start gap-3 rounded-lg border border-amber-600 bg-amber-50 p-3 text-sm text-slate-900 shadow-lg dark:border-amber-400 dark:bg-slate-900 dark:text-slate-100" data-notice>
          <p className="flex-1">{n.text}</p>
          <button
            type="button"
            onClick={() => void loadProgress().then((store) => store.dismiss(n.id))}
            className="rounded px-2 py-0.5 font-medium text-amber-900 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-harbor-600 dark:text-amber-200 dark:hover:bg-slate-800"
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
