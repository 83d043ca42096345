// read: one line of input into variables, split on $IFS, the last name taking the rest (or into
// an array with -a). With piped or redirected input each call takes the next line (the loop shares
// the stream); at a terminal it waits for a typed line. Status 1 at end of input, so `while read`
// loops end.
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { lineReader } from '../../core/tty';
import { assignVar } from '../interpreter';
import { setArray, unsetVar } from '../variables';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const read: CommandSpec = {
  name: 'read',
  summary: 'Read a line from the standard input and split it into fields.',
  usage: '[-r] [-a array] [-p prompt] [name ...]',
  description: 'Reads a single line from the standard input. The line is split into fields as with word\nsplitting, and the first word is assigned to the first NAME, the second word to the second\nNAME, and so on, with any leftover words assigned to the last NAME. With no NAMEs, the line\nis stored in the REPLY variable.\n\n  -a array\tassign the words read to sequential indices of the array\n\t\tvariable ARRAY, starting at zero\n  -p prompt\toutput the string PROMPT without a trailing newline before attempting to read\n  -r\t\tdo not allow backslashes to escape any characters',
  dialect: bashBuiltin,
  builtinOnly: true,
  rawArgs: true,
  helpIsArg: true,
  *run(ctx) {
    const args = [...ctx.command.args];
    let raw = false;
    let prompt: string | undefined;
    let array: string | undefined;
    const usage = 'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n';
    while (args[0]?.startsWith('-') && args[0] !== '-') {
      const flag = args.shift()!;
      if (flag === '--') break;
      // Options bundle (`-ra parts`); one that takes a value takes the rest of its word, or the next.
      for (let i = 1; i < flag.length; i++) {
        const c = flag[i];
        if (c === 'r') raw = true;
        else if (c === 'p' || c === 'a') {
          const value = i + 1 < flag.length ? flag.slice(i + 1) : args.shift();
          if (value === undefined) {
            ctx.err(`bash: read: -${c}: option requires an argument\n${usage}`);
            return 2;
          }
          if (c === 'p') prompt = value;
          else array = value;
          break;
        } else {
          ctx.err(`bash: read: -${c}: invalid option\n${usage}`);
          return 2;
        }
      }
    }
    const bad = [...(array === undefined ? [] : [array]), ...args].find((n) => !NAME.test(n));
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
    const ifs = Object.prototype.hasOwnProperty.call(ctx.env, 'IFS') ? ctx.env.IFS : ctx.machine.shell().vars.IFS ?? ' \t\n';
    const split = fieldSplitter(ifs);
    if (array !== undefined) {
      const fields = split.all(text);
      const name = array;
      ctx.machine.setShell((s) => setArray(unsetVar(s, name), name, fields.map((f, i) => [String(i), f]), false, ctx.language?.owned));
      return complete ? 0 : 1;
    }
    const names = args.length ? args : ['REPLY'];
    const values: string[] = [];
    if (names[0] === 'REPLY' && !args.length) values.push(text);
    else {
      let restText = split.trimStart(text);
      for (let i = 0; i < names.length; i++) {
        if (i === names.length - 1) {
          values.push(split.last(restText));
          break;
        }
        const [field, rest] = split.next(restText);
        values.push(field);
        restText = rest;
      }
    }
    ctx.machine.setShell((s) => names.reduce((state, name, i) => assignVar(state, name, values[i] ?? '', false, ctx.language?.owned), s));
    // A last line without its newline is read, but read reports end of input.
    return complete ? 0 : 1;
  },
};

/**
 * bash's splitting of a line read: IFS blanks run together and are trimmed, each other IFS
 * character ends one field; the last name takes the rest (one field and its delimiter: the field).
 */
function fieldSplitter(ifs: string) {
  const isBlank = (c: string) => ifs.includes(c) && (c === ' ' || c === '\t' || c === '\n');
  const isIfs = (c: string) => ifs.includes(c);
  const trimStart = (text: string) => {
    let i = 0;
    while (i < text.length && isBlank(text[i])) i++;
    return text.slice(i);
  };
  /** The first field and what follows its delimiter (blanks, at most one other IFS character, blanks). */
  const next = (text: string): [string, string] => {
    let i = 0;
    while (i < text.length && !isIfs(text[i])) i++;
    const field = text.slice(0, i);
    while (i < text.length && isBlank(text[i])) i++;
    if (i < text.length && isIfs(text[i]) && !isBlank(text[i])) i++;
    while (i < text.length && isBlank(text[i])) i++;
    return [field, text.slice(i)];
  };
  const last = (text: string) => {
    if (ifs === '') return text;
    const [field, rest] = next(text);
    if (rest === '') return field;
    let end = text.length;
    while (end > 0 && isBlank(text[end - 1])) end--;
    return text.slice(0, end);
  };
  const all = (text: string) => {
    if (ifs === '') return text === '' ? [] : [text];
    const fields: string[] = [];
    for (let rest = trimStart(text); rest !== ''; ) {
      const [field, after] = next(rest);
      fields.push(field);
      rest = after;
    }
    return fields;
  };
  return { trimStart, next, last, all };
}
