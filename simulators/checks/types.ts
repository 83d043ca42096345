// Exercises and their checks, as data. A state check is proved by the world and the record of
// commands, never by what the terminal printed; a quiz checks what no state can prove.
import type { World } from '../world';

/** What a state check reads: the world now, and helpers over it and the record of commands. */
export type Predicate = (world: World) => boolean;

export interface StateCheck {
  id: string;
  kind: 'state';
  /** What the learner sees beside the box: what must be true. */
  label: string;
  passes: Predicate;
}

export interface QuizAnswer {
  text: string;
  correct: boolean;
  /** Why this answer is right or wrong, shown once it is chosen. */
  why: string;
}

export interface QuizCheck {
  id: string;
  kind: 'quiz';
  label: string;
  question: string;
  answers: QuizAnswer[];
}

export type Check = StateCheck | QuizCheck;

export interface Exercise {
  /** Stable forever: instructors link to it (/exercises/<id>). */
  id: string;
  title: string;
  /** The chapter's slug (content/course.ts). */
  chapter: string;
  /** The starting world (simulators/scenarios). */
  scenario: string;
  /** One sentence: what the learner will have done. */
  goal: string;
  steps: string[];
  hints: string[];
  /** Command lines that do the exercise, in order; they pass every state check. */
  solution: string[];
  checks: Check[];
}
