// The status bar message: set by commands, wiped by nano after 20 more keystrokes in the editor
// (its statusblank counter), or straight away by cutting and pasting.
import type { NanoState } from './types';

/** nano keeps a message up for this many keystrokes (without --quickblank). */
export const MESSAGE_KEYSTROKES = 20;

export function setStatus(s: NanoState, text: string, alert: boolean): void {
  s.status = { text, alert };
  s.statusBlank = MESSAGE_KEYSTROKES;
}

export function wipeStatus(s: NanoState): void {
  s.status = null;
  s.statusBlank = 0;
}

/** Counts `keystrokes` keys read by the edit window; the message goes when the count runs out. */
export function countKeystrokes(s: NanoState, keystrokes: number): void {
  if (s.statusBlank <= 0) return;
  s.statusBlank = Math.max(0, s.statusBlank - keystrokes);
  if (s.statusBlank === 0) s.status = null;
}
