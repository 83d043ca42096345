// read: one line of input into variables, split on blanks, the last name taking the rest. With
// piped or redirected input each call takes the next line (the loop shares the stream); at a
// terminal it waits for a typed line. Status 1 at end of input, so `while read` loops end.
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { lineReader } from '../../core/tty';
import { assignVar } from '../interpreter';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const read: CommandSpec = {
  name: 'read',
  summary: 'Read a line from the standard input and split it into fields.',
  usage: '[-r] [-p prompt] [name ...]',
  description: 'Reads a single line from the standard input. The line is split into fields as with word\nsplitting, and the first word is assigned to the first NAME, the second word to the second\nNAME, and so on, with any leftover words assigned to the last NAME. With no NAMEs, the line\nis stored in the REPLY variable.\n\n  -p prompt\toutput the string PROMPT without a trailing newline before attempting to read\n  -r\t\tdo not allow backslashes to escape any characters',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  helpIsArg: true,
  *run(ctx) {
    const args = [...ctx.command.args];
    let raw = false;
    let prompt: string | undefined;
    while (args[0]?.startsWith('-') && args[0] !== '-') {
      const flag = args.shift()!;
      if (flag === '-r') raw = true;
      else if (flag === '-p') prompt = args.shift() ?? '';
      else if (flag === '--') break;
      else {
        ctx.err(`bash: read: ${flag}: invalid option\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n`);
        return 2;
      }
    }
    const bad = args.find((n) => !NAME.test(n));
    if (bad !== undefined) {
      ctx.err(`bash: read: \`${bad}': not a valid identifier\n`);
      return 1;
    }
    let line: string | null;
    let complete = true;
    if (ctx.stdin !== null) {
      if (ctx.stdin === '') line = null;
      else {
        const end = ctx.stdin.indexOf('\n');
        line = end === -1 ? ctx.stdin : ctx.stdin.slice(0, end);
        complete = end !== -1;
        ctx.consumeInput?.(end === -1 ? ctx.stdin.length : end + 1);
      }
    } else {
      if (prompt !== undefined) ctx.err(prompt);
      line = yield* lineReader().next(ctx);
    }
    if (line === null) return 1;
    // Without -r a backslash escapes the next character (and a trailing one joins lines: not modelled).
    const text = raw ? line : line.replace(/\\(.)/g, '$1');
    const names = args.length ? args : ['REPLY'];
    const values: string[] = [];
    if (names[0] === 'REPLY' && !args.length) values.push(text);
    else {
      let restText = text.replace(/^[ \t]+/, '');
      for (let i = 0; i < names.length; i++) {
        if (i === names.length - 1) {
          values.push(restText.replace(/[ \t]+$/, ''));
          break;
        }
        const m = /^(\S*)[ \t]*/.exec(restText)!;
        values.push(m[1]);
        restText = restText.slice(m[0].length);
      }
    }
    ctx.machine.setShell((s) => names.reduce((state, name, i) => assignVar(state, name, values[i] ?? ''), s));
    // A last line without its newline is read, but read reports end of input.
    return complete ? 0 : 1;
  },
};
