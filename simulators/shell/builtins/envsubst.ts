// envsubst (GNU gettext 0.21): $VARIABLE and ${VARIABLE} in standard input replaced by the
// environment's values (exported variables only, as for any program), or only the variables a
// SHELL-FORMAT names. Nothing else of the shell's syntax: `${X:-d}` and `$1` stay as they are.
import { gnu, type Dialect } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { readInputsOrTerminal } from './support';

const HELP = `Usage: envsubst [OPTION] [SHELL-FORMAT]

Substitutes the values of environment variables.

Operation mode:
  -v, --variables             output the variables occurring in SHELL-FORMAT

Informative output:
  -h, --help                  display this help and exit
  -V, --version               output version information and exit

In normal operation mode, standard input is copied to standard output,
with references to environment variables of the form $VARIABLE or \${VARIABLE}
being replaced with the corresponding values.  If a SHELL-FORMAT is given,
only those environment variables that are referenced in SHELL-FORMAT are
substituted; otherwise all environment variables references occurring in
standard input are substituted.

When --variables is used, standard input is ignored, and the output consists
of the environment variables that are referenced in SHELL-FORMAT, one per line.

Report bugs in the bug tracker at <https://savannah.gnu.org/projects/gettext>
or by email to <bug-gettext@gnu.org>.
`;

/** gettext's own help page, and -h for it. */
const envsubstDialect: Dialect = { ...gnu, dashHIsHelp: true, help: () => HELP };

/** `$NAME` or `${NAME}` (a name as the shell's: a letter or _, then letters, digits, _). */
const REFERENCE = /\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\})/g;

/** The variables a text refers to, each time it does. */
export function referencedVariables(text: string): string[] {
  return [...text.matchAll(REFERENCE)].map((m) => m[1] ?? m[2]);
}

/** Replaces the references to variables `wanted` allows by their values (unset ones by nothing). */
export function substituteVariables(text: string, env: Readonly<Record<string, string>>, wanted?: ReadonlySet<string>): string {
  return text.replace(REFERENCE, (whole, plain: string | undefined, braced: string | undefined) => {
    const name = plain ?? braced!;
    if (wanted && !wanted.has(name)) return whole;
    return Object.prototype.hasOwnProperty.call(env, name) ? env[name] : '';
  });
}

export const envsubst: CommandSpec = {
  name: 'envsubst',
  summary: 'substitutes environment variables in shell format strings',
  usage: '[OPTION] [SHELL-FORMAT]',
  dialect: envsubstDialect,
  flags: [
    { long: 'variables', short: 'v', type: 'bool', description: 'output the variables occurring in SHELL-FORMAT' },
    { long: 'version', short: 'V', type: 'bool', description: 'output version information and exit' },
  ],
  args: [{ name: 'SHELL-FORMAT', optional: true }],
  *run(ctx) {
    const f = ctx.command.flags;
    const args = ctx.command.args;
    const fail = (message: string) => {
      ctx.err(`envsubst: ${message}\n`);
      return 1;
    };
    if (f.version) {
      ctx.out('envsubst (GNU gettext-runtime) 0.21\nCopyright (C) 2003-2020 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\nWritten by Bruno Haible.\n');
      return 0;
    }
    if (f.variables) {
      if (args.length === 0) return fail('missing arguments');
      if (args.length > 1) return fail('too many arguments');
      ctx.out(referencedVariables(args[0]).map((name) => `${name}\n`).join(''));
      return 0;
    }
    if (args.length > 1) return fail('too many arguments');
    const wanted = args.length ? new Set(referencedVariables(args[0])) : undefined;
    const [input] = yield* readInputsOrTerminal(ctx, []);
    const text = 'text' in input ? input.text : '';
    ctx.budget.spendText(text.length);
    ctx.out(substituteVariables(text, ctx.env, wanted));
    return 0;
  },
};
