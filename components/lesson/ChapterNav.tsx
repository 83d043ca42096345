import Link from 'next/link';

interface Neighbour {
  number: number;
  title: string;
  href: string;
  written: boolean;
}

/** Previous and next chapters in course order; an unwritten one is named but not linked. */
export function ChapterNav({ previous, next }: { previous?: Neighbour; next?: Neighbour }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Chapters" className="mt-12 grid max-w-3xl gap-3 border-t border-slate-200 pt-6 sm:grid-cols-2 dark:border-slate-800">
      {previous ? <NavCard neighbour={previous} direction="Previous" /> : <span />}
      {next ? <NavCard neighbour={next} direction="Next" /> : <span />}
    </nav>
  );
}

function NavCard({ neighbour, direction }: { neighbour: Neighbour; direction: 'Previous' | 'Next' }) {
  const align = direction === 'Next' ? 'sm:text-right' : '';
  const body = (
    <>
      <span className="block text-sm text-slate-600 dark:text-slate-400">
        {direction} · chapter {neighbour.number}
        {neighbour.written ? '' : ' (coming)'}
      </span>
      <span className="font-medium">{neighbour.title}</span>
    </>
  );
  if (!neighbour.written) {
    return <div className={`rounded-lg border border-dashed border-slate-300 p-4 text-slate-700 dark:border-slate-700 dark:text-slate-300 ${align}`}>{body}</div>;
  }
  return (
    <Link
      href={neighbour.href}
      rel={direction === 'Next' ? 'next' : 'prev'}
      className={`rounded-lg border border-slate-200 p-4 text-slate-900 hover:border-harbor-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-harbor-600 dark:border-slate-800 dark:text-white ${align}`}
    >
      {body}
    </Link>
  );
}
