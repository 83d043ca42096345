import { describe, expect, it } from 'vitest';
import * as edit from '../../../../simulators/terminal/line-editor';
import { splitKeys } from '../../../../simulators/terminal/keys';

const at = (text: string, cursor = text.length) => ({ ...edit.emptyLine(0), text, cursor });

describe('line editor', () => {
  it('inserts at the cursor and deletes either side of it', () => {
    expect(edit.insert(at('ech', 3), 'o')).toMatchObject({ text: 'echo', cursor: 4 });
    expect(edit.insert(at('eco', 2), 'h')).toMatchObject({ text: 'echo', cursor: 3 });
    expect(edit.backspace(at('echo', 2))).toMatchObject({ text: 'eho', cursor: 1 });
    expect(edit.backspace(at('echo', 0))).toMatchObject({ text: 'echo', cursor: 0 });
    expect(edit.deleteForward(at('echo', 1))).toMatchObject({ text: 'eho', cursor: 1 });
    expect(edit.deleteForward(at('echo', 4))).toMatchObject({ text: 'echo', cursor: 4 });
  });

  it('kills like readline and yanks the killed text back', () => {
    const killedWord = edit.killWordBefore(at('echo one  two', 13));
    expect(killedWord).toMatchObject({ text: 'echo one  ', cursor: 10, killed: 'two' });
    expect(edit.yank(killedWord)).toMatchObject({ text: 'echo one  two' });
    expect(edit.killToStart(at('echo one', 5))).toMatchObject({ text: 'one', cursor: 0, killed: 'echo ' });
    expect(edit.killToEnd(at('echo one', 4))).toMatchObject({ text: 'echo', killed: ' one' });
  });

  it('moves by words and clamps moves to the line', () => {
    expect(edit.wordLeft(at('git commit --amend', 18)).cursor).toBe(13);
    expect(edit.wordRight(at('git commit --amend', 0)).cursor).toBe(3);
    expect(edit.moveTo(at('abc'), 99).cursor).toBe(3);
    expect(edit.moveTo(at('abc'), -1).cursor).toBe(0);
  });

  it('browses history and returns to the draft', () => {
    const history = ['ls', 'pwd'];
    let s = { ...at('ec'), historyIndex: 2 };
    s = edit.historyPrev(s, history);
    expect(s.text).toBe('pwd');
    s = edit.historyPrev(s, history);
    expect(s.text).toBe('ls');
    expect(edit.historyPrev(s, history).text).toBe('ls');
    s = edit.historyNext(edit.historyNext(s, history), history);
    expect(s).toMatchObject({ text: 'ec', cursor: 2 });
  });

  it('caps a line so a giant paste cannot grow without end', () => {
    const s = edit.insert(at(''), 'x'.repeat(edit.MAX_LINE + 10));
    expect(s.text.length).toBe(edit.MAX_LINE);
    expect(edit.insert(s, 'y').text.length).toBe(edit.MAX_LINE);
  });
});

describe('key splitting', () => {
  it('keeps printable runs together and names escape sequences', () => {
    expect(splitKeys('ls -l\r').map((k) => k.kind)).toEqual(['text', 'enter']);
    expect(splitKeys('\x1b[A\x1bOB\x1b[3~\x1b[H\x1b[1;5D').map((k) => (k.kind === 'named' ? k.name : k.kind))).toEqual(['up', 'down', 'delete', 'home', 'wordLeft']);
    expect(splitKeys('\x01\x7f\t').map((k) => (k.kind === 'control' ? `^${k.char}` : k.kind))).toEqual(['^a', 'backspace', 'tab']);
  });

  it('treats CR LF as one Enter and keeps the raw bytes of every key', () => {
    const keys = splitKeys('a\r\nb\nc');
    expect(keys.map((k) => k.kind)).toEqual(['text', 'enter', 'text', 'enter', 'text']);
    expect(keys.map((k) => k.raw).join('')).toBe('a\r\nb\nc');
  });

  it('ignores unknown sequences and bracketed-paste markers instead of typing them', () => {
    const keys = splitKeys('\x1b[200~pasted\x1b[201~\x1b[99~');
    expect(keys.map((k) => k.kind)).toEqual(['ignored', 'text', 'ignored', 'ignored']);
  });
});
