// A command's manual page made from its spec: the usage line its --help prints (whatever dialect
// words it), its description and its flags as data, laid out as the tool that makes the real page
// lays it out (help2man for coreutils, a page by hand for less or grep, cobra for docker).
import type { CommandSpec, FlagSpec } from '../../core/command/spec';
import { takesValue } from '../../core/command/values';
import { bold, italic, roman, synopsisRuns, type Block, type ManPage, type Run, type Section } from './page';
import { sourceOf } from './sources';

/** The usage line of --help, without `Usage:` (`ls [OPTION]... [FILE]...`). */
export function usageOf(path: readonly CommandSpec[]): string {
  const spec = path[path.length - 1];
  const help = spec.dialect.help(path, 80);
  const line = /^Usage:\s+(.*)$/m.exec(help)?.[1];
  return line ?? path.map((s) => s.name).join(' ');
}

/** Paragraphs of a description: blank lines part them, single line breaks are spaces. */
const paragraphs = (text: string): Block[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'para', text: [roman(p)] }));

/** An option as GNU pages set it: `-w, --width=COLS`, names bold and the value italic. */
function gnuTag(flag: FlagSpec): Run[] {
  const value = takesValue(flag) ? (flag.valueName ?? (flag.type === 'int' ? 'NUM' : 'VALUE')) : '';
  const runs: Run[] = [];
  if (flag.short) runs.push(bold(`-${flag.short}`));
  if (flag.long) {
    if (runs.length) runs.push(roman(', '));
    runs.push(bold(`--${flag.long}`));
    if (flag.implicit !== undefined) runs.push(roman('[='), italic(value), roman(']'));
    else if (value) runs.push(roman('='), italic(value));
  } else if (value) runs.push(roman(' '), italic(value));
  return runs;
}

const HELP_FLAG: Block = { kind: 'tagged', tag: [bold('--help')], text: [roman('display this help and exit')] };

const optionBlocks = (spec: CommandSpec): Block[] =>
  (spec.flags ?? []).filter((f) => !f.hidden).map((f): Block => ({ kind: 'tagged', tag: gnuTag(f), text: [roman(f.description)] }));

function gnuPage(spec: CommandSpec, usage: string): ManPage {
  const source = sourceOf(spec.name, spec.summary);
  const synopsis = usage.startsWith(`${spec.name} `) ? usage.slice(spec.name.length + 1) : usage === spec.name ? '' : usage;
  const description = paragraphs(spec.description ?? spec.summary);
  const options = optionBlocks(spec);
  const sections: Section[] = [
    { heading: 'NAME', blocks: [{ kind: 'para', text: [roman(`${spec.name} - ${source.what}`)] }] },
    { heading: 'SYNOPSIS', blocks: [{ kind: 'lines', lines: [synopsisRuns(spec.name, synopsis)] }] },
  ];
  if (source.layout === 'help2man') {
    const mandatory = (spec.flags ?? []).some((f) => f.long && f.short && takesValue(f));
    const blocks = [...description];
    if (mandatory) blocks.push({ kind: 'para', text: [roman('Mandatory arguments to long options are mandatory for short options too.')] });
    blocks.push(...options, HELP_FLAG);
    if (spec.notes) blocks.push(...paragraphs(spec.notes));
    sections.push({ heading: 'DESCRIPTION', blocks });
    if (source.info) {
      sections.push({
        heading: 'SEE ALSO',
        blocks: [{ kind: 'lines', lines: [[roman(`Full documentation <https://www.gnu.org/software/${source.info}/${spec.name}>`)], [roman(`or available locally via: info '(${source.info}) ${spec.name} invocation'`)]] }],
      });
    }
  } else {
    sections.push({ heading: 'DESCRIPTION', blocks: description });
    if (options.length) sections.push({ heading: 'OPTIONS', blocks: [...options, HELP_FLAG] });
  }
  return { title: source.title ?? spec.name.toUpperCase(), section: '1', manual: source.manual, source: source.source, date: source.date, sections };
}

/** cobra's default for a flag that has none in its help text, by kind. */
function cobraDefault(flag: FlagSpec): string {
  switch (flag.type) {
    case 'bool':
      return 'false';
    case 'int':
    case 'uint':
    case 'count':
      return String(flag.default ?? 0);
    case 'duration':
      return '0s';
    case 'stringArray':
    case 'stringSlice':
      return '[]';
    case 'stringToString':
      return '[]';
    default:
      return '""';
  }
}

/** An option as cobra's man pages write it: `**-a**, **--all**[=false]` and its text after it. */
function cobraOption(flag: FlagSpec): Block {
  const m = /\s*\(default (.*)\)\s*$/.exec(flag.description);
  const text = m ? flag.description.slice(0, m.index) : flag.description;
  let def = m ? m[1] : cobraDefault(flag);
  if (flag.type === 'string' && !def.startsWith('"')) def = `"${def}"`;
  const names: Run[] = flag.short ? [bold(`-${flag.short}`), roman(', '), bold(`--${flag.long}`)] : [bold(`--${flag.long}`)];
  const value = flag.type === 'bool' ? `[=${def}]` : `=${def}`;
  return { kind: 'para', text: [...names, roman(value), roman('\t'), roman(text)] };
}

function cobraPage(path: readonly CommandSpec[], usage: string): ManPage {
  const spec = path[path.length - 1];
  const root = sourceOf(path[0].name, path[0].summary);
  const dashed = path.map((s) => s.name).join('-');
  const what = path.length === 1 ? root.what : spec.summary;
  const sections: Section[] = [
    { heading: 'NAME', blocks: [{ kind: 'para', text: [roman(`${dashed} - ${what}`)] }] },
    { heading: 'SYNOPSIS', blocks: [{ kind: 'para', text: [bold(usage)] }] },
    { heading: 'DESCRIPTION', blocks: paragraphs(spec.description ?? spec.summary) },
  ];
  const flags = (spec.flags ?? []).filter((f) => !f.hidden);
  if (flags.length) sections.push({ heading: 'OPTIONS', blocks: flags.map(cobraOption) });
  const seeAlso = [
    ...(path.length > 1 ? [path.slice(0, -1).map((s) => s.name).join('-')] : []),
    ...(spec.subcommands ?? []).filter((s) => !s.hidden).map((s) => `${dashed}-${s.name}`).sort(),
  ];
  if (seeAlso.length) {
    const runs: Run[] = [];
    seeAlso.forEach((name, i) => runs.push(...(i ? [roman(', ')] : []), bold(`${name}(1)`)));
    sections.push({ heading: 'SEE ALSO', blocks: [{ kind: 'para', text: runs }] });
  }
  return { title: path[0].name.toUpperCase(), section: '1', manual: root.manual, source: root.source, date: root.date, sections };
}

/** The page for a command path: `[ls]`, `[docker, run]`, `[docker, container, ls]`. */
export function pageFor(path: readonly CommandSpec[]): ManPage {
  const usage = usageOf(path);
  return sourceOf(path[0].name, path[0].summary).layout === 'cobra' ? cobraPage(path, usage) : gnuPage(path[0], usage);
}
