// How a line of text becomes screen cells in less: overstrikes, control characters, tabs, wide
// characters, and with -R the colour sequences.
import { describe, expect, it } from 'vitest';
import { applySgr, cellsOf, visibleText } from '../../../../../simulators/shell/pager/cells';

const look = (line: string, raw = false) => cellsOf(line, raw).cells.map((c) => `${c.ch}${c.style ? `{${c.style}}` : ''}${c.width === 2 ? '²' : ''}`).join('');

describe('cells of a line', () => {
  it('plain text is itself', () => {
    expect(look('hello')).toBe('hello');
  });

  it("nroff's overstrikes: X\\bX bold, _\\bX and X\\b_ underlined, both together", () => {
    expect(look('N\bNA\bAM\bME\bE')).toBe('N{1}A{1}M{1}E{1}');
    expect(look('_\bf_\bi_\bl_\be')).toBe('f{4}i{4}l{4}e{4}');
    expect(look('a\b_')).toBe('a{4}');
    expect(look('_\bx\bx')).toBe('x{4;1}');
    expect(visibleText('N\bNA\bAM\bME\bE _\bf')).toBe('NAME f');
  });

  it('control characters as ^X, ESC as ESC, in reverse video; tabs to the next multiple of 8', () => {
    expect(look('a\x01b\x7f')).toBe('a^{7}A{7}b^{7}?{7}');
    expect(look('\x1b[1mx')).toBe('E{7}S{7}C{7}[1mx');
    expect(look('ab\tc')).toBe('ab      c');
    expect(look('12345678\tx')).toBe('12345678        x');
  });

  it('wide characters take two columns; combining marks join the one before', () => {
    expect(look('漢x')).toBe('漢²x');
    expect(look('e\u0301x')).toBe('e\u0301x');
  });

  it('-R: SGR sequences style what follows and are not shown', () => {
    expect(look('\x1b[01;34mblue\x1b[0m plain', true)).toBe('b{1;34}l{1;34}u{1;34}e{1;34} plain');
    expect(visibleText('\x1b[1mbold\x1b[0m', true)).toBe('bold');
  });

  it('keeps SGR state as a terminal does', () => {
    expect(applySgr('', '1;31')).toBe('1;31');
    expect(applySgr('1;31', '22')).toBe('31');
    expect(applySgr('1;31', '32')).toBe('1;32');
    expect(applySgr('1;31', '')).toBe('');
    expect(applySgr('4', '24;7')).toBe('7');
  });
});
