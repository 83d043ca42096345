// The shapes shared by the nano simulator: what the caller passes in, the state it keeps between
// keystrokes, and the effects it must carry out. The state is plain data (strings, numbers,
// booleans, arrays) so it can be stored, compared and serialised like the rest of the world.

export interface NanoOptions {
  /** Absolute path of the file (used when writing). */
  path: string;
  /** The name as the user typed it: shown in the title bar and offered at "File Name to Write:". */
  displayName: string;
  /** The file's text, or null for a file that does not exist yet ("[ New File ]"). */
  content: string | null;
  cols: number;
  rows: number;
  /**
   * Directory that relative names typed at the prompt are resolved against. When left out it is
   * worked out from `path` and `displayName` (`/home/u/notes.txt` + `notes.txt` gives `/home/u`),
   * so pass it for a nameless buffer (`nano` with no file name).
   */
  cwd?: string;
  /** Home directory, for names typed as `~/...` at the prompt. */
  home?: string;
}

/** What the editor is doing, which decides what keys mean and what the bottom three rows show. */
export type NanoMode =
  | 'editing' // the text has the keyboard
  | 'write-prompt' // "File Name to Write:" (^O, ^S on a nameless buffer, or Y after ^X)
  | 'yesno' // a Y/N question ("Save modified buffer?", "Save file under DIFFERENT NAME?")
  | 'writing' // a write effect was emitted; waiting for nanoWriteResult
  | 'help' // the ^G help viewer
  | 'exited'; // the editor has closed; further input is ignored

/** nano's line-ending formats: it converts DOS/Mac files on reading and restores them on writing. */
export type LineFormat = 'unix' | 'dos' | 'mac';

export interface NanoStatus {
  text: string;
  /** Errors (nano's AHEM/ALERT messages) are drawn bold white on red instead of reverse video. */
  alert: boolean;
}

/** The "File Name to Write:" prompt. */
export interface NanoWritePrompt {
  answer: string;
  /** Cursor position in `answer` (a string index, always on a code-point boundary). */
  cursor: number;
  /** Reached through ^X and "Y": close the editor once the write succeeds. */
  exiting: boolean;
  /** True once writing under another name is allowed (nameless buffer, or the user said Y). */
  mayChange: boolean;
}

export type NanoQuestion = 'save-modified' | 'different-name';

/** A write that has been handed to the caller and not answered yet. */
export interface NanoPendingWrite {
  path: string;
  displayName: string;
  lineCount: number;
  exiting: boolean;
}

export interface NanoState {
  /**
   * The buffer, one string per line. Like nano (without --nonewlines) the last line is always
   * empty: the "magic line" that stands for the file's final newline.
   */
  lines: string[];
  /** Cursor line (index into `lines`). */
  row: number;
  /** Cursor position within the line: a string index on a code-point boundary. */
  col: number;
  /** The display column up/down/page movements aim for (nano's placewewant). */
  placewewant: number;
  /** The first buffer line shown in the edit window (nano's edittop). */
  topRow: number;
  modified: boolean;
  mode: NanoMode;
  prompt: NanoWritePrompt | null;
  question: NanoQuestion | null;
  status: NanoStatus | null;
  /** Keystrokes left before the status message is wiped (nano blanks it after 20). */
  statusBlank: number;
  /** Cut buffer as text ("a\nb\n" is two whole lines); null when nothing was ever cut. */
  cutBuffer: string | null;
  /** Whether the next ^K adds to the cut buffer (only directly after another ^K). */
  keepCut: boolean;
  path: string;
  displayName: string;
  cwd: string;
  home: string | null;
  format: LineFormat;
  cols: number;
  rows: number;
  /** First line of the help text shown by the help viewer. */
  helpTop: number;
  writing: NanoPendingWrite | null;
  /** Input that arrived while a write was pending; it is replayed after nanoWriteResult. */
  pendingInput: string;
  /** Inside a bracketed paste that continues in the next chunk of input. */
  inPaste: boolean;
}

export type NanoEffect =
  | { type: 'write'; path: string; displayName: string; content: string }
  | { type: 'exit' };

export type NanoWriteOutcome = { ok: true } | { ok: false; error: string };

export interface NanoStep {
  state: NanoState;
  effects: NanoEffect[];
}
