// A small, faithful clone of GNU nano 7.2 as a pure state machine: keys in, screen out.
//
//   let state = openNano({ path, displayName, content, cols, rows });
//   write(ENTER_ALT_SCREEN + renderNano(state));
//   on input: ({ state, effects } = nanoInput(state, data)); write(renderNano(state));
//     effect 'write' → write the file, then nanoWriteResult(state, { ok } | { ok: false, error });
//     effect 'exit'  → write(LEAVE_ALT_SCREEN) and hand the terminal back to the shell.
export type {
  LineFormat, NanoEffect, NanoMode, NanoOptions, NanoPendingWrite, NanoQuestion, NanoState,
  NanoStatus, NanoStep, NanoWriteOutcome, NanoWritePrompt,
} from './types';
export { openNano, nanoInput, nanoWriteResult, nanoResize, nanoContent } from './editor';
export { renderNano } from './render';

export const ENTER_ALT_SCREEN = '\x1b[?1049h';
export const LEAVE_ALT_SCREEN = '\x1b[?1049l';
