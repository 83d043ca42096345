// find (GNU findutils 4.9): walks each starting point on the simulated file system, evaluating
// the expression (find-expr.ts) on every file, names in byte order (a real directory's order is
// the file system's own). -exec runs any program of the machine through the shell runtime, per
// file (`;`) or in batches (`+`), as xargs does.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext, Effect } from '../../core/process';
import { formatLsTime } from '../../core/clock';
import { stableHex } from '../../core/hash';
import { byteLength, canRead, canWrite, childNames, lookupPath, remove, resolvePath, type FsNode } from '../fs';
import { compileGlob, type GlobPattern } from '../glob-match';
import { parseRegex } from '../regex';
import { compileMatcher, type LineMatcher } from '../regex-match';
import { parseFind, type Action, type Comparison, type Expr, type FindCommand, type Test } from './find-expr';
import { findProgram, runProgram } from './run-program';
import { actorOf, curly, fsMessage, stat } from './support';

/** The command line size GNU find's `-exec ... {} +` fills, as xargs does. */
const ARG_MAX = 131072;

/** One file as the expression sees it. */
interface Visit {
  /** The name as printed: the starting point, then `/` and each name below it. */
  path: string;
  start: string;
  node: FsNode;
  depth: number;
}

const sizeOf = (node: FsNode) => (node.kind === 'dir' ? 4096 : byteLength(node.content));

function modeString(node: FsNode): string {
  const rwx = (shift: number) => `${node.mode & (4 << shift) ? 'r' : '-'}${node.mode & (2 << shift) ? 'w' : '-'}${node.mode & (1 << shift) ? 'x' : '-'}`;
  return `${node.kind === 'dir' ? 'd' : '-'}${rwx(6)}${rwx(3)}${rwx(0)}`;
}

const compare = (cmp: Comparison, value: number) => (cmp.op === '+' ? value > cmp.n : cmp.op === '-' ? value < cmp.n : value === cmp.n);

/** %h: the directory part of a printed name (`.` when it has none). */
function leading(path: string): string {
  const cut = path.replace(/\/+$/, '').lastIndexOf('/');
  return cut < 0 ? '.' : cut === 0 ? '/' : path.slice(0, cut);
}

const tail = (path: string) => (path === '/' ? '/' : path.replace(/\/+$/, '').split('/').pop() ?? path);

/** emacs regular expressions (find's default) are POSIX basic ones with `+` and `?` unescaped. */
function emacsToBasic(pattern: string): string {
  let out = '';
  let inBracket = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (inBracket) {
      out += c;
      if (c === ']' && !/\[\^?$/.test(out.slice(0, -1))) inBracket = false;
    } else if (c === '[') {
      inBracket = true;
      out += c;
    } else if (c === '\\' && (pattern[i + 1] === '+' || pattern[i + 1] === '?')) out += pattern[++i];
    else if (c === '\\' && i + 1 < pattern.length) out += c + pattern[++i];
    else if (c === '+' || c === '?') out += `\\${c}`;
    else out += c;
  }
  return out;
}

/** -printf's directives and escapes (the common ones). */
function printfOne(format: string, v: Visit, now: number): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '\\' && i + 1 < format.length) {
      const e = format[++i];
      const escapes: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', a: '\x07', b: '\b', f: '\f', r: '\r', v: '\v', '0': '\0' };
      out += escapes[e] ?? `\\${e}`;
      continue;
    }
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^%([-+# 0]*)(\d*)(?:\.(\d+))?([a-zA-Z%])/.exec(format.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length - 1;
    const [, flags, width, precision, conv] = m;
    let value: string;
    switch (conv) {
      case '%':
        value = '%';
        break;
      case 'p':
        value = v.path;
        break;
      case 'P':
        value = v.path === v.start ? '' : v.path.slice(v.start.length).replace(/^\//, '');
        break;
      case 'f':
        value = tail(v.path);
        break;
      case 'h':
        value = leading(v.path);
        break;
      case 'H':
        value = v.start;
        break;
      case 'd':
        value = String(v.depth);
        break;
      case 's':
        value = String(sizeOf(v.node));
        break;
      case 'k':
        value = String(Math.ceil(sizeOf(v.node) / 4096) * 4);
        break;
      case 'm':
        value = (v.node.mode & 0o7777).toString(8);
        break;
      case 'M':
        value = modeString(v.node);
        break;
      case 'u':
      case 'g':
        value = v.node.owner;
        break;
      case 'y':
      case 'Y':
        value = v.node.kind === 'dir' ? 'd' : 'f';
        break;
      case 'n':
        value = String(linkCount(v.node));
        break;
      case 't':
      case 'c':
      case 'a':
        value = new Date(v.node.mtime).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, (_, d, day, mon, y, t) => `${d} ${mon} ${day.padStart(2)} ${t}.0000000000 ${y}`);
        break;
      case 'T':
      case 'C':
      case 'A':
        // %TX: the time's field X (a few of strftime's).
        value = timeField(format[i + 1], v.node.mtime, now);
        i++;
        break;
      default:
        value = m[0];
    }
    if (precision !== undefined && 'pPfhHugMy'.includes(conv)) value = value.slice(0, Number(precision));
    const pad = Math.max(0, Number(width || 0) - value.length);
    out += flags.includes('-') ? value + ' '.repeat(pad) : ' '.repeat(pad) + value;
  }
  return out;
}

function timeField(field: string | undefined, ms: number, now: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  switch (field) {
    case 'Y':
      return String(d.getUTCFullYear());
    case 'm':
      return two(d.getUTCMonth() + 1);
    case 'd':
      return two(d.getUTCDate());
    case 'H':
      return two(d.getUTCHours());
    case 'M':
      return two(d.getUTCMinutes());
    case 'S':
      return two(d.getUTCSeconds());
    case 'F':
      return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
    case 'T':
      return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
    case '@':
      return String(Math.floor(ms / 1000));
    default:
      return formatLsTime(ms, now);
  }
}

/** Files have one link; a directory has two plus one per directory inside it. */
const linkCount = (node: FsNode) => (node.kind === 'dir' ? 2 + Object.values(node.children).filter((c) => c.kind === 'dir').length : 1);

/** -ls: `find`'s own long listing, with an inode number made up from the name. */
function lsLine(v: Visit, now: number): string {
  const inode = parseInt(stableHex(v.path).slice(0, 6), 16) + 1_000_000;
  const blocks = Math.ceil(sizeOf(v.node) / 4096) * 4;
  return `${String(inode).padStart(9)} ${String(blocks).padStart(6)} ${modeString(v.node)} ${String(linkCount(v.node)).padStart(3)} ${v.node.owner.padEnd(8)} ${v.node.owner.padEnd(8)} ${String(sizeOf(v.node)).padStart(8)} ${formatLsTime(v.node.mtime, now)} ${v.path}\n`;
}

/** Known users: root, whoever runs find, and /etc/passwd's. */
function knownUser(ctx: CommandContext, name: string): boolean {
  if (name === 'root' || name === ctx.machine.identity().user || /^\d+$/.test(name)) return true;
  const passwd = lookupPath(ctx.machine.fs(), '/', '/etc/passwd');
  return passwd.ok && passwd.value.kind === 'file' && passwd.value.content.split('\n').some((line) => line.split(':')[0] === name);
}

export const find: CommandSpec = {
  name: 'find',
  summary: 'search for files in a directory hierarchy',
  usage: '[-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]',
  description: "Search the directory tree below each path for files matching the expression;\nthe default path is the current directory, the default action -print.",
  dialect: gnu,
  rawArgs: true,
  args: [{ name: 'path', optional: true, variadic: true, complete: 'path' }],
  notes:
    'Operators (decreasing precedence; -and is implicit where no others are given):\n      ( EXPR )   ! EXPR   -not EXPR   EXPR1 -a EXPR2   EXPR1 -and EXPR2\n      EXPR1 -o EXPR2   EXPR1 -or EXPR2   EXPR1 , EXPR2\n\nPositional options (always true):\n      -daystart -follow -nowarn -regextype -warn\n\nNormal options (always true, specified before other expressions):\n      -depth -files0-from FILE -maxdepth LEVELS -mindepth LEVELS\n       -mount -noleaf -xdev -ignore_readdir_race -noignore_readdir_race\n\nTests (N can be +N or -N or N):\n      -amin N -anewer FILE -atime N -cmin N -cnewer FILE -context CONTEXT\n      -ctime N -empty -false -fstype TYPE -gid N -group NAME -ilname PATTERN\n      -iname PATTERN -inum N -iwholename PATTERN -iregex PATTERN\n      -links N -lname PATTERN -mmin N -mtime N -name PATTERN -newer FILE\n      -nouser -nogroup -path PATTERN -perm [-/]MODE -regex PATTERN\n      -readable -writable -executable\n      -wholename PATTERN -size N[bcwkMG] -true -type [bcdpflsD] -uid N\n      -used N -user NAME -xtype [bcdpfls]\n\nActions:\n      -delete -print0 -printf FORMAT -fprintf FILE FORMAT -print \n      -fprint0 FILE -fprint FILE -ls -fls FILE -prune -quit\n      -exec COMMAND ; -exec COMMAND {} + -ok COMMAND ;\n      -execdir COMMAND ; -execdir COMMAND {} + -okdir COMMAND ;',
  *run(ctx) {
    const parsed = parseFind(ctx.command.args, ctx.stdin === null);
    if ('error' in parsed) {
      ctx.err(`find: ${parsed.error}\n`);
      return 1;
    }
    for (const w of parsed.warnings) ctx.err(`find: ${w}\n`);
    return yield* walk(ctx, parsed);
  },
};

function* walk(ctx: CommandContext, cmd: FindCommand): Generator<Effect, number, string | null> {
  const user = ctx.machine.identity().user;
  const now = ctx.machine.now();
  let status = 0;
  let quit = false;
  let buffer = '';
  const flush = () => {
    if (buffer) ctx.out(buffer);
    buffer = '';
  };

  // What the tests need, made once: patterns, regexes, -newer's time, -user's check.
  const globs = new Map<Test, GlobPattern>();
  const regexes = new Map<Test, LineMatcher>();
  const newer = new Map<Test, number>();
  const prepare = (e: Expr): string | undefined => {
    if (e.kind === 'and' || e.kind === 'or' || e.kind === 'comma') return prepare(e.left) ?? prepare(e.right);
    if (e.kind === 'not') return prepare(e.body);
    if (e.kind !== 'test') return undefined;
    const t = e.test;
    if (t.kind === 'name' || t.kind === 'path') globs.set(t, compileGlob(t.fold ? t.pattern.toLowerCase() : t.pattern, ctx.budget));
    else if (t.kind === 'regex') {
      const source = t.type === 'emacs' ? emacsToBasic(t.pattern) : t.pattern;
      const tree = parseRegex(source, t.type === 'posix-extended');
      const compiled = tree.ok ? compileMatcher([tree.node], [tree.groups], tree.backrefs, { ignoreCase: t.fold, line: true }, ctx.budget) : tree;
      if (!compiled.ok) return compiled.error;
      regexes.set(t, compiled.matcher);
    } else if (t.kind === 'newer') {
      const found = stat(ctx, t.file);
      if (!found.ok) return `${curly(t.file)}: ${fsMessage(found.code)}`;
      newer.set(t, found.value.mtime);
    } else if (t.kind === 'user' && !knownUser(ctx, t.name)) return `${curly(t.name)} is not the name of a known user`;
    return undefined;
  };
  const problem = prepare(cmd.expr);
  if (problem) {
    ctx.err(`find: ${problem}\n`);
    return 1;
  }

  // -exec ... {} +: the names gathered for each, run when the line is full and at the end.
  const batches = new Map<number, { argv: string[]; names: string[]; size: number }>();
  function* runBatch(action: Extract<Action, { kind: 'exec' }>): Generator<Effect, void, string | null> {
    const batch = batches.get(action.id);
    if (!batch || !batch.names.length) return;
    batches.delete(action.id);
    flush();
    const argv = [...batch.argv, ...batch.names];
    const missing = findProgram(ctx, argv[0]);
    if (missing) {
      ctx.err(`find: ${curly(argv[0])}: ${fsMessage(missing)}\n`);
      status = 1;
      return;
    }
    if ((yield* runProgram(ctx, argv, ctx.stdin)) !== 0) status = 1;
  }

  function* test(t: Test, v: Visit): Generator<Effect, boolean, string | null> {
    switch (t.kind) {
      case 'name': {
        const name = tail(v.path);
        return globs.get(t)!.matches(t.fold ? name.toLowerCase() : name);
      }
      case 'path':
        return globs.get(t)!.matches(t.fold ? v.path.toLowerCase() : v.path);
      case 'regex':
        return regexes.get(t)!.test(v.path);
      case 'type':
        return t.types.includes(v.node.kind === 'dir' ? 'd' : 'f');
      case 'empty':
        return v.node.kind === 'dir' ? childNames(v.node).length === 0 : v.node.content === '';
      case 'newer':
        return v.node.mtime > newer.get(t)!;
      case 'time': {
        const unit = t.unit === 'days' ? 86_400_000 : 60_000;
        const age = (now - v.node.mtime) / unit;
        // -mtime counts whole days (rounded down); -mmin rounds up to the minute.
        return compare(t.cmp, t.unit === 'days' ? Math.floor(age) : Math.ceil(age));
      }
      case 'size':
        return compare(t.cmp, Math.ceil(sizeOf(v.node) / t.unit));
      case 'perm': {
        const mode = v.node.mode & 0o7777;
        return t.match === 'exact' ? mode === t.mode : t.match === 'all' ? (mode & t.mode) === t.mode : t.mode === 0 || (mode & t.mode) !== 0;
      }
      case 'user':
        return v.node.owner === t.name;
      case 'access':
        if (t.what === 'read') return canRead(v.node, user);
        if (t.what === 'write') return v.node.kind === 'dir' ? canWrite(v.node, user) : user === 'root' || v.node.owner === user || (v.node.mode & 0o002) !== 0;
        return user === 'root' ? (v.node.mode & 0o111) !== 0 || v.node.kind === 'dir' : (v.node.mode & (v.node.owner === user ? 0o100 : 0o001)) !== 0;
      case 'links':
        return compare(t.cmp, linkCount(v.node));
      case 'const':
        return t.value;
    }
  }

  let prune = false;
  function* act(a: Action, v: Visit): Generator<Effect, boolean, string | null> {
    switch (a.kind) {
      case 'print':
        buffer += v.path + a.end;
        return true;
      case 'printf':
        buffer += printfOne(a.format, v, now);
        return true;
      case 'ls':
        buffer += lsLine(v, now);
        return true;
      case 'prune':
        prune = true;
        return true;
      case 'quit':
        quit = true;
        return true;
      case 'delete': {
        // find never deletes the directory it was started in.
        if (v.path === '.' || v.path === './') return true;
        const removed = remove(ctx.machine.fs(), resolvePath(ctx.machine.shell().cwd, v.path), actorOf(ctx), { dirOnly: v.node.kind === 'dir' });
        if (removed.ok) {
          ctx.machine.setFs(removed.value);
          return true;
        }
        flush();
        ctx.err(`find: cannot delete ${curly(v.path)}: ${fsMessage(removed.code)}\n`);
        status = 1;
        return false;
      }
      case 'exec': {
        if (a.batch) {
          let batch = batches.get(a.id);
          const bytes = byteLength(v.path) + 1;
          if (batch && batch.size + bytes > ARG_MAX) yield* runBatch(a);
          batch = batches.get(a.id) ?? { argv: a.argv, names: [], size: a.argv.reduce((n, w) => n + byteLength(w) + 1, 0) };
          batch.names.push(v.path);
          batch.size += bytes;
          batches.set(a.id, batch);
          return true;
        }
        flush();
        const argv = a.argv.map((word) => word.split('{}').join(v.path));
        const missing = findProgram(ctx, argv[0]);
        if (missing) {
          ctx.err(`find: ${curly(argv[0])}: ${fsMessage(missing)}\n`);
          return false;
        }
        return (yield* runProgram(ctx, argv, ctx.stdin)) === 0;
      }
    }
  }

  function* evaluate(e: Expr, v: Visit): Generator<Effect, boolean, string | null> {
    switch (e.kind) {
      case 'and':
        return (yield* evaluate(e.left, v)) && !quit && (yield* evaluate(e.right, v));
      case 'or':
        return (yield* evaluate(e.left, v)) || (!quit && (yield* evaluate(e.right, v)));
      case 'comma':
        yield* evaluate(e.left, v);
        return !quit && (yield* evaluate(e.right, v));
      case 'not':
        return !(yield* evaluate(e.body, v));
      case 'test':
        return yield* test(e.test, v);
      case 'action':
        return yield* act(e.action, v);
    }
  }

  function* visit(v: Visit): Generator<Effect, void, string | null> {
    ctx.budget.spend(2);
    if (ctx.budget.breathe()) yield { type: 'wait', ms: 0 };
    const inRange = v.depth >= cmd.minDepth;
    prune = false;
    if (!cmd.depthFirst && inRange) yield* evaluate(cmd.expr, v);
    // -prune stops the descent (but not with -depth, where the contents come first).
    const descend = v.node.kind === 'dir' && v.depth < cmd.maxDepth && !(prune && !cmd.depthFirst) && !quit;
    if (descend && v.node.kind === 'dir') {
      if (!canRead(v.node, user)) {
        flush();
        ctx.err(`find: ${curly(v.path)}: Permission denied\n`);
        status = 1;
      } else {
        const dir = v.node;
        for (const name of childNames(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
          if (quit) break;
          yield* visit({ path: v.path.endsWith('/') ? v.path + name : `${v.path}/${name}`, start: v.start, node: dir.children[name], depth: v.depth + 1 });
        }
      }
    }
    if (cmd.depthFirst && inRange && !quit) yield* evaluate(cmd.expr, v);
  }

  for (const start of cmd.paths) {
    if (quit) break;
    const found = start === '' ? ({ ok: false, code: 'ENOENT' } as const) : stat(ctx, start);
    if (!found.ok) {
      flush();
      ctx.err(`find: ${curly(start)}: ${fsMessage(found.code)}\n`);
      status = 1;
      continue;
    }
    if (cmd.maxDepth >= 0) yield* visit({ path: start, start, node: found.value, depth: 0 });
  }
  for (const id of [...batches.keys()]) {
    const batch = batches.get(id)!;
    yield* runBatch({ kind: 'exec', argv: batch.argv, batch: true, id });
  }
  flush();
  return status;
}
