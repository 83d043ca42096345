// less's command table (decode.c's cmdtable) as data: the keys, and the terminal sequences of the
// arrow and page keys, each with the action it starts. A key that begins a longer command (`:`,
// `Z`, ESC) waits for the rest, as in less.

export type PagerAction =
  | 'f-line' | 'b-line' | 'ff-line' | 'bf-line' | 'f-scroll' | 'b-scroll'
  | 'f-screen' | 'b-screen' | 'f-window' | 'b-window' | 'ff-screen' | 'f-forever'
  | 'repaint' | 'undo-search' | 'clear-search' | 'goline' | 'goend' | 'percent'
  | 'left-shift' | 'right-shift' | 'stat' | 'f-search' | 'b-search' | 'again-search' | 'reverse-search'
  | 'next-file' | 'prev-file' | 'help' | 'version' | 'quit' | 'not-available';

const ESC = '\x1b';
const ctrl = (c: string) => String.fromCharCode(c.charCodeAt(0) & 0x1f);

const TABLE: [string, PagerAction][] = [
  ...['\r', '\n', 'e', 'j', ctrl('E'), ctrl('N'), `${ESC}[B`, `${ESC}OB`].map((k): [string, PagerAction] => [k, 'f-line']),
  ...['k', 'y', ctrl('Y'), ctrl('K'), ctrl('P'), `${ESC}[A`, `${ESC}OA`].map((k): [string, PagerAction] => [k, 'b-line']),
  ['J', 'ff-line'], ['K', 'bf-line'], ['Y', 'bf-line'],
  ['d', 'f-scroll'], [ctrl('D'), 'f-scroll'], ['u', 'b-scroll'], [ctrl('U'), 'b-scroll'],
  ...[' ', 'f', ctrl('F'), ctrl('V'), `${ESC}[6~`].map((k): [string, PagerAction] => [k, 'f-screen']),
  ...['b', ctrl('B'), `${ESC}v`, `${ESC}[5~`].map((k): [string, PagerAction] => [k, 'b-screen']),
  ['z', 'f-window'], ['w', 'b-window'], [`${ESC} `, 'ff-screen'], ['F', 'f-forever'],
  ...['r', 'R', ctrl('R'), ctrl('L')].map((k): [string, PagerAction] => [k, 'repaint']),
  [`${ESC}u`, 'undo-search'], [`${ESC}U`, 'clear-search'],
  ...['g', '<', `${ESC}<`, `${ESC}[H`, `${ESC}OH`, `${ESC}[1~`].map((k): [string, PagerAction] => [k, 'goline']),
  ...['G', '>', `${ESC}>`, `${ESC}G`, `${ESC}[F`, `${ESC}OF`, `${ESC}[4~`].map((k): [string, PagerAction] => [k, 'goend']),
  ['p', 'percent'], ['%', 'percent'],
  ...[`${ESC}[`, `${ESC}(`, `${ESC}[D`, `${ESC}OD`].map((k): [string, PagerAction] => [k, 'left-shift']),
  ...[`${ESC}]`, `${ESC})`, `${ESC}[C`, `${ESC}OC`].map((k): [string, PagerAction] => [k, 'right-shift']),
  ['=', 'stat'], [ctrl('G'), 'stat'], [':f', 'stat'],
  ['/', 'f-search'], ['?', 'b-search'], ['n', 'again-search'], ['N', 'reverse-search'],
  [':n', 'next-file'], [':p', 'prev-file'],
  ['h', 'help'], ['H', 'help'], [`${ESC}OP`, 'help'], [`${ESC}[11~`, 'help'],
  ['V', 'version'],
  ...['q', 'Q', ':q', ':Q', 'ZZ'].map((k): [string, PagerAction] => [k, 'quit']),
  // Editing the file, running a shell, piping or saving: outside this terminal, as in less's secure mode.
  ...['v', '!', '|', 's', ':e', 'E'].map((k): [string, PagerAction] => [k, 'not-available']),
];

const ACTIONS = new Map(TABLE);
const PREFIXES = new Set(TABLE.flatMap(([key]) => Array.from({ length: key.length - 1 }, (_, i) => key.slice(0, i + 1))));

export type Decoded = { kind: 'action'; action: PagerAction } | { kind: 'more' } | { kind: 'invalid' };

/** What the keys typed so far mean: a command, the start of a longer one, or nothing. */
export function decode(keys: string): Decoded {
  if (PREFIXES.has(keys)) return { kind: 'more' };
  const action = ACTIONS.get(keys);
  if (action) return { kind: 'action', action };
  return { kind: 'invalid' };
}

/** An escape sequence from the terminal still being received (`ESC [ 3` before its `~`). */
export function inSequence(keys: string): boolean {
  return /^\x1b[[O][0-9;]*$/.test(keys);
}

/** How less shows keys typed at its prompt (prchar): ESC as `ESC`, other controls as `^X`. */
export function shownKeys(keys: string): string {
  return Array.from(keys, (c) => {
    if (c === ESC) return 'ESC';
    const code = c.charCodeAt(0);
    if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
    if (code === 0x7f) return '^?';
    return c;
  }).join('');
}
