import { describe, expect, it } from 'vitest';
import { nanoContent } from '../../../../../simulators/shell/nano';
import { readText, writtenLineCount } from '../../../../../simulators/shell/nano/file';
import { KEY, open, type, typeAndWrite } from './helpers';

describe('nano reading and writing file text', () => {
  it('counts lines as nano does: a final newline adds no line', () => {
    expect(readText('a\nb\n').lineCount).toBe(2);
    expect(readText('a\nb').lineCount).toBe(2);
    expect(readText('').lineCount).toBe(0);
    expect(readText('\n').lineCount).toBe(1);
    expect(readText('one').lineCount).toBe(1);
  });

  it('says "Read N lines" (and "1 line") when opening', () => {
    expect(open('a\nb\nc\n').status?.text).toBe('Read 3 lines');
    expect(open('solo\n').status?.text).toBe('Read 1 line');
    expect(open('').status?.text).toBe('Read 0 lines');
    expect(open(null).status?.text).toBe('New File');
  });

  it('keeps the text byte for byte when saved unchanged', () => {
    expect(nanoContent(open('a\nb\n'))).toBe('a\nb\n');
    expect(nanoContent(open(''))).toBe('');
    expect(nanoContent(open('\n\n'))).toBe('\n\n');
  });

  it('adds the final newline a file lacks, like nano without --nonewlines', () => {
    expect(nanoContent(open('a\nb'))).toBe('a\nb\n');
  });

  it('ends typed text with a newline', () => {
    const { state } = type(open(null), 'hello');
    expect(nanoContent(state)).toBe('hello\n');
  });

  it('reports "Wrote N lines" without counting the final empty line', () => {
    const { state, effects } = typeAndWrite(open('a\nb\n'), KEY.ctrlO, KEY.enter);
    expect(effects[0]).toMatchObject({ type: 'write', content: 'a\nb\n' });
    expect(state.status?.text).toBe('Wrote 2 lines');
    expect(writtenLineCount(['x', ''])).toBe(1);
    expect(writtenLineCount([''])).toBe(0);
  });

  it('converts DOS line endings on reading and restores them on writing', () => {
    const state = open('one\r\ntwo\r\n');
    expect(state.lines).toEqual(['one', 'two', '']);
    expect(state.status?.text).toBe('Read 2 lines (Converted from DOS format)');
    expect(nanoContent(state)).toBe('one\r\ntwo\r\n');
  });

  it('converts Mac line endings too', () => {
    const state = open('one\rtwo\r');
    expect(state.lines).toEqual(['one', 'two', '']);
    expect(state.status?.text).toBe('Read 2 lines (Converted from Mac format)');
    expect(nanoContent(state)).toBe('one\rtwo\r');
  });

  it('keeps a stray carriage return inside a Unix file as a character', () => {
    expect(open('a\nb\rc\n').lines).toEqual(['a', 'b\rc', '']);
  });
});
