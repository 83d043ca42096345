import Link from 'next/link';

interface Neighbour {
  number: number;
  title: string;
  href: string;
}

/**
 * Previous and next written chapters, so the way on never ends at a page that does not exist yet;
 * the unwritten chapters skipped in between are named as coming.
 */
export function ChapterNav({ previous, next, coming = [] }: { previous?: Neighbour; next?: Neighbour; coming?: Neighbour[] }) {
  if (!previous && !next && !coming.length) return null;
  return (
    <nav aria-label="Chapters" className="mt-12 border-t border-slate-200 pt-6 dark:border-slate-800">
      <div className="grid gap-3 sm:grid-cols-2">
        {previous ? <NavCard neighbour={previous} direction="Previous" /> : <span />}
        {next ? <NavCard neighbour={next} direction="Next" /> : <span />}
      </div>
      {coming.length > 0 && (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" data-coming>
          Coming later: {coming.map((c) => `chapter ${c.number}, ${c.title}`).join('; ')}.{' '}
          <Link href="/#chapters" className="underline hover:text-harbor-700 dark:hover:text-harbor-300">
            The course map
          </Link>{' '}
          shows what is written so far.
        </p>
      )}
    </nav>
  );
}

function NavCard({ neighbour, direction }: { neighbour: Neighbour; direction: 'Previous' | 'Next' }) {
  const align = direction === 'Next' ? 'sm:text-right' : '';
  return (
    <Link
      href={neighbour.href}
      rel={direction === 'Next' ? 'next' : 'prev'}
      className={`rounded-lg border border-slate-200 p-4 text-slate-900 hover:border-harbor-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-harbor-600 dark:border-slate-800 dark:text-white ${align}`}
    >
      <span className="block text-sm text-slate-600 dark:text-slate-400">
        {direction} · chapter {neighbour.number}
      </span>
      <span className="font-medium">{neighbour.title}</span>
    </Link>
  );
}
