// less's prompt language, with the prototypes less 590 and man-db use and the facts of a screen.
import { describe, expect, it } from 'vitest';
import { EQUALS_PROMPT, expandPrompt, HELP_PROMPT, LONG_PROMPT, MEDIUM_PROMPT, SHORT_PROMPT, type PromptFacts } from '../../../../../simulators/shell/pager/prompt';

/** A screen of a 100-line file of 8 bytes a line, showing lines top..top+22 of 24 rows. */
function facts(over: Partial<PromptFacts> & { top?: number; lines?: number } = {}): PromptFacts {
  const lines = over.lines ?? 100;
  const top = over.top ?? 0;
  return {
    fileName: 'notes.txt',
    fileIndex: 1,
    fileCount: 1,
    nextFile: null,
    newFile: false,
    eof: top + 23 >= lines,
    size: lines * 8,
    hshift: 0,
    rows: 24,
    position: (sindex) => (top + sindex < lines ? (top + sindex) * 8 : null),
    lineAt: (pos) => Math.floor(pos / 8) + 1,
    ...over,
  };
}

describe("less's prompts", () => {
  it('the short prompt: the name on the first prompt, (END) at the end, else nothing (shown as `:`)', () => {
    expect(expandPrompt(SHORT_PROMPT, facts({ newFile: true }))).toBe('notes.txt');
    expect(expandPrompt(SHORT_PROMPT, facts({ top: 10 }))).toBe('');
    expect(expandPrompt(SHORT_PROMPT, facts({ top: 77 }))).toBe('(END)');
    expect(expandPrompt(SHORT_PROMPT, facts({ newFile: true, lines: 3 }))).toBe('notes.txt (END)');
    expect(expandPrompt(SHORT_PROMPT, facts({ newFile: true, fileName: null }))).toBe('');
  });

  it('with several files: which one, and the next', () => {
    const several = facts({ newFile: true, lines: 3, fileCount: 2, nextFile: 'long.txt' });
    expect(expandPrompt(SHORT_PROMPT, several)).toBe('notes.txt (file 1 of 2) (END) - Next: long.txt');
    expect(expandPrompt(SHORT_PROMPT, { ...several, newFile: false })).toBe('(END) - Next: long.txt');
  });

  it('= reports lines, bytes and the percent at the bottom', () => {
    expect(expandPrompt(EQUALS_PROMPT, facts())).toBe('notes.txt lines 1-23/100 byte 184/800 23%');
    expect(expandPrompt(EQUALS_PROMPT, facts({ top: 77 }))).toBe('notes.txt lines 78-100/100 byte 800/800 (END)');
    expect(expandPrompt(EQUALS_PROMPT, facts({ fileName: null, size: null }))).toBe('lines 1-23 byte 184');
  });

  it('-m and -M', () => {
    expect(expandPrompt(MEDIUM_PROMPT, facts({ newFile: true }))).toBe('notes.txt 23%');
    expect(expandPrompt(MEDIUM_PROMPT, facts({ top: 77 }))).toBe('(END)');
    expect(expandPrompt(LONG_PROMPT, facts({ top: 5 }))).toBe('notes.txt lines 6-28/100 28%');
  });

  it("man-db's prompt: the line at the top, the count once known, END or the percent", () => {
    const man = ' Manual page ls(1) ?ltline %lt?L/%L.:byte %bB?s/%s..?e (END):?pB %pB\\%.. (press h for help or q to quit)';
    expect(expandPrompt(man, facts({ size: null }))).toBe(' Manual page ls(1) line 1 (press h for help or q to quit)');
    expect(expandPrompt(man, facts())).toBe(' Manual page ls(1) line 1/100 23% (press h for help or q to quit)');
    expect(expandPrompt(man, facts({ top: 77 }))).toBe(' Manual page ls(1) line 78/100 (END) (press h for help or q to quit)');
  });

  it('the help prompt, and a prompt too long keeps its end', () => {
    expect(expandPrompt(HELP_PROMPT, facts())).toBe('HELP -- Press RETURN for more, or q when done');
    expect(expandPrompt(HELP_PROMPT, facts({ top: 77 }))).toBe('HELP -- END -- Press g to see it again, or q when done');
    expect(expandPrompt('%f is a rather long name', facts(), 10)).toBe(' long name');
  });
});
