// POSIX regular expressions, basic (grep) and extended (grep -E), read the way GNU grep reads
// them into a small tree, with GNU's messages for the ones it refuses. The tree is then matched
// by a linear-time engine (regex-match.ts), so no pattern a learner types can freeze the page.

export type RegexNode =
  /** One character, as typed. */
  | { kind: 'char'; char: string }
  /** A class of characters, as RE2 (and JavaScript with the u flag) write it: `[a-z]`, `\w`. */
  | { kind: 'set'; source: string }
  /** `.`: any character but a newline. */
  | { kind: 'any' }
  | { kind: 'seq'; items: RegexNode[] }
  | { kind: 'alt'; options: RegexNode[] }
  /** A parenthesised group; `index` counts from 1, as back-references name it. */
  | { kind: 'group'; index: number; body: RegexNode }
  | { kind: 'repeat'; body: RegexNode; min: number; max: number }
  | { kind: 'assert'; what: 'start' | 'end' | 'wordStart' | 'wordEnd' | 'wordEdge' | 'notWordEdge' }
  | { kind: 'backref'; index: number };

export type Parsed = { ok: true; node: RegexNode; groups: number; backrefs: boolean; warnings: string[] } | { ok: false; error: string };

/** GNU's limit on a repeat count (RE_DUP_MAX); past it grep says the expression is too big. */
export const DUP_MAX = 32767;
export const TOO_BIG = 'Regular expression too big';

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
};

/** GNU's \\w is a letter, digit or underscore in the locale (UTF-8 here), \\s a [[:space:]]. */
export const WORD_CLASS = '[\\p{L}\\p{N}_]';

/** A repeat's quantifier in RE2's syntax, the shortest form that says it. */
export function re2Quantifier(min: number, max: number): string {
  if (min === 0 && max === Infinity) return '*';
  if (min === 1 && max === Infinity) return '+';
  if (min === 0 && max === 1) return '?';
  if (max === Infinity) return `{${min},}`;
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

/** An anchor or a GNU word assertion (\\< \\> \\b \\B) in RE2's syntax. */
export function re2Assertion(what: Extract<RegexNode, { kind: 'assert' }>['what']): string {
  switch (what) {
    case 'start':
      return '^';
    case 'end':
      return '$';
    case 'wordStart':
      return `\\b(?<!${WORD_CLASS})`;
    case 'wordEnd':
      return `\\b(?<=${WORD_CLASS})`;
    case 'wordEdge':
      return '\\b';
    case 'notWordEdge':
      return '\\B';
  }
}

const SHORTHANDS: Record<string, string> = { w: WORD_CLASS, W: '[^\\p{L}\\p{N}_]', s: '[ \\t\\n\\r\\f\\v]', S: '[^ \\t\\n\\r\\f\\v]' };

/** Inside a class only these need a backslash (for RE2 and for JavaScript with the u flag). */
const escapeInClass = (c: string) => (/[\\^\]\[-]/.test(c) ? `\\${c}` : c);

/** A bracket expression from just after its `[`: the class source and where it ends. */
function bracket(p: string, start: number): { source: string; end: number } | { error: string } {
  let i = start;
  let negate = false;
  if (p[i] === '^') {
    negate = true;
    i++;
  }
  if (i >= p.length) return { error: 'Invalid regular expression' };
  const first = i;
  let body = '';
  for (;;) {
    if (i >= p.length) return { error: 'Unmatched [, [^, [:, [., or [=' };
    const c = p[i];
    if (c === ']' && i > first) break;
    if (c === '[' && (p[i + 1] === ':' || p[i + 1] === '.' || p[i + 1] === '=')) {
      const kind = p[i + 1];
      const close = p.indexOf(`${kind}]`, i + 2);
      if (close === -1) return { error: 'Unmatched [, [^, [:, [., or [=' };
      const name = p.slice(i + 2, close);
      if (kind === ':') {
        if (!Object.prototype.hasOwnProperty.call(CLASSES, name)) return { error: 'Invalid character class name' };
        body += CLASSES[name];
      } else body += [...name].map(escapeInClass).join('');
      i = close + 2;
      continue;
    }
    // A range keeps its dash; any other character is itself (a backslash too, in POSIX).
    body += c === '-' && i > first && p[i + 1] !== ']' ? '-' : escapeInClass(c);
    i++;
  }
  const inner = p.slice(start, i);
  if (/^:[a-z]+:$/.test(inner)) return { error: `character class syntax is [[:space:]], not [${inner}]` };
  return { source: `[${negate ? '^' : ''}${body}]`, end: i };
}

/** One level of parentheses being read: its alternatives so far and the last atom's place. */
interface Frame {
  index: number;
  options: RegexNode[][];
  /** Where the last atom starts in the current alternative, or -1 at the start of an expression. */
  atom: number;
  quantified: boolean;
}

const seqOf = (items: RegexNode[]): RegexNode => (items.length === 1 ? items[0] : { kind: 'seq', items });

/** Reads `pattern` (basic unless `extended`), or says why GNU grep refuses it. */
export function parseRegex(pattern: string, extended: boolean): Parsed {
  const p = pattern;
  const warnings: string[] = [];
  let groups = 0;
  let backrefs = false;
  const closed = new Set<number>();
  const stack: Frame[] = [{ index: 0, options: [[]], atom: -1, quantified: false }];
  const top = () => stack[stack.length - 1];
  const current = () => top().options[top().options.length - 1];

  const pushAtom = (node: RegexNode) => {
    const f = top();
    f.atom = current().length;
    current().push(node);
    f.quantified = false;
  };
  const pushAnchor = (node: RegexNode) => current().push(node);
  const quantify = (min: number, max: number) => {
    const f = top();
    const items = current();
    // What follows the last atom (an anchor typed after it) is repeated with it.
    const body = seqOf(items.splice(f.atom));
    items.push({ kind: 'repeat', body, min, max });
    f.quantified = true;
  };
  const startOfExpression = () => top().atom === -1;
  const openGroup = () => stack.push({ index: ++groups, options: [[]], atom: -1, quantified: false });
  const closeGroup = (): string | undefined => {
    if (stack.length === 1) return 'Unmatched ) or \\)';
    const f = stack.pop()!;
    closed.add(f.index);
    const body: RegexNode = f.options.length === 1 ? seqOf(f.options[0]) : { kind: 'alt', options: f.options.map(seqOf) };
    // The whole group is the atom a following quantifier repeats.
    pushAtom({ kind: 'group', index: f.index, body });
    return undefined;
  };
  const alternate = () => {
    top().options.push([]);
    top().atom = -1;
  };
  /** `{n}`, `{n,}`, `{,m}` or `{n,m}` from `from`; the bounds and where it ends, if valid. */
  const interval = (from: number, close: string): { min: number; max: number; end: number } | 'bad' | 'big' | undefined => {
    const m = new RegExp(`^(\\d*)(,(\\d*))?${close.replace(/[\\{}]/g, '\\$&')}`).exec(p.slice(from, from + 64));
    if (!m) return undefined;
    if (m[1] === '' && m[2] === undefined) return 'bad';
    const min = m[1] === '' ? 0 : Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === undefined || m[3] === '' ? Infinity : Number(m[3]);
    if (max < min) return 'bad';
    if (min > DUP_MAX || (max !== Infinity && max > DUP_MAX)) return 'big';
    return { min, max, end: from + m[0].length };
  };

  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      if (i + 1 >= p.length) return { ok: false, error: 'Trailing backslash' };
      const n = p[++i];
      if (!extended && n === '(') openGroup();
      else if (!extended && n === ')') {
        const error = closeGroup();
        if (error) return { ok: false, error };
      } else if (!extended && n === '|') alternate();
      else if (!extended && (n === '+' || n === '?')) {
        if (startOfExpression()) pushAtom({ kind: 'char', char: n });
        else quantify(n === '+' ? 1 : 0, n === '+' ? Infinity : 1);
      } else if (!extended && n === '{') {
        if (startOfExpression()) {
          pushAtom({ kind: 'char', char: '{' });
          continue;
        }
        const iv = interval(i + 1, '\\}');
        if (iv === undefined) return { ok: false, error: p.indexOf('\\}', i) === -1 ? 'Unmatched \\{' : 'Invalid content of \\{\\}' };
        if (iv === 'bad') return { ok: false, error: 'Invalid content of \\{\\}' };
        if (iv === 'big') return { ok: false, error: TOO_BIG };
        quantify(iv.min, iv.max);
        i = iv.end - 1;
      } else if (n === '<') pushAtom({ kind: 'assert', what: 'wordStart' });
      else if (n === '>') pushAtom({ kind: 'assert', what: 'wordEnd' });
      else if (n === 'b') pushAtom({ kind: 'assert', what: 'wordEdge' });
      else if (n === 'B') pushAtom({ kind: 'assert', what: 'notWordEdge' });
      else if ('wWsS'.includes(n)) pushAtom({ kind: 'set', source: SHORTHANDS[n] });
      else if (n === '`') pushAtom({ kind: 'assert', what: 'start' });
      else if (n === "'") pushAtom({ kind: 'assert', what: 'end' });
      else if (/[1-9]/.test(n)) {
        if (!closed.has(Number(n))) return { ok: false, error: 'Invalid back reference' };
        backrefs = true;
        pushAtom({ kind: 'backref', index: Number(n) });
      } else pushAtom({ kind: 'char', char: n });
    } else if (c === '[') {
      const b = bracket(p, i + 1);
      if ('error' in b) return { ok: false, error: b.error };
      pushAtom({ kind: 'set', source: b.source });
      i = b.end;
    } else if (c === '.') pushAtom({ kind: 'any' });
    else if (c === '*' || (extended && (c === '+' || c === '?'))) {
      // At the start, * is a plain star in a basic expression; an extended one warns and drops it.
      if (!startOfExpression()) quantify(c === '+' ? 1 : 0, c === '?' ? 1 : Infinity);
      else if (extended) warnings.push(`${c} at start of expression`);
      else pushAtom({ kind: 'char', char: c });
    } else if (extended && c === '{') {
      const iv = startOfExpression() ? undefined : interval(i + 1, '}');
      if (iv === 'big') return { ok: false, error: TOO_BIG };
      if (iv === undefined || iv === 'bad') pushAtom({ kind: 'char', char: '{' });
      else {
        quantify(iv.min, iv.max);
        i = iv.end - 1;
      }
    } else if (extended && c === '(') openGroup();
    else if (extended && c === ')' && stack.length > 1) closeGroup();
    else if (extended && c === '|') alternate();
    else if (c === '^') {
      // In a basic expression ^ anchors only at its start; elsewhere it is a character.
      const anchor = extended || i === 0 || p.slice(i - 2, i) === '\\(' || p.slice(i - 2, i) === '\\|';
      if (anchor) pushAnchor({ kind: 'assert', what: 'start' });
      else pushAtom({ kind: 'char', char: '^' });
    } else if (c === '$') {
      const rest = p.slice(i + 1, i + 3);
      const anchor = extended || i + 1 === p.length || rest === '\\)' || rest === '\\|';
      if (anchor) {
        pushAnchor({ kind: 'assert', what: 'end' });
        top().quantified = false;
      } else pushAtom({ kind: 'char', char: '$' });
    } else {
      // A character outside the BMP is one atom (a quantifier after it repeats all of it).
      const code = p.codePointAt(i)!;
      const char = String.fromCodePoint(code);
      pushAtom({ kind: 'char', char });
      i += char.length - 1;
    }
  }
  if (stack.length > 1) return { ok: false, error: 'Unmatched ( or \\(' };
  const f = stack[0];
  const node: RegexNode = f.options.length === 1 ? seqOf(f.options[0]) : { kind: 'alt', options: f.options.map(seqOf) };
  // Whatever reads the tree next recurses into it: a tree too deep is a pattern too big.
  if (depthOf(node) > MAX_DEPTH) return { ok: false, error: TOO_BIG };
  return { ok: true, node, groups, backrefs, warnings };
}

/** How deeply groups and repeats may nest in one pattern. */
export const MAX_DEPTH = 200;

/** The tree's depth, counted without recursion (the tree may be deeper than the stack). */
function depthOf(root: RegexNode): number {
  let deepest = 0;
  const pending: [RegexNode, number][] = [[root, 1]];
  while (pending.length) {
    const [node, depth] = pending.pop()!;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) break;
    if (node.kind === 'seq') for (const n of node.items) pending.push([n, depth + 1]);
    else if (node.kind === 'alt') for (const n of node.options) pending.push([n, depth + 1]);
    else if (node.kind === 'group' || node.kind === 'repeat') pending.push([node.body, depth + 1]);
  }
  return deepest;
}

/** A fixed string (grep -F) as a tree of its characters. */
export function literal(text: string): RegexNode {
  return seqOf([...text].map((char): RegexNode => ({ kind: 'char', char })));
}
