// Splits what a terminal sends (xterm's onData) into keys: runs of printable text stay together so
// a big paste is inserted in one step, escape sequences become named keys.

export type Key = KeyKind & { raw: string };

type KeyKind =
  | { kind: 'text'; text: string }
  | { kind: 'enter' }
  | { kind: 'control'; char: string } // 'a' for Ctrl-A, ...
  | { kind: 'backspace' }
  | { kind: 'tab' }
  | { kind: 'named'; name: 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'delete' | 'wordLeft' | 'wordRight' | 'pageUp' | 'pageDown' }
  | { kind: 'ignored'; sequence: string };

const SEQUENCES: Record<string, KeyKind> = {
  '[A': { kind: 'named', name: 'up' },
  '[B': { kind: 'named', name: 'down' },
  '[C': { kind: 'named', name: 'right' },
  '[D': { kind: 'named', name: 'left' },
  OA: { kind: 'named', name: 'up' },
  OB: { kind: 'named', name: 'down' },
  OC: { kind: 'named', name: 'right' },
  OD: { kind: 'named', name: 'left' },
  '[H': { kind: 'named', name: 'home' },
  '[F': { kind: 'named', name: 'end' },
  OH: { kind: 'named', name: 'home' },
  OF: { kind: 'named', name: 'end' },
  '[1~': { kind: 'named', name: 'home' },
  '[4~': { kind: 'named', name: 'end' },
  '[7~': { kind: 'named', name: 'home' },
  '[8~': { kind: 'named', name: 'end' },
  '[3~': { kind: 'named', name: 'delete' },
  '[5~': { kind: 'named', name: 'pageUp' },
  '[6~': { kind: 'named', name: 'pageDown' },
  '[1;5C': { kind: 'named', name: 'wordRight' },
  '[1;5D': { kind: 'named', name: 'wordLeft' },
  b: { kind: 'named', name: 'wordLeft' }, // Alt-B
  f: { kind: 'named', name: 'wordRight' }, // Alt-F
};

// eslint-disable-next-line no-control-regex
const ESCAPE = /^\x1b(\[[0-9;?]*[ -/]*[@-~]|O[@-~]|[^[O])?/;

export function splitKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < data.length) {
    const c = data[i];
    if (c === '\x1b') {
      const m = ESCAPE.exec(data.slice(i, i + 32));
      const body = m?.[1] ?? '';
      // Bracketed-paste markers carry no meaning for us: the pasted text between them is typed.
      keys.push({ ...(SEQUENCES[body] ?? { kind: 'ignored', sequence: `\x1b${body}` }), raw: `\x1b${body}` });
      i += 1 + body.length;
      continue;
    }
    if (c === '\r') {
      const length = data[i + 1] === '\n' ? 2 : 1;
      keys.push({ kind: 'enter', raw: data.slice(i, i + length) });
      i += length;
      continue;
    }
    if (c === '\n') {
      keys.push({ kind: 'enter', raw: c });
      i++;
      continue;
    }
    if (c === '\x7f' || c === '\b') {
      keys.push({ kind: 'backspace', raw: c });
      i++;
      continue;
    }
    if (c === '\t') {
      keys.push({ kind: 'tab', raw: c });
      i++;
      continue;
    }
    const code = c.charCodeAt(0);
    if (code < 0x20) {
      keys.push({ kind: 'control', char: String.fromCharCode(code + 0x60), raw: c });
      i++;
      continue;
    }
    let j = i;
    while (j < data.length) {
      const cc = data.charCodeAt(j);
      if (cc < 0x20 || cc === 0x7f) break;
      j++;
    }
    keys.push({ kind: 'text', text: data.slice(i, j), raw: data.slice(i, j) });
    i = j;
  }
  return keys;
}
