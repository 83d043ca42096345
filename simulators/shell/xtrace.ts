// How `set -x` shows what runs (bash's print_cmd.c): PS4's first character once per level of
// command substitution, then the rest of PS4, then the words, each quoted so that it would read
// back as the same word: '' for an empty one, single quotes around shell characters, $'...'
// around control characters.

/** Characters that make bash quote a traced word (sh_contains_shell_metas). */
const METAS = new Set([' ', '\t', '\n', "'", '"', '\\', '|', '&', ';', '(', ')', '<', '>', '!', '{', '}', '*', '[', '?', ']', '^', '$', '`']);

function containsMetas(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (METAS.has(c)) return true;
    // A tilde where it would expand, a hash where it would start a comment.
    if (c === '~' && (i === 0 || word[i - 1] === '=' || word[i - 1] === ':')) return true;
    if (c === '#' && i === 0) return true;
  }
  return false;
}

export const isControl = (c: string) => /[\x00-\x1f\x7f]/.test(c);

const ANSI_C: Record<string, string> = { '\x1b': 'E', '\x07': 'a', '\v': 'v', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\\': '\\', "'": "'" };

/** bash's $'...' form of a word with control characters (ansic_quote). */
export function ansiC(word: string): string {
  let out = "$'";
  for (const c of word) {
    if (c in ANSI_C) out += `\\${ANSI_C[c]}`;
    else if (isControl(c)) out += `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
    else out += c;
  }
  return `${out}'`;
}

/** A word as `set -x` shows it. */
export function traceWord(word: string): string {
  if (word === '') return "''";
  if (containsMetas(word)) return `'${word.replace(/'/g, "'\\''")}'`;
  if ([...word].some(isControl)) return ansiC(word);
  return word;
}

/** An assignment's value as `set -x` shows it (an empty value stays empty: `+ x=`). */
export function traceValue(value: string): string {
  if (value === '') return '';
  return traceWord(value);
}

/** The prefix of a trace line: PS4's first character repeated for each level, then its rest. */
export function tracePrefix(ps4: string, level: number): string {
  if (ps4 === '') return '';
  const [first, ...rest] = [...ps4];
  return first.repeat(level) + rest.join('');
}
