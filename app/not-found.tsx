import Link from 'next/link';
import { PageBody } from '@/components/ui/PageBody';

export default function NotFound() {
  return (
    <PageBody>
      <div className="max-w-xl">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">Page not found</h1>
      <p className="mt-4 text-slate-700 dark:text-slate-300">
        There is no page at this address. The course map lists every chapter written so far.
      </p>
      <Link href="/" className="mt-6 inline-block text-harbor-700 underline dark:text-harbor-300">
        Back to the course
      </Link>
      </div>
    </PageBody>
  );
}
