import { describe, expect, it } from 'vitest';
import { readKey, type Key } from '../../../../../simulators/shell/nano/keys';

/** All keys in a chunk, in order. */
function keysOf(data: string): Key[] {
  const keys: Key[] = [];
  let pos = 0;
  let inPaste = false;
  while (pos < data.length) {
    const read = readKey(data, pos, inPaste);
    keys.push(read.key);
    pos = read.next;
    inPaste = read.inPaste;
  }
  return keys;
}

const names = (data: string) =>
  keysOf(data).map((k) => (k.kind === 'key' ? k.name : k.kind === 'none' ? '-' : `${k.kind}:${k.text}`));

describe('nano key reader', () => {
  it('reads a run of printable text as one key', () => {
    expect(names('hello world')).toEqual(['text:hello world']);
  });

  it('splits text at control keys and line breaks', () => {
    expect(names('ab\rcd\x7fe\tf')).toEqual(['text:ab', 'enter', 'text:cd', 'backspace', 'text:e', 'tab', 'text:f']);
  });

  it('treats CR LF and a bare LF as one Enter each', () => {
    expect(names('a\r\nb\nc')).toEqual(['text:a', 'enter', 'text:b', 'enter', 'text:c']);
  });

  it('names the control keys nano uses', () => {
    expect(names('\x0f\x18\x0b\x15\x03\x07\x01\x05\x13\x08')).toEqual([
      '^O', '^X', '^K', '^U', '^C', '^G', '^A', '^E', '^S', 'backspace',
    ]);
  });

  it('reads CSI and SS3 cursor keys', () => {
    expect(names('\x1b[A\x1b[B\x1b[C\x1b[D\x1bOA\x1bOB\x1bOC\x1bOD')).toEqual([
      'up', 'down', 'right', 'left', 'up', 'down', 'right', 'left',
    ]);
  });

  it('reads Home, End, PageUp, PageDown and Delete in all their spellings', () => {
    expect(names('\x1b[H\x1bOH\x1b[1~\x1b[7~')).toEqual(['home', 'home', 'home', 'home']);
    expect(names('\x1b[F\x1bOF\x1b[4~\x1b[8~')).toEqual(['end', 'end', 'end', 'end']);
    expect(names('\x1b[5~\x1b[6~\x1b[3~\x1b[2~')).toEqual(['pageup', 'pagedown', 'delete', 'insert']);
  });

  it('reads Ctrl+arrows and function keys', () => {
    expect(names('\x1b[1;5C\x1b[1;5D\x1b[1;5H\x1b[1;5F')).toEqual(['ctrl-right', 'ctrl-left', 'ctrl-home', 'ctrl-end']);
    expect(names('\x1bOP\x1bOQ\x1b[15~\x1b[24~')).toEqual(['f1', 'f2', 'f5', 'f12']);
  });

  it('reads Alt+key as a Meta key', () => {
    expect(names('\x1b\\\x1b/\x1bU')).toEqual(['M-\\', 'M-/', 'M-u']);
  });

  it('swallows unknown and malformed escape sequences whole', () => {
    expect(names('a\x1b[99;99zb')).toEqual(['text:a', '-', 'text:b']);
    expect(names('\x1b[<0;3;4M')).toEqual(['-']); // SGR mouse report
    expect(names('\x1b[Mabc')).toEqual(['-']); // X10 mouse report: three raw bytes
    expect(names('\x1b[1;3A')).toEqual(['-']); // Alt+Up is not ours
    expect(names('x\x1b[')).toEqual(['text:x', '-']); // cut short
    expect(names('\x1b')).toEqual(['-']);
  });

  it('reads a bracketed paste, even across chunks', () => {
    expect(names('\x1b[200~one\r\ntwo\x1b[201~!')).toEqual(['paste:one\ntwo', 'text:!']);
    const first = readKey('\x1b[200~abc', 0, false);
    expect(first.inPaste).toBe(true);
    const second = readKey('def\x1b[201~', 0, true);
    expect(second.key).toEqual({ kind: 'paste', text: 'def' });
    expect(second.inPaste).toBe(false);
  });
});
