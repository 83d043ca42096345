import { describe, expect, it } from 'vitest';
import { columnAfter, startOfRow } from '../../../../simulators/terminal/output-column';

const col = (...writes: string[]) => writes.reduce(columnAfter, startOfRow);

describe('the column output leaves the cursor at', () => {
  it('counts characters after the last line break, across writes', () => {
    expect(col('abc')).toEqual({ col: 3, saved: 0 });
    expect(col('line\nab', 'cd')).toEqual({ col: 4, saved: 0 });
    expect(col('progress 50%\rdone')).toEqual({ col: 4, saved: 0 });
    expect(col('whole line\n')).toEqual({ col: 0, saved: 0 });
  });

  it('follows tab stops, backspace and wide characters', () => {
    expect(col('a\tb')).toEqual({ col: 9, saved: 0 });
    expect(col('12345678\t')).toEqual({ col: 16, saved: 0 });
    expect(col('ab\b')).toEqual({ col: 1, saved: 0 });
    expect(col('\u{1F433}x')).toEqual({ col: 3, saved: 0 });
    expect(col('日本')).toEqual({ col: 4, saved: 0 });
  });

  it('gives colours, titles and cursor visibility no room', () => {
    expect(col('\x1b[1;32mok\x1b[0m\x1b]0;title\x07\x1b[?25h')).toEqual({ col: 2, saved: 0 });
  });

  it('follows moves along the row and absolute positions', () => {
    expect(col('abcdef\x1b[2D')).toEqual({ col: 4, saved: 0 });
    expect(col('ab\x1b[3C')).toEqual({ col: 5, saved: 0 });
    expect(col('abc\x1b[10G')).toEqual({ col: 9, saved: 0 });
    expect(col('\x1b[5;12H')).toEqual({ col: 11, saved: 0 });
    expect(col('abc\x1b[H')).toEqual({ col: 0, saved: 0 });
  });

  it('restores the column saved on entering the alternate screen, as nano leaves it', () => {
    expect(col('abc', '\x1b[?1049h\x1b[1;1Htext\x1b[24;9H', '\x1b[?1049l')).toEqual({ col: 3, saved: 3 });
    expect(col('ab\x1b7xyz\x1b8')).toEqual({ col: 2, saved: 2 });
  });
});
