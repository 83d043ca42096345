import { describe, expect, it } from 'vitest';
import { ansi, stripAnsi } from '../../../../simulators/core/output/ansi';

describe('ansi', () => {
  it('wraps text in colour codes and strips them again', () => {
    expect(ansi.bold('x')).toBe('\x1b[1mx\x1b[22m');
    expect(ansi.boldBlue('dir')).toBe('\x1b[1;34mdir\x1b[0m');
    expect(stripAnsi(`${ansi.red('a')}${ansi.reverse('b')}\x1b]0;title\x07c`)).toBe('abc');
  });

  it('moves the cursor only when asked to move', () => {
    expect(ansi.up(0)).toBe('');
    expect(ansi.up(2)).toBe('\x1b[2A');
    expect(ansi.right(3)).toBe('\x1b[3C');
    expect(ansi.column(5)).toBe('\x1b[5G');
  });
});
