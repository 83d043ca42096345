// Setting a manual page as groff's man macros set it for a terminal: checked against the layout
// of real pages formatted by man-db on this machine (`man -P cat sleep`, MANWIDTH=60).
import { describe, expect, it } from 'vitest';
import { formatPage, lineLength } from '../../../../../simulators/shell/man';
import { threeParts } from '../../../../../simulators/shell/man/format';
import { bold, italic, roman, synopsisRuns, type ManPage } from '../../../../../simulators/shell/man/page';

const page: ManPage = {
  title: 'SLEEP',
  section: '1',
  manual: 'User Commands',
  source: 'GNU coreutils 9.4',
  date: 'April 2024',
  sections: [
    { heading: 'NAME', blocks: [{ kind: 'para', text: [roman('sleep - delay for a specified amount of time')] }] },
    { heading: 'SYNOPSIS', blocks: [{ kind: 'lines', lines: [synopsisRuns('sleep', 'NUMBER[SUFFIX]...')] }] },
    {
      heading: 'DESCRIPTION',
      blocks: [
        {
          kind: 'para',
          text: [roman("Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),\n'm' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an\ninteger.  Given two or more arguments, pause for the amount of time specified by the sum of their values.")],
        },
        { kind: 'tagged', tag: [bold('--help')], text: [roman('display this help and exit')] },
        { kind: 'tagged', tag: [bold('--version')], text: [roman('output version information and exit')] },
      ],
    },
  ],
};

describe('man pages set for a terminal', () => {
  it("is as wide as man-db asks groff for: the terminal's width times 39/40", () => {
    expect([60, 79, 80, 81, 100, 120, 200].map(lineLength)).toEqual([58, 77, 78, 78, 97, 117, 195]);
  });

  it('centres the title line and the footer as .tl does', () => {
    expect(threeParts('LS(1)', 'User Commands', 'LS(1)', 78)).toBe('LS(1)                            User Commands                           LS(1)');
    expect(threeParts('LESS(1)', 'General Commands Manual', 'LESS(1)', 78)).toBe('LESS(1)                     General Commands Manual                    LESS(1)');
    expect(threeParts('GNU coreutils 9.1', 'September 2022', 'LS(1)', 78)).toBe('GNU coreutils 9.1               September 2022                           LS(1)');
  });

  it('fills and justifies paragraphs as the real sleep(1) is set: sentence spaces kept, spare columns from the left and the right in turn', () => {
    expect(formatPage(page, { width: 80, overstrike: false })).toBe(
      [
        'SLEEP(1)                         User Commands                        SLEEP(1)',
        '',
        'NAME',
        '       sleep - delay for a specified amount of time',
        '',
        'SYNOPSIS',
        '       sleep NUMBER[SUFFIX]...',
        '',
        'DESCRIPTION',
        "       Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),",
        "       'm' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be  an",
        '       integer.   Given  two  or  more arguments, pause for the amount of time',
        '       specified by the sum of their values.',
        '',
        '       --help display this help and exit',
        '',
        '       --version',
        '              output version information and exit',
        '',
        'GNU coreutils 9.4                 April 2024                          SLEEP(1)',
        '',
      ].join('\n'),
    );
  });

  it('marks bold and italic as overstrikes for the pager', () => {
    const text = formatPage(page, { width: 80, overstrike: true }).split('\n');
    expect(text[2]).toBe('N\bNA\bAM\bME\bE');
    expect(text[6]).toBe('       s\bsl\ble\bee\bep\bp _\bN_\bU_\bM_\bB_\bE_\bR[_\bS_\bU_\bF_\bF_\bI_\bX]...');
  });

  it('puts a short tag beside its text and a long one above it', () => {
    const narrow: ManPage = { ...page, sections: [{ heading: 'OPTIONS', blocks: [{ kind: 'tagged', tag: [bold('-a'), roman(', '), bold('--all')], text: [roman('show everything, even the files whose names start with a dot, as ls -a does')] }, { kind: 'tagged', tag: [bold('-q'), roman(' '), italic('N')], text: [roman('quiet')] }] }] };
    expect(formatPage(narrow, { width: 60, overstrike: false }).split('\n').slice(2, 8)).toEqual([
      'OPTIONS',
      '       -a, --all',
      '              show  everything, even the files whose names',
      '              start with a dot, as ls -a does',
      '',
      '       -q N   quiet',
    ]);
  });
});
