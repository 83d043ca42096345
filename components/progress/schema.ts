// What Berth keeps in the browser, and the shapes it accepts when reading it back: progress (ticked
// checks, quiz answers) and each terminal's machine. Anything read from storage, a file or a link
// goes through these schemas first; what fails is dropped with a notice, never trusted.
// zod/mini: the same checks, tree-shaken, so saved progress costs the first page load little.
import { z } from 'zod/mini';

export const PROGRESS_KEY = 'berth:progress';
export const MACHINE_PREFIX = 'berth:machine:';
export const PROGRESS_VERSION = 1;
export const MACHINE_VERSION = 1;

/** Exercise, check and quiz ids: lowercase words joined by hyphens (never `__proto__`). */
const Id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/));
/** A terminal's storage key: `lesson:<slug>:<scenario>` or `exercise:<id>`. */
export const MachineKey = z.string().check(z.regex(/^(lesson|exercise):[a-z0-9][a-z0-9:-]{0,127}$/));

export const ExerciseProgress = z.object({
  /** State checks the machine proved, in the order they ticked. */
  checks: z.array(Id).check(z.maxLength(64)),
  /** The answer chosen for each quiz, by its index. */
  quizzes: z.record(Id, z.number().check(z.int(), z.minimum(0), z.maximum(31))),
});
export type ExerciseProgress = z.infer<typeof ExerciseProgress>;

export const Progress = z.object({
  version: z.literal(PROGRESS_VERSION),
  exercises: z.record(Id, ExerciseProgress),
});
export type Progress = z.infer<typeof Progress>;

/** The most a saved machine may hold; save() of a busy machine is far below it. */
export const MACHINE_LIMIT = 2_000_000;

export const SavedMachine = z.object({
  version: z.literal(MACHINE_VERSION),
  /** session.save()'s text; the simulator validates it again when it loads it. */
  world: z.string().check(z.maxLength(MACHINE_LIMIT)),
  /** The terminal's scrollback as xterm's serialize addon wrote it. */
  screen: z.string().check(z.maxLength(MACHINE_LIMIT)),
  savedAt: z.number().check(z.int(), z.minimum(0)),
});
export type SavedMachine = z.infer<typeof SavedMachine>;

/** An exported file: progress and, when the file has room, every machine. */
export const ExportFile = z.object({
  berth: z.literal('progress'),
  version: z.literal(PROGRESS_VERSION),
  exportedAt: z.string().check(z.maxLength(64)),
  progress: Progress,
  machines: z.optional(z.record(MachineKey, SavedMachine)),
});
export type ExportFile = z.infer<typeof ExportFile>;

