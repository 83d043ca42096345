// `man ls`, `man docker-run`, `man docker run`: man-db 2.12 as Ubuntu 24.04 runs it. The page is
// made from the command's spec (simulators/shell/man), set for the terminal's width and shown in
// the pager with man-db's prompt (" Manual page ls(1) line 1 (press h for help or q to quit)");
// in a pipe it is plain text 80 columns wide, as man-db strips the bold and underline there.
// `man -f` (whatis) and `man -k` (apropos) search the pages' NAME lines.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import type { CommandContext, Effect } from '../../core/process';
import { allPages, findPage, formatPage, whatisLine } from '../man';
import { pageFor } from '../man/from-spec';
import { documentOf, pageOnTerminal } from '../pager';
import { parseRegex } from '../regex';
import { compileMatcher } from '../regex-match';

/** man-db's own usage errors, exit 1. */
const usageError = (ctx: CommandContext, message: string) => {
  ctx.err(`man: ${message}\nTry 'man --help' or 'man --usage' for more information.\n`);
  return 1;
};

/** The prompt man-db gives less (its LESS variable's -Pm), for page `name(1)`. */
const managerPrompt = (name: string) =>
  ` Manual page ${name}(1) ?ltline %lt?L/%L.:byte %bB?s/%s..?e (END):?pB %pB\\%.. (press h for help or q to quit)`;

const LONG: Record<string, string> = { apropos: 'k', whatis: 'f', where: 'w', path: 'w', location: 'w', help: 'h', version: 'V' };

function* man(ctx: CommandContext): Generator<Effect, number, string | null> {
  let mode = 'show' as 'show' | 'k' | 'f' | 'w';
  const names: string[] = [];
  for (const arg of ctx.command.args) {
    if (arg.startsWith('--') && arg.length > 2) {
      const name = arg.slice(2);
      const key = LONG[name] ?? Object.entries(LONG).find(([k]) => k.startsWith(name))?.[1];
      if (!key) return usageError(ctx, `unrecognized option '${arg}'`);
      if (key === 'V') {
        ctx.out('man 2.12.0\n');
        return 0;
      }
      if (key === 'h') {
        ctx.out('Usage: man [OPTION...] [SECTION] PAGE...\n\n  -f, --whatis               equivalent to whatis\n  -k, --apropos              equivalent to apropos\n  -w, --where, --path, --location\n                             print physical location of man page(s)\n  -?, --help                 give this help list\n  -V, --version              print program version\n');
        return 0;
      }
      mode = key as typeof mode;
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (const c of arg.slice(1)) {
        if (!'kfw'.includes(c)) return usageError(ctx, `invalid option -- '${c}'`);
        mode = c as typeof mode;
      }
    } else names.push(arg);
  }

  const pages = allPages(ctx.commands);
  if (mode === 'k' || mode === 'f') {
    if (!names.length) {
      ctx.err(`${mode === 'k' ? 'apropos' : 'whatis'} what?\n`);
      return 1;
    }
    let found = true;
    for (const word of names) {
      let hits: typeof pages;
      if (mode === 'f') hits = pages.filter((p) => p.name === word);
      else {
        const parsed = parseRegex(word, true);
        const compiled = parsed.ok ? compileMatcher([parsed.node], [parsed.groups], parsed.backrefs, { ignoreCase: true }, ctx.budget) : null;
        hits = compiled?.ok ? pages.filter((p) => compiled.matcher.test(p.name) || compiled.matcher.test(p.what)) : [];
      }
      if (!hits.length) {
        ctx.err(`${word}: nothing appropriate.\n`);
        found = false;
      }
      for (const hit of hits) ctx.out(`${whatisLine(hit.name, hit.what)}\n`);
    }
    return found ? 0 : 16;
  }

  // A first word that is a section number (`man 1 ls`) names the section to look in.
  let section: string | null = null;
  if (names.length > 1 && /^[1-9]\w*$/.test(names[0])) section = names.shift()!;
  if (!names.length) {
    ctx.err("What manual page do you want?\nFor example, try 'man man'.\n");
    return 1;
  }
  if (names.length === 1 && /^[1-9]$/.test(names[0]) && !findPage(ctx.commands, names[0])) {
    ctx.err(`No manual entry for ${names[0]}\n(Alternatively, what manual page do you want from section ${names[0]}?)\nFor example, try 'man man'.\n`);
    return 1;
  }
  // man-db's subpages: `man docker run` is docker-run(1) when there is one.
  if (names.length === 2 && findPage(ctx.commands, `${names[0]}-${names[1]}`)) names.splice(0, 2, `${names[0]}-${names[1]}`);

  let status = 0;
  for (const name of names) {
    const path = section === null || section === '1' ? findPage(ctx.commands, name) : null;
    if (!path) {
      ctx.err(`No manual entry for ${name}${section !== null ? ` in section ${section}` : ''}\n`);
      status = 16;
      continue;
    }
    if (mode === 'w') {
      ctx.out(`/usr/share/man/man1/${name}.1.gz\n`);
      continue;
    }
    const page = pageFor(path);
    const manwidth = Number(ctx.env.MANWIDTH);
    const width = manwidth > 0 ? manwidth : (ctx.tty?.cols ?? 80);
    if (!ctx.tty) {
      ctx.out(formatPage(page, { width, overstrike: false }));
      continue;
    }
    const text = formatPage(page, { width, overstrike: true });
    ctx.budget.spendText(text.length);
    yield* pageOnTerminal(ctx, [documentOf(null, text)], { prompt: managerPrompt(name), ignoreCase: 'smart', raw: true });
  }
  return status;
}

export const manCommand: CommandSpec = {
  name: 'man',
  summary: 'an interface to the system reference manuals',
  usage: '[OPTION...] [SECTION] PAGE...',
  description:
    "man is the system's manual pager.  Each page argument given to man is normally the name of a\nprogram, utility or function.  The manual page associated with each of these arguments is then\nfound and displayed.  In this terminal the pages are made from what the commands themselves know:\ntheir usage, their description and their options.",
  dialect: gnu,
  rawArgs: true,
  helpIsArg: true,
  flags: [
    { long: 'whatis', short: 'f', type: 'bool', description: 'equivalent to whatis' },
    { long: 'apropos', short: 'k', type: 'bool', description: 'equivalent to apropos' },
    { long: 'where', short: 'w', type: 'bool', description: 'print physical location of man page(s)' },
  ],
  args: [{ name: 'PAGE', optional: true, variadic: true, complete: 'command' }],
  run: man,
};
