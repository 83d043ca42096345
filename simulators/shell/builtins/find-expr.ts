// find's command line read as GNU findutils 4.9 reads it: starting points, then an expression of
// tests, actions and options joined by ( ) ! -a -o and `,`, with find's own messages for what it
// refuses. What each predicate does is in find.ts; this file only builds the tree.

/** `+N` (more than), `-N` (less than) or `N` (exactly). */
export interface Comparison {
  op: '+' | '-' | '=';
  n: number;
}

export type Test =
  | { kind: 'name'; pattern: string; fold: boolean }
  | { kind: 'path'; pattern: string; fold: boolean }
  | { kind: 'regex'; pattern: string; fold: boolean; type: RegexType }
  | { kind: 'type'; types: string }
  | { kind: 'empty' }
  | { kind: 'newer'; file: string }
  | { kind: 'time'; unit: 'days' | 'minutes'; cmp: Comparison }
  | { kind: 'size'; cmp: Comparison; unit: number }
  | { kind: 'perm'; mode: number; match: 'exact' | 'all' | 'any' }
  | { kind: 'user'; name: string }
  | { kind: 'access'; what: 'read' | 'write' | 'execute' }
  | { kind: 'links'; cmp: Comparison }
  | { kind: 'const'; value: boolean };

export type Action =
  | { kind: 'print'; end: string }
  | { kind: 'printf'; format: string }
  | { kind: 'ls' }
  | { kind: 'delete' }
  | { kind: 'exec'; argv: string[]; batch: boolean; id: number }
  | { kind: 'prune' }
  | { kind: 'quit' };

export type Expr =
  | { kind: 'and' | 'or' | 'comma'; left: Expr; right: Expr }
  | { kind: 'not'; body: Expr }
  | { kind: 'test'; test: Test }
  | { kind: 'action'; action: Action };

export type RegexType = 'emacs' | 'posix-basic' | 'posix-extended';

export interface FindCommand {
  paths: string[];
  /** The expression, with -print added when it has no action but -prune or -quit. */
  expr: Expr;
  maxDepth: number;
  minDepth: number;
  depthFirst: boolean;
  /** Global options written after a test or action, for find's warning. */
  warnings: string[];
}

/** find's regex types, in the order its message lists them. */
const REGEX_TYPES: Record<string, RegexType> = {
  'findutils-default': 'emacs',
  ed: 'posix-basic',
  emacs: 'emacs',
  'gnu-awk': 'posix-extended',
  grep: 'posix-basic',
  'posix-awk': 'posix-extended',
  awk: 'posix-extended',
  'posix-basic': 'posix-basic',
  'posix-egrep': 'posix-extended',
  egrep: 'posix-extended',
  'posix-extended': 'posix-extended',
  'posix-minimal-basic': 'posix-basic',
  sed: 'posix-basic',
};

/** Options that take effect wherever they are written (and get a warning when written late). */
const GLOBAL = new Set(['-maxdepth', '-mindepth', '-depth', '-d', '-xdev', '-mount', '-noleaf', '-ignore_readdir_race', '-noignore_readdir_race', '-follow', '-regextype', '-warn', '-nowarn', '-daystart']);
/** Predicates find has that this terminal does not run: said plainly rather than misread. */
const UNSUPPORTED = new Set(['-execdir', '-ok', '-okdir', '-fprint', '-fprint0', '-fprintf', '-fls', '-samefile', '-inum', '-context', '-fstype', '-used', '-uid', '-gid']);
const NO_LINKS = new Set(['-lname', '-ilname']);

/** Where the starting points end: at the first word that begins an expression. */
const startsExpression = (word: string) => (word.startsWith('-') && word.length > 1) || word === '(' || word === '!';

/** The symbolic or octal MODE of -perm, as a number, or undefined. */
function parseMode(text: string): number | undefined {
  if (/^[0-7]+$/.test(text)) return parseInt(text, 8) & 0o7777;
  let mode = 0;
  for (const clause of text.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] === '' || m[1].includes('a') ? 'ugo' : m[1];
    let bits = 0;
    for (const p of m[3]) {
      const value = p === 'r' ? 4 : p === 'w' ? 2 : p === 'x' || p === 'X' ? 1 : 0;
      for (const w of who) bits |= value << (w === 'u' ? 6 : w === 'g' ? 3 : 0);
    }
    if (m[2] === '-') mode &= ~bits;
    else if (m[2] === '=') {
      for (const w of who) mode &= ~(7 << (w === 'u' ? 6 : w === 'g' ? 3 : 0));
      mode |= bits;
    } else mode |= bits;
  }
  return mode;
}

function comparison(text: string): Comparison | undefined {
  const m = /^([-+]?)(\d+)$/.exec(text);
  if (!m) return undefined;
  return { op: m[1] === '+' ? '+' : m[1] === '-' ? '-' : '=', n: Number(m[2]) };
}

const SIZE_UNITS: Record<string, number> = { b: 512, c: 1, w: 2, k: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/** Reads find's arguments, or returns find's complaint (a line without `find: `). */
export function parseFind(argv: readonly string[], warnings: boolean): FindCommand | { error: string } {
  let i = 0;
  const paths: string[] = [];
  // -H, -L and -P come first; with no symbolic links here they change nothing.
  while (i < argv.length && /^-[HLP]+$/.test(argv[i])) i++;
  if (argv[i] === '-D' || argv[i]?.startsWith('-O')) i += argv[i] === '-D' ? 2 : 1;
  while (i < argv.length && !startsExpression(argv[i])) paths.push(argv[i++]);
  const words = argv.slice(i);
  const cmd: FindCommand = { paths: paths.length ? paths : ['.'], expr: { kind: 'test', test: { kind: 'const', value: true } }, maxDepth: Infinity, minDepth: 0, depthFirst: false, warnings: [] };
  let regexType: RegexType = 'emacs';
  let hasAction = false;
  let sawNonOption = false;
  let execs = 0;
  let pos = 0;
  /** The last test or action read, which a late global option's warning names. */
  let lastNonOption = '';
  const peek = () => words[pos];

  class Refused extends Error {}
  const refuse = (message: string): never => {
    throw new Refused(message);
  };
  const argument = (name: string) => {
    if (pos >= words.length) refuse(`missing argument to \`${name}'`);
    return words[pos++];
  };

  /** One primary: a test, an action, an option (which stands as true), or a group. */
  const primary = (): Expr => {
    const word = words[pos++];
    if (word === '(') {
      if (peek() === ')') refuse("invalid expression; empty parentheses are not allowed.");
      const inner = commaList();
      if (peek() !== ')') refuse("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
      pos++;
      return inner;
    }
    if (word === ')') refuse("invalid expression; you have too many ')'");
    if (!word.startsWith('-') || word === '-') refuse(`paths must precede expression: \`${word}'`);
    const test = (t: Test): Expr => {
      sawNonOption = true;
      return { kind: 'test', test: t };
    };
    const action = (a: Action): Expr => {
      sawNonOption = true;
      if (a.kind !== 'prune' && a.kind !== 'quit') hasAction = true;
      return { kind: 'action', action: a };
    };
    if (GLOBAL.has(word)) {
      if (warnings && sawNonOption && word !== '-regextype' && word !== '-warn' && word !== '-nowarn') {
        cmd.warnings.push(`warning: you have specified the global option ${word} after the argument ${lastNonOption}, but global options are not positional, i.e., ${word} affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.`);
      }
      if (word === '-maxdepth' || word === '-mindepth') {
        const value = argument(word);
        if (!/^\+?\d+$/.test(value)) refuse(`Expected a positive decimal integer argument to ${word}, but got ‘${value}’`);
        if (word === '-maxdepth') cmd.maxDepth = Number(value);
        else cmd.minDepth = Number(value);
      } else if (word === '-depth' || word === '-d') cmd.depthFirst = true;
      else if (word === '-regextype') {
        const value = argument(word);
        if (!Object.prototype.hasOwnProperty.call(REGEX_TYPES, value)) {
          refuse(`Unknown regular expression type ‘${value}’; valid types are ${Object.keys(REGEX_TYPES).map((t) => `‘${t}’`).join(', ')}.`);
        }
        regexType = REGEX_TYPES[value];
      }
      return { kind: 'test', test: { kind: 'const', value: true } };
    }
    lastNonOption = word;
    switch (word) {
      case '-name':
      case '-iname':
        return test({ kind: 'name', pattern: argument(word), fold: word === '-iname' });
      case '-path':
      case '-wholename':
      case '-ipath':
      case '-iwholename':
        return test({ kind: 'path', pattern: argument(word), fold: word.startsWith('-i') });
      case '-regex':
      case '-iregex':
        return test({ kind: 'regex', pattern: argument(word), fold: word === '-iregex', type: regexType });
      case '-type':
      case '-xtype': {
        const value = argument(word);
        const types = value.split(',');
        for (const t of types) {
          if (t.length !== 1 || !'bcdpflsD'.includes(t)) {
            refuse(t.length === 1 || t === '' ? `Unknown argument to ${word}: ${t}` : `Must separate multiple arguments to ${word} using: ','`);
          }
        }
        return test({ kind: 'type', types: types.join('') });
      }
      case '-empty':
        return test({ kind: 'empty' });
      case '-newer':
      case '-anewer':
      case '-cnewer':
        return test({ kind: 'newer', file: argument(word) });
      case '-mtime':
      case '-atime':
      case '-ctime':
      case '-mmin':
      case '-amin':
      case '-cmin': {
        const value = argument(word);
        const cmp = comparison(value);
        if (!cmp) refuse(`invalid argument \`${value}' to \`${word}'`);
        return test({ kind: 'time', unit: word.endsWith('min') ? 'minutes' : 'days', cmp: cmp! });
      }
      case '-size': {
        const value = argument(word);
        // The last character is the unit (or a digit of the number), as find reads it.
        const unit = value[value.length - 1] ?? '';
        if (!/[bcwkMG0-9]/.test(unit)) refuse(value === '' ? 'invalid null argument to `-size\'' : `invalid -size type \`${unit}'`);
        const m = /^([-+]?\d+)([bcwkMG]?)$/.exec(value);
        if (!m) refuse(`invalid argument \`${value}' to \`-size'`);
        return test({ kind: 'size', cmp: comparison(m![1])!, unit: SIZE_UNITS[m![2] || 'b'] });
      }
      case '-perm': {
        const value = argument(word);
        const match = value.startsWith('-') ? 'all' : value.startsWith('/') ? 'any' : 'exact';
        const mode = parseMode(match === 'exact' ? value : value.slice(1));
        if (mode === undefined) refuse(`invalid mode ‘${value}’`);
        return test({ kind: 'perm', mode: mode!, match });
      }
      case '-user':
      case '-group':
        return test({ kind: 'user', name: argument(word) });
      case '-nouser':
      case '-nogroup':
      case '-false':
        return test({ kind: 'const', value: false });
      case '-true':
        return test({ kind: 'const', value: true });
      case '-readable':
        return test({ kind: 'access', what: 'read' });
      case '-writable':
        return test({ kind: 'access', what: 'write' });
      case '-executable':
        return test({ kind: 'access', what: 'execute' });
      case '-links': {
        const value = argument(word);
        const cmp = comparison(value);
        if (!cmp) refuse(`invalid argument \`${value}' to \`-links'`);
        return test({ kind: 'links', cmp: cmp! });
      }
      case '-print':
        return action({ kind: 'print', end: '\n' });
      case '-print0':
        return action({ kind: 'print', end: '\0' });
      case '-printf':
        return action({ kind: 'printf', format: argument(word) });
      case '-ls':
        return action({ kind: 'ls' });
      case '-delete':
        cmd.depthFirst = true;
        return action({ kind: 'delete' });
      case '-prune':
        return action({ kind: 'prune' });
      case '-quit':
        return action({ kind: 'quit' });
      case '-exec': {
        const start = pos;
        for (; pos < words.length; pos++) {
          if (words[pos] === ';') break;
          if (words[pos] === '+' && pos > start && words[pos - 1] === '{}') break;
        }
        if (pos >= words.length || pos === start) refuse("missing argument to `-exec'");
        const batch = words[pos] === '+';
        const argv = words.slice(start, batch ? pos - 1 : pos);
        pos++;
        return action({ kind: 'exec', argv, batch, id: execs++ });
      }
      case '-help':
      case '--help':
      case '-version':
      case '--version':
        refuse(`${word} is not supported in this terminal; \`find --help\` lists what is`);
    }
    if (NO_LINKS.has(word)) {
      argument(word);
      // There are no symbolic links on this file system: nothing matches.
      return test({ kind: 'const', value: false });
    }
    if (UNSUPPORTED.has(word)) refuse(`${word} is not supported in this terminal`);
    return refuse(`unknown predicate \`${word}'`);
  };

  const unary = (): Expr => {
    if (peek() === '!' || peek() === '-not') {
      const op = words[pos++];
      if (pos >= words.length || [')', '-o', '-or', '-a', '-and', ','].includes(peek())) refuse(`expected an expression after '${op}'`);
      return { kind: 'not', body: unary() };
    }
    return primary();
  };
  const binaryStart = (op: string) => refuse(`invalid expression; you have used a binary operator '${op}' with nothing before it.`);
  const andList = (): Expr => {
    if (['-a', '-and', '-o', '-or', ','].includes(peek())) binaryStart(peek());
    let left = unary();
    for (;;) {
      const next = peek();
      if (next === undefined || next === ')' || next === '-o' || next === '-or' || next === ',') return left;
      if (next === '-a' || next === '-and') {
        pos++;
        if (pos >= words.length || [')', '-o', '-or', ','].includes(peek())) refuse(`expected an expression after '${next}'`);
      }
      left = { kind: 'and', left, right: unary() };
    }
  };
  const orList = (): Expr => {
    let left = andList();
    while (peek() === '-o' || peek() === '-or') {
      const op = words[pos++];
      if (pos >= words.length || peek() === ')' || peek() === ',') refuse(`expected an expression after '${op}'`);
      left = { kind: 'or', left, right: andList() };
    }
    return left;
  };
  const commaList = (): Expr => {
    let left = orList();
    while (peek() === ',') {
      pos++;
      if (pos >= words.length || peek() === ')') refuse("expected an expression after ','");
      left = { kind: 'comma', left, right: orList() };
    }
    return left;
  };

  try {
    if (words.length) {
      const expr = commaList();
      if (pos < words.length) refuse(words[pos] === ')' ? "invalid expression; you have too many ')'" : `paths must precede expression: \`${words[pos]}'`);
      cmd.expr = expr;
    }
  } catch (e) {
    if (e instanceof Refused) return { error: e.message };
    throw e;
  }
  // With no action but -prune or -quit, what matched is printed.
  if (!hasAction) cmd.expr = { kind: 'and', left: cmd.expr, right: { kind: 'action', action: { kind: 'print', end: '\n' } } };
  return cmd;
}
