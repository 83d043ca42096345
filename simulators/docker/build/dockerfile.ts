// The Dockerfile parser, after BuildKit's frontend (frontend/dockerfile/parser and instructions):
// parser directives (`# syntax=`, `# escape=`, `# check=`), whole-line comments, line
// continuations, heredocs for RUN/COPY/ADD, case-insensitive keywords, the exec (JSON) and shell
// forms, `ENV k=v` and the legacy `ENV k v`, flags such as `--chown`, stages with `AS name`.
// Errors carry the line they concern, worded as BuildKit words them; a few of BuildKit's build
// checks (the warnings printed after a build) are found here too.

export type Keyword =
  | 'ADD' | 'ARG' | 'CMD' | 'COPY' | 'ENTRYPOINT' | 'ENV' | 'EXPOSE' | 'FROM' | 'HEALTHCHECK' | 'LABEL'
  | 'MAINTAINER' | 'ONBUILD' | 'RUN' | 'SHELL' | 'STOPSIGNAL' | 'USER' | 'VOLUME' | 'WORKDIR';

const KEYWORDS: Keyword[] = ['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR'];

/** The flags each instruction accepts (BuildKit's BFlags); anything else is `unknown flag`. */
const FLAGS: Partial<Record<Keyword, string[]>> = {
  ADD: ['chown', 'chmod', 'link', 'keep-git-dir', 'checksum', 'exclude'],
  COPY: ['chown', 'chmod', 'from', 'link', 'parents', 'exclude'],
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

export interface Heredoc {
  name: string;
  content: string;
  /** `<<EOF` expands variables, `<<'EOF'` does not. */
  expand: boolean;
}

export interface KeyValue {
  key: string;
  /** Raw value (quotes still in); undefined for `ARG NAME` without a default. */
  value?: string;
}

export interface Instruction {
  keyword: Keyword;
  /** The keyword as written (`from`, `Copy`). */
  written: string;
  /** The logical line, continuations joined, as BuildKit keeps it (progress names use it). */
  original: string;
  flags: Record<string, string>;
  /** The text after the keyword and flags. */
  rest: string;
  /** Exec form: the JSON array (RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD, VOLUME). */
  json?: string[];
  /** Whitespace-separated words, quotes kept (FROM, EXPOSE, COPY, ADD, VOLUME). */
  args: string[];
  /** ENV, LABEL and ARG pairs. */
  pairs?: KeyValue[];
  /** `ENV key value` rather than `ENV key=value`. */
  legacyKeyValue?: boolean;
  heredocs: Heredoc[];
  line: number;
  endLine: number;
}

export interface Stage {
  index: number;
  /** `AS name`, lower-cased as BuildKit keeps it. */
  name?: string;
  /** The image (or earlier stage) it starts from, unexpanded. */
  base: string;
  platform?: string;
  from: Instruction;
  commands: Instruction[];
}

export interface Warning {
  rule: string;
  message: string;
  line: number;
}

export interface ParsedDockerfile {
  /** Source lines, for the excerpt BuildKit prints with an error. */
  lines: string[];
  directives: Record<string, string>;
  escape: string;
  /** ARG instructions before the first FROM. */
  metaArgs: Instruction[];
  stages: Stage[];
  warnings: Warning[];
}

/** A Dockerfile error at a place in the file (the excerpt marks lines line..endLine). */
export class DockerfileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly endLine?: number,
  ) {
    super(message);
  }
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const VALID_DIRECTIVES = new Set(['escape', 'syntax', 'check']);

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** BuildKit's util/suggest: the closest keyword within distance 2, in the case it was typed. */
function suggestion(word: string): string {
  const lower = word.toLowerCase();
  let best = '';
  let min = 3;
  for (const k of KEYWORDS) {
    const d = levenshtein(lower, k.toLowerCase());
    if (d === 0) return '';
    if (d < min) {
      min = d;
      best = k;
    }
  }
  if (!best) return '';
  const match = word === word.toLowerCase() ? best.toLowerCase() : word === word.toUpperCase() ? best : best.toLowerCase();
  return ` (did you mean ${match}?)`;
}

/** parseWords: splits on whitespace outside quotes; quotes and escapes stay in the words. */
export function splitWords(rest: string, escape: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  let blank = true;
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (blank) {
      if (/\s/.test(ch)) continue;
      blank = false;
    }
    if (!quote && /\s/.test(ch)) {
      words.push(word);
      word = '';
      blank = true;
      continue;
    }
    if (ch === escape && i + 1 < rest.length) {
      word += ch + rest[++i];
      continue;
    }
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    word += ch;
  }
  if (!blank) words.push(word);
  return words;
}

function parseJson(rest: string): string[] | undefined {
  const text = rest.trim();
  if (!text.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    return undefined;
  }
  return undefined;
}

function extractFlags(rest: string): { flags: [string, string][]; rest: string; error?: string } {
  const flags: [string, string][] = [];
  let text = rest.trimStart();
  while (text.startsWith('--')) {
    const m = /^--(\S*)/.exec(text)!;
    if (m[1] === '') {
      text = text.slice(2).trimStart();
      break;
    }
    const eq = m[1].indexOf('=');
    flags.push(eq < 0 ? [m[1], 'true'] : [m[1].slice(0, eq), m[1].slice(eq + 1)]);
    text = text.slice(m[0].length).trimStart();
  }
  return { flags, rest: text };
}

const HEREDOC_WORD = /^(\d*)<<(-?)(['"]?)([A-Za-z_][A-Za-z0-9_]*)\3$/;
const HEREDOC_KEYWORDS = new Set<Keyword>(['RUN', 'COPY', 'ADD']);

interface RawNode {
  written: string;
  original: string;
  line: number;
  endLine: number;
  heredocs: Heredoc[];
}

/** Lines into logical instructions: comments, directives, continuations and heredocs. */
function scan(text: string): { nodes: RawNode[]; lines: string[]; directives: Record<string, string>; escape: string; warnings: Warning[] } {
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  const directives: Record<string, string> = {};
  let escape = '\\';
  let directivesDone = false;
  const nodes: RawNode[] = [];
  const warnings: Warning[] = [];
  const isComment = (l: string) => /^\s*#/.test(l);
  const continuation = () => new RegExp(`\\${escape}[ \\t]*$`);

  let i = 0;
  while (i < lines.length) {
    const raw = lines[i];
    if (!directivesDone) {
      const m = DIRECTIVE.exec(raw);
      const key = m?.[1].toLowerCase();
      if (m && key && VALID_DIRECTIVES.has(key)) {
        if (key in directives) throw new DockerfileError(`only one ${key} parser directive can be used`, i + 1);
        directives[key] = m[2];
        if (key === 'escape') {
          if (m[2] !== '`' && m[2] !== '\\') throw new DockerfileError(`invalid escape token '${m[2]}' does not match \` or \\`, i + 1);
          escape = m[2];
        }
        i++;
        continue;
      }
      directivesDone = true;
    }
    i++;
    if (isComment(raw)) continue;
    const startLine = i;
    let line = raw.trimStart();
    let ended = !continuation().test(line);
    if (!ended) line = line.replace(continuation(), '');
    if (ended && line.trim() === '') continue;
    let emptyContinuation = false;
    while (!ended && i < lines.length) {
      const next = lines[i++];
      if (isComment(next)) continue;
      if (next.trim() === '') {
        emptyContinuation = true;
        continue;
      }
      ended = !continuation().test(next);
      line += ended ? next : next.replace(continuation(), '');
    }
    if (emptyContinuation) warnings.push({ rule: 'NoEmptyContinuation', message: 'Empty continuation line', line: startLine });
    const written = line.trim().split(/[\t\v\f\r ]+/)[0];
    const heredocs: Heredoc[] = [];
    if (HEREDOC_KEYWORDS.has(written.toUpperCase() as Keyword)) {
      for (const word of splitWords(line.trim(), escape).slice(1)) {
        const m = HEREDOC_WORD.exec(word);
        if (!m) continue;
        const strip = m[2] === '-';
        let content = '';
        let closed = false;
        while (i < lines.length) {
          const body = lines[i++];
          const compare = strip ? body.replace(/^\t+/, '') : body;
          if (compare === m[4]) {
            closed = true;
            break;
          }
          content += `${compare}\n`;
        }
        if (!closed) throw new DockerfileError(`unterminated heredoc ${m[4]}`, startLine, i);
        heredocs.push({ name: m[4], content, expand: m[3] === '' });
      }
    }
    nodes.push({ written, original: line, line: startLine, endLine: i, heredocs });
  }
  return { nodes, lines, directives, escape, warnings };
}

function parseNameVal(keyword: Keyword, rest: string, escape: string): { pairs: KeyValue[]; legacy: boolean } {
  const words = splitWords(rest, escape);
  if (!words.length) throw new Error(`${keyword} must have two arguments`);
  if (!words[0].includes('=')) {
    const parts = rest.trim().split(/[\t\v\f\r ]+/);
    if (parts.length < 2) throw new Error(`${keyword} must have two arguments`);
    const key = parts[0];
    const value = rest.trim().slice(key.length).trimStart();
    return { pairs: [{ key, value }], legacy: true };
  }
  const pairs = words.map((word) => {
    if (!word.includes('=')) throw new Error(`Syntax error - can't find = in "${word}". Must be of the form: name=value`);
    const eq = word.indexOf('=');
    if (eq === 0) throw new Error(`${keyword} names can not be blank`);
    return { key: word.slice(0, eq), value: word.slice(eq + 1) };
  });
  return { pairs, legacy: false };
}

function toInstruction(node: RawNode, escape: string): Instruction {
  const keyword = node.written.toUpperCase() as Keyword;
  if (!KEYWORDS.includes(keyword)) throw new Error(`unknown instruction: ${node.written}${suggestion(node.written)}`);
  const afterKeyword = node.original.trim().slice(node.written.length);
  const extracted = extractFlags(afterKeyword);
  const allowed = FLAGS[keyword] ?? [];
  const flags: Record<string, string> = {};
  for (const [name, value] of extracted.flags) {
    if (!allowed.includes(name)) throw new Error(`unknown flag: ${name}`);
    flags[name] = value;
  }
  const rest = extracted.rest.trim();
  const ins: Instruction = { keyword, written: node.written, original: node.original, flags, rest, args: [], heredocs: node.heredocs, line: node.line, endLine: node.endLine };
  switch (keyword) {
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      ins.json = parseJson(rest);
      if (keyword === 'SHELL' && !ins.json) throw new Error(`SHELL requires the arguments to be in JSON form`);
      break;
    case 'COPY':
    case 'ADD':
    case 'VOLUME':
      ins.json = parseJson(rest);
      ins.args = ins.json ?? splitWords(rest, escape);
      if (keyword === 'VOLUME' && !ins.args.length) throw new Error('VOLUME requires at least one argument');
      if (keyword !== 'VOLUME' && ins.args.length < 2) throw new Error(`${keyword} requires at least two arguments, but only one was provided. Destination could not be determined`);
      break;
    case 'ENV':
    case 'LABEL': {
      const { pairs, legacy } = parseNameVal(keyword, rest, escape);
      ins.pairs = pairs;
      ins.legacyKeyValue = legacy;
      break;
    }
    case 'ARG': {
      const words = splitWords(rest, escape);
      if (!words.length) throw new Error('ARG requires at least one argument');
      ins.pairs = words.map((w) => {
        const eq = w.indexOf('=');
        if (eq === 0) throw new Error('ARG names can not be blank');
        return eq < 0 ? { key: w } : { key: w.slice(0, eq), value: w.slice(eq + 1) };
      });
      break;
    }
    case 'FROM':
    case 'EXPOSE':
      ins.args = rest.split(/[\t\v\f\r ]+/).filter(Boolean);
      if (keyword === 'EXPOSE' && !ins.args.length) throw new Error('EXPOSE requires at least one argument');
      if (keyword === 'FROM') {
        const n = ins.args.length;
        if (n === 3 && ins.args[1].toLowerCase() === 'as') {
          if (!/^[a-z][a-z0-9-_.]*$/.test(ins.args[2].toLowerCase())) throw new Error(`invalid name for build stage: "${ins.args[2]}", name can't start with a number or contain symbols`);
        } else if (n !== 1) throw new Error('FROM requires either one or three arguments');
      }
      break;
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
    case 'MAINTAINER':
      if (!rest) throw new Error(`${keyword} requires exactly one argument`);
      ins.args = [rest];
      break;
    case 'HEALTHCHECK':
    case 'ONBUILD':
      if (!rest) throw new Error(`${keyword} requires at least one argument`);
      ins.args = splitWords(rest, escape);
      break;
  }
  return ins;
}

const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const NOT_SECRET = /(?:_|^)(?:public|file|path|dir|url|host|name|id|version|mode|type)(?:_|$)/i;

function checks(nodes: Instruction[], stages: Stage[], metaArgs: Instruction[], base: Warning[]): Warning[] {
  const warnings = [...base];
  // ConsistentInstructionCasing: the majority casing wins.
  const upper = nodes.filter((n) => n.written === n.written.toUpperCase()).length;
  const lower = nodes.filter((n) => n.written === n.written.toLowerCase()).length;
  const majority = upper >= lower ? 'uppercase' : 'lowercase';
  for (const n of nodes) {
    const fits = majority === 'uppercase' ? n.written === n.written.toUpperCase() : n.written === n.written.toLowerCase();
    if (!fits) warnings.push({ rule: 'ConsistentInstructionCasing', message: `Command '${n.written}' should match the case of the command majority (${majority})`, line: n.line });
  }
  for (const stage of stages) {
    const f = stage.from;
    if (f.args.length === 3) {
      const as = f.args[1];
      const fromUpper = f.written === f.written.toUpperCase();
      const fromLower = f.written === f.written.toLowerCase();
      if ((fromUpper && as !== as.toUpperCase()) || (fromLower && as !== as.toLowerCase())) {
        warnings.push({ rule: 'FromAsCasing', message: `'${as}' and '${f.written}' keywords' casing do not match`, line: f.line });
      }
      if (f.args[2] !== f.args[2].toLowerCase()) warnings.push({ rule: 'StageNameCasing', message: `Stage name '${f.args[2]}' should be lowercase`, line: f.line });
    }
    const seen = new Map<string, Instruction>();
    for (const c of stage.commands) {
      if (c.keyword === 'CMD' || c.keyword === 'ENTRYPOINT' || c.keyword === 'HEALTHCHECK') {
        const before = seen.get(c.keyword);
        if (before) warnings.push({ rule: 'MultipleInstructionsDisallowed', message: `Multiple ${c.keyword} instructions should not be used in the same stage because only the last one will be used`, line: before.line });
        seen.set(c.keyword, c);
      }
      if ((c.keyword === 'CMD' || c.keyword === 'ENTRYPOINT') && !c.json && c.rest) {
        warnings.push({ rule: 'JSONArgsRecommended', message: `JSON arguments recommended for ${c.keyword} to prevent unintended behavior related to OS signals`, line: c.line });
      }
      if ((c.keyword === 'ENV' || c.keyword === 'LABEL') && c.legacyKeyValue) {
        warnings.push({ rule: 'LegacyKeyValueFormat', message: `"${c.keyword} key=value" should be used instead of legacy "${c.keyword} key value" format`, line: c.line });
      }
      if (c.keyword === 'MAINTAINER') warnings.push({ rule: 'MaintainerDeprecated', message: 'Maintainer instruction is deprecated in favor of using label', line: c.line });
      if (c.keyword === 'ENV' || c.keyword === 'ARG') {
        for (const p of c.pairs ?? []) {
          if (SECRET.test(p.key) && !NOT_SECRET.test(p.key)) warnings.push({ rule: 'SecretsUsedInArgOrEnv', message: `Do not use ARG or ENV instructions for sensitive data (${c.keyword} "${p.key}")`, line: c.line });
        }
      }
    }
  }
  for (const a of metaArgs) {
    for (const p of a.pairs ?? []) {
      if (SECRET.test(p.key) && !NOT_SECRET.test(p.key)) warnings.push({ rule: 'SecretsUsedInArgOrEnv', message: `Do not use ARG or ENV instructions for sensitive data (ARG "${p.key}")`, line: a.line });
    }
  }
  return warnings;
}

/**
 * Parses a Dockerfile. Throws a DockerfileError worded as BuildKit's: `dockerfile parse error on
 * line 3: unknown instruction: COPPY (did you mean COPY?)`, `no build stage in current context`.
 */
export function parseDockerfile(text: string): ParsedDockerfile {
  const { nodes, lines, directives, escape, warnings } = scan(text);
  // Nothing but blank lines and comments: BuildKit refuses before parsing, with no excerpt.
  if (!nodes.length) throw new DockerfileError('the Dockerfile cannot be empty');
  const instructions: Instruction[] = [];
  for (const node of nodes) {
    try {
      instructions.push(toInstruction(node, escape));
    } catch (e) {
      if (!(e instanceof Error) || e instanceof DockerfileError) throw e;
      throw new DockerfileError(`dockerfile parse error on line ${node.line}: ${e.message}`, node.line, node.endLine);
    }
  }
  const metaArgs: Instruction[] = [];
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const named = ins.args.length === 3;
      stages.push({ index: stages.length, name: named ? ins.args[2].toLowerCase() : undefined, base: ins.args[0], platform: ins.flags.platform, from: ins, commands: [] });
      continue;
    }
    if (!stages.length) {
      if (ins.keyword === 'ARG') {
        metaArgs.push(ins);
        continue;
      }
      throw new DockerfileError('no build stage in current context', ins.line, ins.endLine);
    }
    stages[stages.length - 1].commands.push(ins);
  }
  if (!stages.length) throw new DockerfileError('dockerfile contains no stages to build');
  const names = new Set<string>();
  for (const s of stages) {
    if (!s.name) continue;
    if (names.has(s.name)) throw new DockerfileError(`duplicate stage name "${s.name}"`, s.from.line, s.from.endLine);
    if (s.name === 'scratch' || s.name === 'context') throw new DockerfileError(`"${s.name}" is a reserved name`, s.from.line, s.from.endLine);
    names.add(s.name);
  }
  const skip = checkSkips(directives.check);
  const found = checks(instructions, stages, metaArgs, warnings).filter((w) => !skip.has('all') && !skip.has(w.rule.toLowerCase()));
  return { lines, directives, escape, metaArgs, stages, warnings: found };
}

/** `# check=skip=JSONArgsRecommended,StageNameCasing` or `skip=all`. */
export function checkSkips(directive: string | undefined): Set<string> {
  const m = /(?:^|;)\s*skip\s*=\s*([^;]*)/i.exec(directive ?? '');
  return new Set((m?.[1] ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
}

/** The argv a RUN/CMD/ENTRYPOINT means: the JSON array, or the shell form under /bin/sh -c. */
export function commandArgv(ins: Instruction, shell: string[] = ['/bin/sh', '-c']): string[] {
  return ins.json ?? (ins.rest ? [...shell, ins.rest] : []);
}

/** BuildKit's excerpt of the Dockerfile around an error (solver/errdefs/source.go). */
export function sourceExcerpt(name: string, lines: string[], start: number, end = start): string {
  let s = start;
  let e = Math.min(end, lines.length);
  if (s > lines.length || s < 1) return '';
  const pad = e === s ? 4 : 2;
  let p = 0;
  while (p < pad) {
    if (s > 1) {
      s--;
      p++;
    }
    if (e !== lines.length) {
      e++;
      p++;
    }
    p++;
  }
  let out = `${name}:${start}\n--------------------\n`;
  for (let i = s; i <= e; i++) {
    const marked = i >= start && i <= Math.max(end, start);
    out += ` ${String(i).padStart(3)} | ${marked ? '>>>' : '   '} ${lines[i - 1]}\n`;
  }
  return `${out}--------------------\n`;
}
