// mapfile (and readarray, its other name): every line of standard input into an array, one
// element each, with the newline kept unless -t; -n takes at most N lines, -s skips the first N.
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { bashNumber } from '../language';
import { setArray, unsetVar } from '../variables';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function mapfileSpec(name: 'mapfile' | 'readarray'): CommandSpec {
  const usage = '[-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]';
  return {
    name,
    summary: name === 'mapfile' ? 'Read lines from the standard input into an indexed array variable.' : 'Read lines from a file into an array variable.',
    usage,
    description:
      name === 'mapfile'
        ? 'Read lines from the standard input into the indexed array variable ARRAY, or\nfrom file descriptor FD if the -u option is supplied.  The variable MAPFILE\nis the default ARRAY.\n\nOptions:\n  -d delim\tUse DELIM to terminate lines, instead of newline\n  -n count\tCopy at most COUNT lines.  If COUNT is 0, all lines are copied\n  -s count\tDiscard the first COUNT lines read\n  -t\tRemove a trailing DELIM from each line read (default newline)\n\nExit Status:\nReturns success unless an invalid option is given or ARRAY is readonly or\nnot an indexed array.'
        : 'A synonym for `mapfile\'.',
    dialect: bashBuiltin,
    builtinOnly: true,
    rawArgs: true,
    run(ctx) {
      const args = [...ctx.command.args];
      let trim = false;
      let delim = '\n';
      let count = 0;
      let skip = 0;
      const fail = (message: string) => {
        ctx.err(`bash: ${name}: ${message}\n${name}: usage: ${name} ${usage}\n`);
        return 2;
      };
      while (args[0]?.startsWith('-') && args[0] !== '-') {
        const flag = args.shift()!;
        if (flag === '--') break;
        for (let i = 1; i < flag.length; i++) {
          const c = flag[i];
          if (c === 't') {
            trim = true;
            continue;
          }
          if (!'dns'.includes(c)) return fail(`-${c}: invalid option`);
          const value = i + 1 < flag.length ? flag.slice(i + 1) : args.shift();
          if (value === undefined) return fail(`-${c}: option requires an argument`);
          if (c === 'd') delim = value.slice(0, 1) || '\0';
          else {
            const n = bashNumber(value);
            if (n === undefined || n < 0n) {
              ctx.err(`bash: ${name}: ${value}: invalid line count\n`);
              return 1;
            }
            if (c === 'n') count = Number(n);
            else skip = Number(n);
          }
          break;
        }
      }
      const target = args[0] ?? 'MAPFILE';
      if (!NAME.test(target)) {
        ctx.err(`bash: ${name}: \`${target}': not a valid identifier\n`);
        return 1;
      }
      const input = ctx.stdin ?? '';
      ctx.consumeInput?.(input.length);
      const lines: string[] = [];
      for (let at = 0; at < input.length && (count === 0 || lines.length < count + skip); ) {
        const end = input.indexOf(delim, at);
        const stop = end === -1 ? input.length : end + 1;
        lines.push(trim && end !== -1 ? input.slice(at, end) : input.slice(at, stop));
        at = stop;
      }
      ctx.budget.spend(lines.length);
      const kept = lines.slice(skip);
      ctx.machine.setShell((s) => setArray(unsetVar(s, target), target, kept.map((line, i) => [String(i), line]), false, ctx.language?.owned));
      return 0;
    },
  };
}

export const mapfile = mapfileSpec('mapfile');
export const readarray = mapfileSpec('readarray');
