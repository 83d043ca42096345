// What `h` shows: less's help screen in its layout (bold titles, underlined N, as overstrikes the
// pager draws like any man page), shortened to the commands this pager has.
import { documentOf, type PagerDocument } from './document';

/** `*text*` bold, `_text_` underlined, as nroff writes them: X\bX and _\bX. */
const marked = (text: string) =>
  text
    .replace(/\*([^*]+)\*/g, (_, s: string) => Array.from(s, (c) => (c === ' ' ? ' ' : `${c}\b${c}`)).join(''))
    .replace(/_([^_\s]+)_/g, (_, s: string) => Array.from(s, (c) => `_\b${c}`).join(''));

const RULE = ` ${'-'.repeat(75)}`;
const NOTE_RULE = `        ${'-'.repeat(51)}`;

const TEXT = [
  '',
  '                   *SUMMARY OF LESS COMMANDS*',
  '',
  '      Commands marked with * may be preceded by a number, _N_.',
  '      Notes in parentheses indicate the behavior if _N_ is given.',
  '      A key preceded by a caret indicates the Ctrl key; thus ^K is ctrl-K.',
  '',
  '  h  H                 Display this help.',
  '  q  :q  Q  :Q  ZZ     Exit.',
  RULE,
  '',
  '                           *MOVING*',
  '',
  '  e  ^E  j  ^N  CR  *  Forward  one line   (or _N_ lines).',
  '  y  ^Y  k  ^K  ^P  *  Backward one line   (or _N_ lines).',
  '  f  ^F  ^V  SPACE  *  Forward  one window (or _N_ lines).',
  '  b  ^B  ESC-v      *  Backward one window (or _N_ lines).',
  '  z                 *  Forward  one window (and set window to _N_).',
  '  w                 *  Backward one window (and set window to _N_).',
  "  ESC-SPACE         *  Forward  one window, but don't stop at end-of-file.",
  '  d  ^D             *  Forward  one half-window (and set half-window to _N_).',
  '  u  ^U             *  Backward one half-window (and set half-window to _N_).',
  '  ESC-)  RightArrow *  Right one half screen width (or _N_ positions).',
  '  ESC-(  LeftArrow  *  Left  one half screen width (or _N_ positions).',
  '  F                    Forward forever; like "tail -f".',
  '  r  ^R  ^L            Repaint screen.',
  NOTE_RULE,
  '        Default "window" is the screen height.',
  '        Default "half-window" is half of the screen height.',
  RULE,
  '',
  '                          *SEARCHING*',
  '',
  '  /_pattern_          *  Search forward for (_N_-th) matching line.',
  '  ?_pattern_          *  Search backward for (_N_-th) matching line.',
  '  n                 *  Repeat previous search (for _N_-th occurrence).',
  '  N                 *  Repeat previous search in reverse direction.',
  '  ESC-u                Undo (toggle) search highlighting.',
  '  ESC-U                Clear search highlighting.',
  NOTE_RULE,
  '        A search pattern may begin with one or more of:',
  '        ^N or !  Search for NON-matching lines.',
  RULE,
  '',
  '                           *JUMPING*',
  '',
  '  g  <  ESC-<       *  Go to first line in file (or line _N_).',
  '  G  >  ESC->       *  Go to last line in file (or line _N_).',
  '  p  %              *  Go to beginning of file (or _N_ percent into file).',
  RULE,
  '',
  '                        *CHANGING FILES*',
  '',
  '  :n                *  Examine the (_N_-th) next file from the command line.',
  '  :p                *  Examine the (_N_-th) previous file from the command line.',
  RULE,
  '',
  '                    *MISCELLANEOUS COMMANDS*',
  '',
  '  = ^G :f              Print current file name.',
  '  V                    Print version number of "less".',
  RULE,
  '',
  '                           *OPTIONS*',
  '',
  '        Most options may be changed either on the command line,',
  '        or from within less by using the - or -- command.',
  '        This less takes them on the command line only.',
  '',
  '  -i  ........  --ignore-case',
  '                  Ignore case in searches that do not contain uppercase.',
  '  -I  ........  --IGNORE-CASE',
  '                  Ignore case in all searches.',
  '  -N  ........  --LINE-NUMBERS',
  '                  Display line numbers.',
  '  -R  ........  --RAW-CONTROL-CHARS',
  '                  Output "raw" control characters.',
  '  -S  ........  --chop-long-lines',
  '                  Chop (truncate) long lines rather than wrapping.',
  RULE,
];

let help: PagerDocument | undefined;

export function helpDocument(): PagerDocument {
  help ??= documentOf('HELP', `${TEXT.map(marked).join('\n')}\n`, false);
  return help;
}
