// Exercises as the pages need them: plain data a client component can take as props. The checks'
// predicates stay behind (they load with the terminal), so no page ships the simulator up front.
import { exercises } from '@/content/exercises';
import { chapters } from './course';

export interface CheckSummary {
  id: string;
  kind: 'state' | 'quiz';
  label: string;
  question?: string;
  answers?: { text: string; correct: boolean; why: string }[];
}

export interface ExerciseSummary {
  id: string;
  title: string;
  chapter: { slug: string; title: string; number: number; href: string };
  scenario: string;
  goal: string;
  steps: string[];
  hints: string[];
  solution: string[];
  checks: CheckSummary[];
}

export function exerciseSummaries(): ExerciseSummary[] {
  const all = chapters();
  return exercises.map((e) => {
    const chapter = all.find((c) => c.slug === e.chapter)!;
    return {
      id: e.id,
      title: e.title,
      chapter: { slug: chapter.slug, title: chapter.title, number: chapter.number, href: chapter.href },
      scenario: e.scenario,
      goal: e.goal,
      steps: e.steps,
      hints: e.hints,
      solution: e.solution,
      checks: e.checks.map((c) => (c.kind === 'quiz' ? { id: c.id, kind: c.kind, label: c.label, question: c.question, answers: c.answers } : { id: c.id, kind: c.kind, label: c.label })),
    };
  });
}

export const exerciseSummary = (id: string): ExerciseSummary | undefined => exerciseSummaries().find((e) => e.id === id);

export const exerciseIds = (): string[] => exercises.map((e) => e.id);
