import type { Metadata } from 'next';
import { exerciseSummaries } from '@/lib/exercises';
import { PageBody } from '@/components/ui/PageBody';
import { ProgressPage } from '@/components/progress/ProgressPage';
import { shapeOf } from '@/components/progress/status';

export const metadata: Metadata = {
  title: 'Your progress',
  description: 'What you have done in Berth, kept in this browser; export it to a file or a link and import it elsewhere.',
};

export default function Progress() {
  const exercises = exerciseSummaries().map((e) => ({ ...shapeOf(e), title: e.title, href: `/exercises/${e.id}/`, chapter: `chapter ${e.chapter.number}` }));
  return (
    <PageBody>
      <ProgressPage exercises={exercises} />
    </PageBody>
  );
}
