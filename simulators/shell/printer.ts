// A function as bash prints it (`declare -f`, `type`), after bash's print_cmd.c: the body's words
// as they were typed, its commands one per line ending in `;`, blocks indented by four spaces,
// `elif` as an `if` inside an `else`, redirections as `> file` and `1>&2`. The world keeps each
// function in this form, and parses it again to run it.
import type { AndOr, Command, CompoundCommand, CondExpr, FunctionDefinition, Pipeline, Redirect, Script, SimpleCommand } from './ast';
import { isCompound } from './ast';
import { sourceOf } from './parser';

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]', 'coproc']);

const spaces = (n: number) => ' '.repeat(n);

/** A `;` after a command, unless it already ends a line (a here-document's end) or in `&`. */
const semi = (text: string) => (text.endsWith('\n') || text.endsWith('&') ? text : `${text};`);

/** `name () { ...; }` as `declare -f` prints it. */
export function printFunction(def: FunctionDefinition): string {
  const head = `${RESERVED.has(def.name) ? 'function ' : ''}${def.name} () \n{ \n${spaces(4)}`;
  const body = def.body;
  if (body.kind === 'group') {
    const redirects = body.redirects.length ? ` ${printRedirects(body.redirects)}` : '';
    return `${head}${printList(body.body, 4)}\n}${redirects}${heredocBodies(body.redirects)}`;
  }
  return `${head}${printItem(body, 4)}\n}`;
}

/**
 * Commands in a block: one per line in a function (bash's inside_function_def), run together as
 * `a; b` in a job's text (`flat`), where only the blocks' own words break lines.
 */
function printList(script: Script, indent: number, flat = false): string {
  let text = '';
  script.items.forEach((item, i) => {
    const docs = itemHeredocs(item);
    text += printAndOr(item, indent, flat);
    const last = i === script.items.length - 1;
    if (docs) text += `\n${docs}`;
    else if (!last && !item.background) text += ';';
    if (!last) text += docs || !flat ? `\n${spaces(indent)}` : ' ';
  });
  return text;
}

/** The here-documents' bodies an and-or list carries, each with its delimiter, printed after it. */
function itemHeredocs(item: AndOr): string {
  const redirects: Redirect[] = [];
  for (const pipeline of [item.first, ...item.rest.map((r) => r.pipeline)]) for (const command of pipeline.commands) redirects.push(...command.redirects);
  return redirects.filter((r) => r.heredoc).map((r) => `${r.heredoc!.body}${delimiterOf(r)}\n`).join('');
}

function heredocBodies(redirects: readonly Redirect[]): string {
  const docs = redirects.filter((r) => r.heredoc);
  return docs.length ? `\n${docs.map((r) => `${r.heredoc!.body}${delimiterOf(r)}\n`).join('')}` : '';
}

function printAndOr(item: AndOr, indent: number, flat = false): string {
  let text = printPipeline(item.first, indent, flat);
  for (const next of item.rest) text += ` ${next.op} ${printPipeline(next.pipeline, indent, flat)}`;
  return item.background ? `${text} &` : text;
}

/**
 * One command of a job as bash shows it (`jobs`, its notices, `jobs -l`): like a function's body,
 * except that commands in a block run together (`echo $i; sleep 1;`) and a subshell or a `{ }`
 * group stays on one line, `( sleep 1; echo hi )`.
 */
export function printCommand(command: Command): string {
  if (!isCompound(command) || (command.kind !== 'subshell' && command.kind !== 'group')) return printItem(command, 0, true);
  const items = command.body.items.map((item) => printAndOr(item, 0, true)).join('; ');
  const redirects = command.redirects.length ? ` ${printRedirects(command.redirects)}` : '';
  return (command.kind === 'subshell' ? `( ${items} )` : `{ ${items}; }`) + redirects;
}

/** A job's command as bash shows it: `sleep 3 && echo hi`, `sleep 1 | cat`, `( exit 3 )`. */
export function printJob(item: AndOr): string {
  const pipeline = (p: Pipeline) => (p.time === 'posix' ? 'time -p ' : p.time ? 'time ' : '') + (p.negate ? '! ' : '') + p.commands.map(printCommand).join(' | ');
  let text = pipeline(item.first);
  for (const next of item.rest) text += ` ${next.op} ${pipeline(next.pipeline)}`;
  return text;
}

function printPipeline(pipeline: Pipeline, indent: number, flat = false): string {
  const time = pipeline.time === 'posix' ? 'time -p ' : pipeline.time ? 'time ' : '';
  return time + (pipeline.negate ? '! ' : '') + pipeline.commands.map((c) => printItem(c, indent, flat)).join(' | ');
}

function printItem(command: Command, indent: number, flat = false): string {
  if (!isCompound(command)) return printSimple(command);
  const redirects = command.redirects.length ? ` ${printRedirects(command.redirects)}` : '';
  return printCompound(command, indent, flat) + redirects;
}

function printSimple(command: SimpleCommand): string {
  const words = [...command.assigns.map((a) => sourceOf(a) ?? a.name), ...command.words.map((w) => sourceOf(w) ?? (w.assign ? sourceOf(w.assign) : undefined) ?? '')];
  if (command.redirects.length) words.push(printRedirects(command.redirects));
  return words.join(' ');
}

function printCompound(command: CompoundCommand, indent: number, flat = false): string {
  const inner = indent + 4;
  const end = (word: string) => `\n${spaces(indent)}${word}`;
  switch (command.kind) {
    case 'if': {
      // bash keeps `elif` as an `if` in the `else`: printed so.
      const [first, ...others] = command.clauses;
      let text = `if ${semi(printList(first.condition, indent, flat))} then\n${spaces(inner)}${semi(printList(first.body, inner, flat))}`;
      if (others.length) {
        const nested: CompoundCommand = { kind: 'if', clauses: others, otherwise: command.otherwise, redirects: [] };
        text += `${end('else')}\n${spaces(inner)}${semi(printCompound(nested, inner, flat))}`;
      } else if (command.otherwise) text += `${end('else')}\n${spaces(inner)}${semi(printList(command.otherwise, inner, flat))}`;
      return text + end('fi');
    }
    case 'while':
    case 'until':
      return `${command.kind} ${semi(printList(command.condition, indent, flat))} do\n${spaces(inner)}${semi(printList(command.body, inner, flat))}${end('done')}`;
    case 'for': {
      const words = command.words ? command.words.map((w) => sourceOf(w) ?? '').join(' ') : '"$@"';
      return `for ${command.name} in ${words};${end('do')}\n${spaces(inner)}${semi(printList(command.body, inner, flat))}${end('done')}`;
    }
    case 'arithFor': {
      const parts = [command.init, command.test, command.step].map((w) => (sourceOf(w) ?? '').trim());
      return `for ((${parts.join('; ')}))${end('do')}\n${spaces(inner)}${semi(printList(command.body, inner, flat))}${end('done')}`;
    }
    case 'case': {
      let text = `case ${sourceOf(command.word) ?? ''} in `;
      for (const item of command.items) {
        text += `\n${spaces(inner)}${item.patterns.map((p) => sourceOf(p) ?? '').join(' | ')})\n`;
        if (item.body.items.length) text += `${spaces(inner + 4)}${printList(item.body, inner + 4, flat)}`;
        text += `\n${spaces(inner)}${item.end}`;
      }
      return text + end('esac');
    }
    case 'group':
      return `{ \n${spaces(inner)}${printList(command.body, inner, flat)}${end('}')}`;
    case 'subshell':
      return `( ${printList(command.body, indent, flat)} )`;
    case 'arith':
      return `((${sourceOf(command.expr) ?? ''}))`;
    case 'cond':
      return `[[ ${printCond(command.expr)} ]]`;
    case 'function': {
      const body = command.body.kind === 'group' ? command.body.body : { items: [{ first: { negate: false, commands: [command.body] }, rest: [] }] };
      return `function ${command.name} () \n${spaces(indent)}{ \n${spaces(inner)}${printList(body, inner, flat)}${end('}')}`;
    }
  }
}

function printCond(expr: CondExpr): string {
  switch (expr.kind) {
    case 'and':
      return `${printCond(expr.left)} && ${printCond(expr.right)}`;
    case 'or':
      return `${printCond(expr.left)} || ${printCond(expr.right)}`;
    case 'not':
      return `! ${printCond(expr.expr)}`;
    case 'unary':
      return `${expr.op} ${sourceOf(expr.arg) ?? ''}`;
    case 'binary':
      return `${sourceOf(expr.left) ?? ''} ${expr.op} ${sourceOf(expr.right) ?? ''}`;
    case 'word':
      return sourceOf(expr.word) ?? '';
  }
}

function delimiterOf(r: Redirect): string {
  return r.target.parts.map((p) => (p.kind === 'text' ? p.value : p.kind === 'tilde' ? `~${p.user ?? ''}` : '')).join('');
}

/** Redirections as bash prints them: `> file`, `2> /dev/null`, `2>&1`, `1>&2`, `<<EOF`. */
function printRedirects(redirects: readonly Redirect[]): string {
  return redirects
    .map((r) => {
      const target = sourceOf(r.target) ?? '';
      const fd = (standard: number) => (r.fd !== standard ? String(r.fd) : '');
      switch (r.op) {
        case '<':
          return `${fd(0)}< ${target}`;
        case '>':
          return `${fd(1)}> ${target}`;
        case '>>':
          return `${fd(1)}>> ${target}`;
        case '<<<':
          return `${fd(0)}<<< ${target}`;
        case '&>':
          return `&> ${target}`;
        case '&>>':
          return `&>> ${target}`;
        case '>&':
          return /^\d+$|^-$/.test(target) ? `${r.fd}>&${target}` : `${fd(1)}>&${target}`;
        case '<&':
          return /^\d+$|^-$/.test(target) ? `${r.fd}<&${target}` : `${fd(0)}<&${target}`;
        case '<<':
        case '<<-': {
          const delimiter = delimiterOf(r);
          return `${fd(0)}${r.op}${r.heredoc?.expand === false ? `'${delimiter.replace(/'/g, "'\\''")}'` : delimiter}`;
        }
      }
      return '';
    })
    .join(' ');
}
