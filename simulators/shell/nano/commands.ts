// What keys do in the edit window and in the help viewer (nano's main and help menus).
import type { NanoEffect, NanoState } from './types';
import {
  backspace, cursorReport, cutLine, deleteChar, moveDown, moveEnd, moveHome, moveLeft, moveRight,
  moveUp, nextWord, pageMove, pasteCut, prevWord, toFirstLine, toLastLine,
} from './buffer';
import { helpLineCount } from './help';
import type { Key } from './keys';
import { countKeystrokes, setStatus, wipeStatus } from './messages';
import { openWritePrompt, startWrite } from './prompts';
import { editRowsOf, scrollToCursor } from './view';

/** Commands nano has that this simulator does not: a notice beats a key that silently does nothing. */
const NOT_AVAILABLE: Record<string, string> = {
  '^R': 'Read File', insert: 'Read File', f5: 'Read File',
  '^W': 'Where Is', f6: 'Where Is', '^Q': 'Where Was', 'M-q': 'Previous', 'M-w': 'Next',
  '^\\': 'Replace', 'M-r': 'Replace', '^T': 'Execute', f4: 'Justify', 'M-j': 'Full Justify',
  '^_': 'Go To Line', 'M-g': 'Go To Line', 'M-u': 'Undo', 'M-e': 'Redo',
  'M-a': 'Set Mark', '^^': 'Set Mark', 'M-6': 'Copy', 'M-^': 'Copy', 'M-]': 'To Bracket',
  'M-t': 'Cut Till End', 'M-d': 'Word Count', 'M-v': 'Verbatim', '^Z': 'Suspend',
  '^]': 'Complete', 'M-3': 'Comment Lines', 'M-}': 'Indent', 'M-{': 'Unindent', f12: 'Spell Check',
};

const MOVES: Record<string, (s: NanoState) => void> = {
  up: moveUp, '^P': moveUp, down: moveDown, '^N': moveDown,
  left: moveLeft, '^B': moveLeft, right: moveRight, '^F': moveRight,
  home: moveHome, '^A': moveHome, end: moveEnd, '^E': moveEnd,
  'ctrl-home': toFirstLine, 'M-\\': toFirstLine, 'ctrl-end': toLastLine, 'M-/': toLastLine,
  'ctrl-left': prevWord, 'M- ': prevWord, 'ctrl-right': nextWord, '^@': nextWord,
  backspace: backspace, delete: deleteChar, '^D': deleteChar,
};

export function editingKey(s: NanoState, name: string, effects: NanoEffect[]): void {
  countKeystrokes(s, 1);
  const cutting = name === '^K' || name === 'f9';
  if (!cutting) s.keepCut = false;

  const move = MOVES[name];
  if (move) {
    move(s);
    scrollToCursor(s);
    return;
  }
  switch (name) {
    case 'pageup': case '^Y': case 'f7':
      return pageMove(s, -1);
    case 'pagedown': case '^V': case 'f8':
      return pageMove(s, 1);
    case '^K': case 'f9':
      cutLine(s);
      return scrollToCursor(s);
    case '^U': case 'f10':
      pasteCut(s);
      return scrollToCursor(s);
    case '^O': case 'f3':
      return openWritePrompt(s, false);
    case '^S':
      // Save without asking for a name, when the buffer has one.
      if (s.displayName === '') return openWritePrompt(s, false);
      return startWrite(s, s.displayName, s.path, false, effects);
    case '^X': case 'f2':
      if (!s.modified) {
        s.mode = 'exited';
        effects.push({ type: 'exit' });
        return;
      }
      s.mode = 'yesno';
      s.question = 'save-modified';
      return;
    case '^C': case 'f11':
      return setStatus(s, cursorReport(s), false);
    case '^G': case 'f1':
      s.mode = 'help';
      s.helpTop = 0;
      return;
    default:
      if (NOT_AVAILABLE[name]) setStatus(s, `${NOT_AVAILABLE[name]} is not available in this simulator`, false);
  }
}

export function helpKey(s: NanoState, key: Key): void {
  const name = key.kind === 'key' ? key.name : key.kind === 'text' ? key.text[0] : '';
  const editRows = editRowsOf(s);
  const page = editRows < 3 ? 1 : editRows - 2;
  const last = Math.max(0, helpLineCount(s.cols) - editRows);
  switch (name) {
    case 'up': case '^P': s.helpTop--; break;
    case 'down': case '^N': s.helpTop++; break;
    case 'pageup': case '^Y': case 'backspace': case 'f7': s.helpTop -= page; break;
    case 'pagedown': case '^V': case ' ': case 'f8': s.helpTop += page; break;
    case 'home': case 'ctrl-home': case 'M-\\': s.helpTop = 0; break;
    case 'end': case 'ctrl-end': case 'M-/': s.helpTop = last; break;
    case '^X': case '^C': case '^G': case 'f1': case 'f2':
      s.mode = 'editing';
      wipeStatus(s);
      return;
  }
  s.helpTop = Math.max(0, Math.min(s.helpTop, last));
}
