// set: bash's options (-e, -u, -x, -o pipefail... and their + forms), the positional parameters
// (`set -- a b`), and with no arguments the shell's variables and functions.
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandContext } from '../../core/process';
import type { CommandSpec } from '../../core/command/spec';
import { optionsOf, SHELL_OPTIONS } from '../options';
import { listFunctions, listVariables } from './variable-listing';

const USAGE = 'set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n';

function setOption(ctx: CommandContext, name: string, on: boolean) {
  ctx.machine.setShell((s) => {
    const current = optionsOf(s).filter((o) => o !== name);
    return { ...s, options: on ? [...current, name] : current };
  });
}

export const set: CommandSpec = {
  name: 'set',
  summary: 'Set or unset values of shell options and positional parameters.',
  usage: '[-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]',
  description:
    "Change the value of shell attributes and positional parameters, or\ndisplay the names and values of shell variables.\n\nOptions:\n  -a  Mark variables which are modified or created for export.\n  -b  Notify of job termination immediately.\n  -e  Exit immediately if a command exits with a non-zero status.\n  -f  Disable file name generation (globbing).\n  -h  Remember the location of commands as they are looked up.\n  -k  All assignment arguments are placed in the environment for a\n      command, not just those that precede the command name.\n  -m  Job control is enabled.\n  -n  Read commands but do not execute them.\n  -o option-name\n      Set the variable corresponding to option-name:\n          allexport    same as -a\n          braceexpand  same as -B\n          emacs        use an emacs-style line editing interface\n          errexit      same as -e\n          errtrace     same as -E\n          functrace    same as -T\n          hashall      same as -h\n          histexpand   same as -H\n          history      enable command history\n          ignoreeof    the shell will not exit upon reading EOF\n          interactive-comments\n                       allow comments to appear in interactive commands\n          keyword      same as -k\n          monitor      same as -m\n          noclobber    same as -C\n          noexec       same as -n\n          noglob       same as -f\n          nolog        currently accepted but ignored\n          notify       same as -b\n          nounset      same as -u\n          onecmd       same as -t\n          physical     same as -P\n          pipefail     the return value of a pipeline is the status of\n                       the last command to exit with a non-zero status,\n                       or zero if no command exited with a non-zero status\n          posix        change the behavior of bash where the default\n                       operation differs from the Posix standard to\n                       match the standard\n          privileged   same as -p\n          verbose      same as -v\n          vi           use a vi-style line editing interface\n          xtrace       same as -x\n  -p  Turned on whenever the real and effective user ids do not match.\n      Disables processing of the $ENV file and importing of shell\n      functions.  Turning this option off causes the effective uid and\n      gid to be set to the real uid and gid.\n  -t  Exit after reading and executing one command.\n  -u  Treat unset variables as an error when substituting.\n  -v  Print shell input lines as they are read.\n  -x  Print commands and their arguments as they are executed.\n  -B  the shell will perform brace expansion\n  -C  If set, disallow existing regular files to be overwritten\n      by redirection of output.\n  -E  If set, the ERR trap is inherited by shell functions.\n  -H  Enable ! style history substitution.  This flag is on\n      by default when the shell is interactive.\n  -P  If set, do not resolve symbolic links when executing commands\n      such as cd which change the current directory.\n  -T  If set, the DEBUG and RETURN traps are inherited by shell functions.\n  --  Assign any remaining arguments to the positional parameters.\n      If there are no remaining arguments, the positional parameters\n      are unset.\n  -   Assign any remaining arguments to the positional parameters.\n      The -x and -v options are turned off.\n\nUsing + rather than - causes these flags to be turned off.  The\nflags can also be used upon invocation of the shell.  The current\nset of flags may be found in $-.  The remaining n ARGs are positional\nparameters and are assigned, in order, to $1, $2, .. $n.  If no\nARGs are given, all shell variables are printed.\n\nExit Status:\nReturns success unless an invalid option is given.",
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  run(ctx) {
    const args = ctx.command.args;
    if (!args.length) {
      const shell = ctx.machine.shell();
      ctx.out(listVariables(shell) + listFunctions(shell));
      return 0;
    }
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      const sign = arg[0];
      if ((sign !== '-' && sign !== '+') || arg === '+') {
        ctx.language?.setPositional(args.slice(i));
        return 0;
      }
      if (arg === '--') {
        ctx.language?.setPositional(args.slice(i + 1));
        return 0;
      }
      if (arg === '-') {
        // `set -` turns off -x and -v; what follows, if anything, becomes $1...
        setOption(ctx, 'xtrace', false);
        setOption(ctx, 'verbose', false);
        if (i + 1 < args.length) ctx.language?.setPositional(args.slice(i + 1));
        return 0;
      }
      const on = sign === '-';
      for (const letter of arg.slice(1)) {
        if (letter === 'o') {
          const name = args[i + 1];
          if (name === undefined) {
            const options = optionsOf(ctx.machine.shell());
            ctx.out(SHELL_OPTIONS.map((o) => (on ? `${o.name.padEnd(15)}\t${options.includes(o.name) ? 'on' : 'off'}\n` : `set ${options.includes(o.name) ? '-' : '+'}o ${o.name}\n`)).join(''));
            continue;
          }
          i++;
          if (!SHELL_OPTIONS.some((o) => o.name === name)) {
            ctx.err(`bash: set: ${name}: invalid option name\n`);
            return 2;
          }
          setOption(ctx, name, on);
          continue;
        }
        const option = SHELL_OPTIONS.find((o) => o.letter === letter);
        if (!option) {
          ctx.err(`bash: set: ${sign}${letter}: invalid option\n${USAGE}`);
          return 2;
        }
        setOption(ctx, option.name, on);
      }
    }
    return 0;
  },
};
