// test and [: file checks, string and integer comparisons, ! -a -o and parentheses, with bash's
// rules for how many arguments mean what, its messages and exit codes (0 true, 1 false, 2 error).
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext } from '../../core/process';
import { lookup, resolvePath, type FsNode } from '../fs';

class TestError extends Error {}

const UNARY = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-z', '-n', '-b', '-c', '-p', '-S', '-O', '-G', '-a', '-u', '-g', '-k', '-t', '-N', '-R', '-v', '-o']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

function integer(text: string): bigint {
  const t = text.trim();
  // bash's integers are 64-bit: anything beyond is not an integer expression.
  if (!/^[-+]?\d+$/.test(t) || BigInt(t) > 2n ** 63n - 1n || BigInt(t) < -(2n ** 63n)) throw new TestError(`${text}: integer expression expected`);
  return BigInt(t);
}

/** `closing`: the word after the expression (`]` for `[`), which bash names when a `)` is missing. */
export function evaluator(ctx: CommandContext, closing?: string) {
  const node = (path: string): FsNode | undefined => {
    const found = lookup(ctx.machine.fs(), resolvePath(ctx.cwd, path));
    return found.ok ? found.value : undefined;
  };
  const user = ctx.machine.identity().user;
  const allows = (n: FsNode | undefined, bit: number) => Boolean(n) && (user === 'root' ? bit !== 0o1 || n!.kind === 'dir' || (n!.mode & 0o111) !== 0 : (n!.mode & (n!.owner === user ? bit << 6 : bit)) !== 0);

  const unary = (op: string, arg: string): boolean => {
    switch (op) {
      case '-z':
        return arg === '';
      case '-n':
        return arg !== '';
      case '-e':
      case '-a':
        return node(arg) !== undefined;
      case '-f':
        return node(arg)?.kind === 'file';
      case '-d':
        return node(arg)?.kind === 'dir';
      case '-s': {
        const n = node(arg);
        return n !== undefined && (n.kind === 'dir' || n.content.length > 0);
      }
      case '-r':
        return allows(node(arg), 0o4);
      case '-w':
        return allows(node(arg), 0o2);
      case '-x':
        return allows(node(arg), 0o1);
      case '-O':
      case '-G':
        return node(arg)?.owner === user;
      case '-c':
        // The one character device here.
        return arg === '/dev/null' || resolvePath(ctx.cwd, arg) === '/dev/null';
      case '-v':
        return arg in ctx.env || ctx.machine.shell().vars[arg] !== undefined;
      case '-t':
        return arg === '0' || arg === '1' || arg === '2' ? ctx.tty !== null : false;
      case '-o':
        // Shell options: none of the set -o ones is on here.
        return false;
      case '-k': {
        const n = node(arg);
        return n !== undefined && (n.mode & 0o1000) !== 0;
      }
      default:
        // Links, devices, pipes and sockets: this file system has none.
        return false;
    }
  };

  const binary = (left: string, op: string, right: string): boolean => {
    switch (op) {
      case '=':
      case '==':
        return left === right;
      case '!=':
        return left !== right;
      case '<':
        return left < right;
      case '>':
        return left > right;
      case '-eq':
        return integer(left) === integer(right);
      case '-ne':
        return integer(left) !== integer(right);
      case '-lt':
        return integer(left) < integer(right);
      case '-le':
        return integer(left) <= integer(right);
      case '-gt':
        return integer(left) > integer(right);
      case '-ge':
        return integer(left) >= integer(right);
      case '-nt':
      case '-ot': {
        const a = node(left);
        const b = node(right);
        if (!a || !b) return op === '-nt' ? Boolean(a) : Boolean(b);
        return op === '-nt' ? a.mtime > b.mtime : a.mtime < b.mtime;
      }
      default: {
        // -ef: the same file, however the two paths are written.
        const a = resolvePath(ctx.cwd, left);
        return a === resolvePath(ctx.cwd, right) && node(a) !== undefined;
      }
    }
  };

  // POSIX decides by the number of arguments up to four; longer expressions are parsed with
  // -o below -a below !, and parentheses.
  const byCount = (args: string[]): boolean => {
    switch (args.length) {
      case 0:
        return false;
      case 1:
        return args[0] !== '';
      case 2:
        if (args[0] === '!') return !byCount([args[1]]);
        if (UNARY.has(args[0])) return unary(args[0], args[1]);
        throw new TestError(`${args[0]}: unary operator expected`);
      case 3:
        if (BINARY.has(args[1])) return binary(args[0], args[1], args[2]);
        if (args[1] === '-a') return byCount([args[0]]) && byCount([args[2]]);
        if (args[1] === '-o') return byCount([args[0]]) || byCount([args[2]]);
        if (args[0] === '!') return !byCount(args.slice(1));
        if (args[0] === '(' && args[2] === ')') return byCount([args[1]]);
        throw new TestError(`${args[1]}: binary operator expected`);
      case 4:
        if (args[0] === '!') return !byCount(args.slice(1));
        if (args[0] === '(' && args[3] === ')') return byCount(args.slice(1, 3));
        return parse(args);
      default:
        return parse(args);
    }
  };

  const parse = (args: string[]): boolean => {
    let i = 0;
    const primary = (): boolean => {
      const a = args[i];
      if (a === undefined) throw new TestError('argument expected');
      if (a === '!') {
        i++;
        return !primary();
      }
      if (a === '(') {
        i++;
        const value = or();
        const found = args[i] ?? closing;
        if (args[i] !== ')') throw new TestError(found === undefined ? "`)' expected" : `\`)' expected, found ${found}`);
        i++;
        return value;
      }
      if (UNARY.has(a) && args[i + 1] !== undefined && !BINARY.has(args[i + 1])) {
        i += 2;
        return unary(a, args[i - 1]);
      }
      if (BINARY.has(args[i + 1] ?? '') && args[i + 2] !== undefined) {
        i += 3;
        return binary(args[i - 3], args[i - 2], args[i - 1]);
      }
      i++;
      return a !== '';
    };
    const and = (): boolean => {
      let value = primary();
      while (args[i] === '-a') {
        i++;
        value = primary() && value;
      }
      return value;
    };
    const or = (): boolean => {
      let value = and();
      while (args[i] === '-o') {
        i++;
        value = and() || value;
      }
      return value;
    };
    const value = or();
    if (i < args.length) throw new TestError('too many arguments');
    return value;
  };

  return byCount;
}

function run(name: 'test' | '['): CommandSpec['run'] {
  return (ctx) => {
    let args = [...ctx.command.args];
    if (name === '[') {
      if (args[args.length - 1] !== ']') {
        ctx.err("bash: [: missing `]'\n");
        return 2;
      }
      args = args.slice(0, -1);
    }
    try {
      return evaluator(ctx, name === '[' ? ']' : undefined)(args) ? 0 : 1;
    } catch (e) {
      if (!(e instanceof TestError)) throw e;
      ctx.err(`bash: ${name}: ${e.message}\n`);
      return 2;
    }
  };
}

const spec = (name: 'test' | '['): CommandSpec => ({
  name,
  summary: 'Evaluate conditional expression.',
  usage: name === '[' ? 'arg... ]' : '[expr]',
  description: 'Exits with a status of 0 (true) or 1 (false) depending on the evaluation of EXPR:\nfile tests (-e -f -d -s -r -w -x), strings (-z -n = !=), integers (-eq -ne -lt -le -gt -ge),\n! for not, -a for and, -o for or, and parentheses.',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  helpIsArg: true,
  run: run(name),
});

export const test = spec('test');
export const bracket = spec('[');
