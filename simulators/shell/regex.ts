// POSIX regular expressions, basic (grep) and extended (grep -E), read the way GNU grep reads
// them and turned into JavaScript ones, with GNU's messages for the ones it refuses.

export type Translation = { ok: true; source: string; groups: number; warnings: string[] } | { ok: false; error: string };

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

const escape = (c: string) => (/[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c);
/** Inside a JavaScript class (with the u flag) only these need a backslash. */
const escapeInClass = (c: string) => (/[\\^\]\[-]/.test(c) ? `\\${c}` : c);

/** A bracket expression from just after its `[`: the JavaScript class and where it ends. */
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
        if (!(name in CLASSES)) return { error: 'Invalid character class name' };
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

/**
 * Translates `pattern` (basic unless `extended`) into a JavaScript regular expression source.
 * `groupOffset` renumbers back-references when several patterns are joined with `|`.
 */
export function translateRegex(pattern: string, extended: boolean, groupOffset = 0): Translation {
  const p = pattern;
  const warnings: string[] = [];
  let out = '';
  let atom = -1; // where the last atom starts in `out`, or -1 at the start of an expression
  let quantified = false;
  let groups = 0;
  const open: { n: number; at: number }[] = []; // groups still open: number and where they start in `out`
  const closed = new Set<number>();

  const pushAtom = (source: string) => {
    atom = out.length;
    out += source;
    quantified = false;
  };
  const quantify = (q: string) => {
    if (quantified) out = `${out.slice(0, atom)}(?:${out.slice(atom)})`;
    out += q;
    quantified = true;
  };
  const startOfExpression = () => atom === -1;
  const openGroup = () => {
    open.push({ n: ++groups, at: out.length });
    out += '(';
    atom = -1;
  };
  const closeGroup = (): string | undefined => {
    const group = open.pop();
    if (!group) return 'Unmatched ) or \\)';
    closed.add(group.n);
    out += ')';
    // The whole group is the atom a following quantifier repeats.
    atom = group.at;
    quantified = false;
    return undefined;
  };
  const alternate = () => {
    out += '|';
    atom = -1;
  };
  /** `{n}`, `{n,}`, `{,m}` or `{n,m}` from `from`; the interval and where it ends, if valid. */
  const interval = (from: number, close: string): { q: string; end: number } | 'bad' | undefined => {
    const m = new RegExp(`^(\\d*)(,(\\d*))?${close.replace(/[\\{}]/g, '\\$&')}`).exec(p.slice(from));
    if (!m) return undefined;
    if (m[1] === '' && m[2] === undefined) return 'bad';
    const min = m[1] === '' ? 0 : Number(m[1]);
    if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < min) return 'bad';
    return { q: m[2] === undefined ? `{${min}}` : `{${min},${m[3] ?? ''}}`, end: from + m[0].length };
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
        if (startOfExpression()) pushAtom(escape(n));
        else quantify(n);
      } else if (!extended && n === '{') {
        if (startOfExpression()) {
          pushAtom('\\{');
          continue;
        }
        const iv = interval(i + 1, '\\}');
        if (iv === undefined) return { ok: false, error: p.indexOf('\\}', i) === -1 ? 'Unmatched \\{' : 'Invalid content of \\{\\}' };
        if (iv === 'bad') return { ok: false, error: 'Invalid content of \\{\\}' };
        quantify(iv.q);
        i = iv.end - 1;
      } else if (n === '<') pushAtom('\\b(?=\\w)');
      else if (n === '>') pushAtom('\\b(?<=\\w)');
      else if ('bBwWsS'.includes(n)) pushAtom(`\\${n}`);
      else if (n === '`') pushAtom('^');
      else if (n === "'") pushAtom('$');
      else if (/[1-9]/.test(n)) {
        if (!closed.has(Number(n))) return { ok: false, error: 'Invalid back reference' };
        pushAtom(`\\${Number(n) + groupOffset}`);
      } else pushAtom(escape(n));
    } else if (c === '[') {
      const b = bracket(p, i + 1);
      if ('error' in b) return { ok: false, error: b.error };
      pushAtom(b.source);
      i = b.end;
    } else if (c === '.') pushAtom('.');
    else if (c === '*' || (extended && (c === '+' || c === '?'))) {
      // At the start, * is a plain star in a basic expression; an extended one warns and drops it.
      if (!startOfExpression()) quantify(c);
      else if (extended) warnings.push(`${c} at start of expression`);
      else pushAtom(escape(c));
    } else if (extended && c === '{') {
      const iv = startOfExpression() ? undefined : interval(i + 1, '}');
      if (iv === undefined || iv === 'bad') pushAtom('\\{');
      else {
        quantify(iv.q);
        i = iv.end - 1;
      }
    } else if (extended && c === '(') openGroup();
    else if (extended && c === ')' && open.length) closeGroup();
    else if (extended && c === '|') alternate();
    else if (c === '^') {
      // In a basic expression ^ anchors only at its start; elsewhere it is a character.
      const anchor = extended || i === 0 || p.slice(i - 2, i) === '\\(' || p.slice(i - 2, i) === '\\|';
      if (anchor) out += '^';
      else pushAtom('\\^');
    } else if (c === '$') {
      const rest = p.slice(i + 1);
      const anchor = extended || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|');
      if (anchor) {
        out += '$';
        quantified = false;
      } else pushAtom('\\$');
    } else pushAtom(escape(c));
  }
  if (open.length) return { ok: false, error: 'Unmatched ( or \\(' };
  return { ok: true, source: out, groups, warnings };
}
