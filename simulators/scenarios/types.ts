// A named starting world, as data: which files exist, where the learner stands, what is already
// running. Builders in this folder turn one into a World.

export interface ScenarioSpec {
  id: string;
  title: string;
  /** Files to create, by absolute path (parents are made as needed), owned by the learner under $HOME. */
  files?: Record<string, string>;
  /** Where the shell starts; the home directory by default. */
  cwd?: string;
  /**
   * Commands run once when the world is made (e.g. building an image a chapter starts with). They
   * must succeed; the learner's history starts empty after them.
   */
  setup?: string[];
  /** Simulated time that passes after the setup, so what it made looks a few minutes old. */
  settleMs?: number;
}
