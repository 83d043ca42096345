/** Thrown into a running body when the learner presses Ctrl-C (and, as WorkExhausted, when a line's work runs out). */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}
