// Splits what xterm.js delivers (onData) into keys. One chunk may hold several keys, a run of typed
// or pasted text, or escape sequences; sequences we do not know are swallowed whole so they never
// end up in the text.

export type Key =
  /** A run of printable characters (no controls, no line breaks, no tabs). */
  | { kind: 'text'; text: string }
  /** The contents of a bracketed paste (ESC [200~ ... ESC [201~), line breaks as '\n'. */
  | { kind: 'paste'; text: string }
  /**
   * A named key: 'enter', 'tab', 'backspace', 'delete', 'insert', 'up', 'down', 'left', 'right',
   * 'home', 'end', 'pageup', 'pagedown', 'ctrl-left', 'ctrl-right', 'ctrl-up', 'ctrl-down',
   * 'ctrl-home', 'ctrl-end', 'f1'..'f12', '^@'..'^_' for control characters, and 'M-x' for
   * Alt/Meta plus a character (letters lower-cased).
   */
  | { kind: 'key'; name: string }
  /** Something recognised as a key but without meaning here (unknown sequences). */
  | { kind: 'none' };

export interface KeyRead {
  key: Key;
  next: number;
  inPaste: boolean;
}

const ESC = 0x1b;
const PASTE_END = '\x1b[201~';

const TILDE_KEYS: Record<string, string> = {
  '1': 'home', '2': 'insert', '3': 'delete', '4': 'end', '5': 'pageup', '6': 'pagedown',
  '7': 'home', '8': 'end', '11': 'f1', '12': 'f2', '13': 'f3', '14': 'f4', '15': 'f5',
  '17': 'f6', '18': 'f7', '19': 'f8', '20': 'f9', '21': 'f10', '23': 'f11', '24': 'f12',
};

const ARROWS: Record<string, string> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const SS3_KEYS: Record<string, string> = {
  ...ARROWS, M: 'enter', P: 'f1', Q: 'f2', R: 'f3', S: 'f4',
};

/** Whether a character belongs in a text run. */
function isTextChar(code: number): boolean {
  return code >= 0x20 && code !== 0x7f;
}

const key = (name: string): Key => ({ kind: 'key', name });
const NONE: Key = { kind: 'none' };

/** Control characters by name: 0x01 is '^A', 0x1f is '^_', 0x00 is '^@'. */
function controlName(code: number): string {
  return '^' + String.fromCharCode(code + 0x40);
}

/** The modifier number of a CSI sequence ("1;5C" has modifier 5): 0 when there is none. */
function modifierOf(params: string): number {
  const parts = params.split(';');
  return parts.length > 1 ? Number(parts[1]) || 0 : 0;
}

function csiKey(params: string, final: string): Key {
  const mod = modifierOf(params);
  const ctrl = mod > 0 && ((mod - 1) & 4) !== 0;
  const alt = mod > 0 && ((mod - 1) & 2) !== 0;
  if (final in ARROWS && (params === '' || params.startsWith('1'))) {
    const base = ARROWS[final];
    if (ctrl) return key('ctrl-' + base);
    return alt ? NONE : key(base);
  }
  if (final === '~') {
    const first = params.split(';')[0];
    if (first === '200' || first === '201') return NONE; // stray paste markers
    const name = TILDE_KEYS[first];
    return name && mod === 0 ? key(name) : NONE;
  }
  return NONE;
}

/** Reads the bracketed-paste text from `pos` up to the end marker (or the end of the chunk). */
function readPaste(data: string, pos: number): KeyRead {
  const end = data.indexOf(PASTE_END, pos);
  const raw = end === -1 ? data.slice(pos) : data.slice(pos, end);
  // Line breaks of any kind become '\n'; other control characters are dropped.
  const text = raw.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
  return {
    key: { kind: 'paste', text },
    next: end === -1 ? data.length : end + PASTE_END.length,
    inPaste: end === -1,
  };
}

/** Reads one escape sequence starting at `pos` (which holds ESC). */
function readEscape(data: string, pos: number): KeyRead {
  const after = pos + 1;
  if (after >= data.length) return { key: NONE, next: after, inPaste: false }; // a lone Esc
  const intro = data[after];

  if (intro === '[') {
    // CSI: parameter bytes, intermediate bytes, one final byte.
    let i = after + 1;
    while (i < data.length && data.charCodeAt(i) >= 0x30 && data.charCodeAt(i) <= 0x3f) i++;
    const params = data.slice(after + 1, i);
    while (i < data.length && data.charCodeAt(i) >= 0x20 && data.charCodeAt(i) <= 0x2f) i++;
    if (i >= data.length) return { key: NONE, next: data.length, inPaste: false }; // truncated
    const final = data[i];
    if (final < '@' || final > '~') return { key: NONE, next: i, inPaste: false }; // malformed
    let next = i + 1;
    if (params === '200' && final === '~') return readPaste(data, next);
    if (params === '' && final === 'M') next = Math.min(data.length, next + 3); // X10 mouse report
    return { key: csiKey(params, final), next, inPaste: false };
  }

  if (intro === 'O') {
    // SS3: an optional modifier digit, then one letter.
    let i = after + 1;
    while (i < data.length && data[i] >= '0' && data[i] <= '9') i++;
    if (i >= data.length) return { key: NONE, next: data.length, inPaste: false };
    const name = i === after + 1 ? SS3_KEYS[data[i]] : undefined;
    return { key: name ? key(name) : NONE, next: i + 1, inPaste: false };
  }

  const code = data.charCodeAt(after);
  if (code === ESC || code < 0x20 || code === 0x7f) {
    // Esc before another control key: let that key be read on its own.
    return { key: NONE, next: after, inPaste: false };
  }
  // Alt+key (Meta): take one whole code point.
  const cp = data.codePointAt(after) ?? code;
  const ch = String.fromCodePoint(cp);
  return { key: key('M-' + ch.toLowerCase()), next: after + ch.length, inPaste: false };
}

/** Reads the key at `pos`. `inPaste` says whether a bracketed paste is still open. */
export function readKey(data: string, pos: number, inPaste: boolean): KeyRead {
  if (inPaste) return readPaste(data, pos);
  const code = data.charCodeAt(pos);

  if (isTextChar(code)) {
    let end = pos + 1;
    while (end < data.length && isTextChar(data.charCodeAt(end))) end++;
    return { key: { kind: 'text', text: data.slice(pos, end) }, next: end, inPaste: false };
  }
  if (code === ESC) return readEscape(data, pos);
  if (code === 0x0d) {
    // A pasted Windows line break (CR LF) is one Enter, not two.
    const next = data.charCodeAt(pos + 1) === 0x0a ? pos + 2 : pos + 1;
    return { key: key('enter'), next, inPaste: false };
  }
  // A bare LF only comes from pasted text; nano would read it as ^J (Justify), but here it is
  // the line break the learner pasted.
  if (code === 0x0a) return { key: key('enter'), next: pos + 1, inPaste: false };
  if (code === 0x09) return { key: key('tab'), next: pos + 1, inPaste: false };
  if (code === 0x7f || code === 0x08) return { key: key('backspace'), next: pos + 1, inPaste: false };
  return { key: key(controlName(code)), next: pos + 1, inPaste: false };
}
