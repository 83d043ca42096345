// The prompts at the bottom of the screen: "File Name to Write:" (with the write it leads to) and
// the Y/N questions "Save modified buffer?" and "Save file under DIFFERENT NAME?".
import type { NanoEffect, NanoQuestion, NanoState } from './types';
import { writeText, writtenLineCount } from './file';
import type { Key } from './keys';
import { setStatus } from './messages';
import { expandTilde, normalizePath, resolvePath } from './paths';
import { stepLeft, stepRight } from './text';

export function openWritePrompt(s: NanoState, exiting: boolean): void {
  s.mode = 'write-prompt';
  s.question = null;
  s.prompt = {
    answer: s.displayName,
    cursor: s.displayName.length,
    exiting,
    mayChange: s.displayName === '',
  };
}

function backToEditing(s: NanoState): void {
  s.mode = 'editing';
  s.prompt = null;
  s.question = null;
}

function cancel(s: NanoState): void {
  backToEditing(s);
  setStatus(s, 'Cancelled', false);
}

/** Hands the buffer to the caller; the editor waits in 'writing' until nanoWriteResult. */
export function startWrite(s: NanoState, name: string, path: string, exiting: boolean, effects: NanoEffect[]): void {
  const displayName = expandTilde(name, s.home);
  s.writing = { path, displayName, lineCount: writtenLineCount(s.lines), exiting };
  backToEditing(s);
  s.mode = 'writing';
  setStatus(s, 'Writing...', false);
  effects.push({ type: 'write', path, displayName, content: writeText(s.lines, s.format) });
}

/** Enter at "File Name to Write:". */
function acceptFileName(s: NanoState, effects: NanoEffect[]): void {
  const prompt = s.prompt!;
  // An empty answer cancels, as in nano.
  if (prompt.answer === '') return cancel(s);
  const path = resolvePath(prompt.answer, s.cwd, s.home);
  // Saving a named buffer under another name needs a confirmation first.
  if (!prompt.mayChange && path !== normalizePath(s.path)) {
    s.mode = 'yesno';
    s.question = 'different-name';
    return;
  }
  startWrite(s, prompt.answer, path, prompt.exiting, effects);
}

function answerQuestion(s: NanoState, answer: 'yes' | 'no' | 'cancel', effects: NanoEffect[]): void {
  const question = s.question as NanoQuestion;
  if (question === 'save-modified') {
    if (answer === 'yes') openWritePrompt(s, true);
    else if (answer === 'no') {
      backToEditing(s);
      s.mode = 'exited';
      effects.push({ type: 'exit' });
    } else cancel(s);
    return;
  }
  // "Save file under DIFFERENT NAME?": anything but Yes goes back to the file-name prompt.
  s.question = null;
  s.mode = 'write-prompt';
  if (answer === 'yes') {
    s.prompt!.mayChange = true;
    acceptFileName(s, effects);
  }
}

/** Line editing in the file-name prompt. */
export function promptKey(s: NanoState, key: Key, effects: NanoEffect[]): void {
  const p = s.prompt!;
  if (key.kind === 'text' || key.kind === 'paste') {
    // During a paste at a prompt nano ignores line breaks and other commands.
    const text = key.text.replace(/[\n\t]/g, '');
    p.answer = p.answer.slice(0, p.cursor) + text + p.answer.slice(p.cursor);
    p.cursor += text.length;
    return;
  }
  if (key.kind !== 'key') return;
  switch (key.name) {
    case 'enter':
      return acceptFileName(s, effects);
    case '^C':
      return cancel(s);
    case 'backspace':
      if (p.cursor > 0) {
        const from = stepLeft(p.answer, p.cursor);
        p.answer = p.answer.slice(0, from) + p.answer.slice(p.cursor);
        p.cursor = from;
      }
      return;
    case 'delete': case '^D':
      p.answer = p.answer.slice(0, p.cursor) + p.answer.slice(stepRight(p.answer, p.cursor));
      return;
    case 'left': case '^B':
      p.cursor = stepLeft(p.answer, p.cursor);
      return;
    case 'right': case '^F':
      p.cursor = stepRight(p.answer, p.cursor);
      return;
    case 'home': case '^A':
      p.cursor = 0;
      return;
    case 'end': case '^E':
      p.cursor = p.answer.length;
      return;
    case '^K':
      // Cutting at a prompt erases the whole answer.
      p.answer = '';
      p.cursor = 0;
      return;
    case 'M-d':
      s.format = s.format === 'dos' ? 'unix' : 'dos';
      return;
    case 'M-m':
      s.format = s.format === 'mac' ? 'unix' : 'mac';
      return;
  }
}

export function questionKey(s: NanoState, key: Key, effects: NanoEffect[]): void {
  if (key.kind === 'text') {
    const ch = key.text[0];
    if (ch === 'y' || ch === 'Y') answerQuestion(s, 'yes', effects);
    else if (ch === 'n' || ch === 'N') answerQuestion(s, 'no', effects);
    return;
  }
  if (key.kind !== 'key') return;
  if (key.name === '^Y') answerQuestion(s, 'yes', effects);
  else if (key.name === '^N') answerQuestion(s, 'no', effects);
  else if (key.name === '^C') answerQuestion(s, 'cancel', effects);
}
