// jq 1.7.1's command line (main.c): stacked short options (-rc), long ones, --arg and friends
// taking their values, `--` ending options; the first other word is the filter, the rest are
// files (or, after --args/--jsonargs, positional values). Its words for what it refuses.
import { parseOne } from './json';
import type { JqValue } from './values';

export interface JqOptions {
  filter?: string;
  files: string[];
  nullInput: boolean;
  rawInput: boolean;
  slurp: boolean;
  rawOutput: boolean;
  /** -j: no newline after each output (implies -r). */
  join: boolean;
  /** --raw-output0: NUL after each output. */
  nul: boolean;
  ascii: boolean;
  sortKeys: boolean;
  color?: boolean;
  indent: number;
  tab: boolean;
  seq: boolean;
  stream: boolean;
  exitStatus: boolean;
  fromFile: boolean;
  named: Map<string, JqValue>;
  /** --slurpfile/--rawfile: read when the files can be. */
  fileArgs: { name: string; file: string; raw: boolean }[];
  positional: JqValue[];
}

export type Parsed = { ok: true; options: JqOptions } | { ok: false; out?: string; err?: string; code: number };

export function usage(progname: string, short: boolean): string {
  const head =
    `jq - commandline JSON processor [version 1.7.1]\n\nUsage:\t${progname} [options] <jq filter> [file...]\n\t${progname} [options] --args <jq filter> [strings...]\n\t${progname} [options] --jsonargs <jq filter> [JSON_TEXTS...]\n\n` +
    "jq is a tool for processing JSON inputs, applying the given filter to\nits JSON text inputs and producing the filter's results as JSON on\nstandard output.\n\n" +
    'The simplest filter is ., which copies jq\'s input to its output\nunmodified except for formatting. For more advanced filters see\nthe jq(1) manpage ("man jq") and/or https://jqlang.github.io/jq/.\n\n' +
    'Example:\n\n\t$ echo \'{"foo": 0}\' | jq .\n\t{\n\t  "foo": 0\n\t}\n\n';
  if (short) return `${head}For listing the command options, use ${progname} --help.\n`;
  return (
    head +
    'Command options:\n' +
    '  -n, --null-input          use `null` as the single input value;\n' +
    '  -R, --raw-input           read each line as string instead of JSON;\n' +
    '  -s, --slurp               read all inputs into an array and use it as\n' +
    '                            the single input value;\n' +
    '  -c, --compact-output      compact instead of pretty-printed output;\n' +
    '  -r, --raw-output          output strings without escapes and quotes;\n' +
    '      --raw-output0         implies -r and output NUL after each output;\n' +
    '  -j, --join-output         implies -r and output without newline after\n' +
    '                            each output;\n' +
    '  -a, --ascii-output        output strings by only ASCII characters\n' +
    '                            using escape sequences;\n' +
    '  -S, --sort-keys           sort keys of each object on output;\n' +
    '  -C, --color-output        colorize JSON output;\n' +
    '  -M, --monochrome-output   disable colored output;\n' +
    '      --tab                 use tabs for indentation;\n' +
    '      --indent n            use n spaces for indentation (max 7 spaces);\n' +
    '      --unbuffered          flush output stream after each output;\n' +
    '      --stream              parse the input value in streaming fashion;\n' +
    '      --stream-errors       implies --stream and report parse error as\n' +
    '                            an array;\n' +
    '      --seq                 parse input/output as application/json-seq;\n' +
    '  -f, --from-file file      load filter from the file;\n' +
    '  -L directory              search modules from the directory;\n' +
    '      --arg name value      set $name to the string value;\n' +
    '      --argjson name value  set $name to the JSON value;\n' +
    '      --slurpfile name file set $name to an array of JSON values read\n' +
    '                            from the file;\n' +
    '      --rawfile name file   set $name to string contents of file;\n' +
    '      --args                consume remaining arguments as positional\n' +
    '                            string values;\n' +
    '      --jsonargs            consume remaining arguments as positional\n' +
    '                            JSON values;\n' +
    '  -e, --exit-status         set exit status code based on the output;\n' +
    '  -V, --version             show the version;\n' +
    "  --build-configuration     show jq's build configuration;\n" +
    '  -h, --help                show the help;\n' +
    '  --                        terminates argument processing;\n\n' +
    'Named arguments are also available as $ARGS.named[], while\n' +
    'positional arguments are available as $ARGS.positional[].\n'
  );
}

/** What jq says (die()) after refusing an option: how to get help. */
const dieText = (progname: string) => `Use ${progname} --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n`;

/** A build like Ubuntu's: decNumber and Oniguruma. */
export const BUILD_CONFIGURATION = '--build=x86_64-linux-gnu --prefix=/usr --includedir=${prefix}/include --mandir=${prefix}/share/man --infodir=${prefix}/share/info --sysconfdir=/etc --localstatedir=/var --disable-option-checking --disable-silent-rules --libdir=${prefix}/lib/x86_64-linux-gnu --runstatedir=/run --disable-maintainer-mode --disable-dependency-tracking --disable-docs --enable-all-static=no --with-oniguruma=yes';

export function parseJqCommandLine(args: readonly string[], progname: string): Parsed {
  const o: JqOptions = {
    files: [],
    nullInput: false,
    rawInput: false,
    slurp: false,
    rawOutput: false,
    join: false,
    nul: false,
    ascii: false,
    sortKeys: false,
    indent: 2,
    tab: false,
    seq: false,
    stream: false,
    exitStatus: false,
    fromFile: false,
    named: new Map(),
    fileArgs: [],
    positional: [],
  };
  const die = (message: string): Parsed => ({ ok: false, err: `${progname}: ${message}\n${dieText(progname)}`, code: 2 });
  let argsAreStrings = false;
  let argsAreJson = false;
  let done = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const optish = a[0] === '-' && (a[1] === '-' || /[A-Za-z]/.test(a[1] ?? ''));
    if (done || !optish) {
      if (o.filter === undefined) o.filter = a;
      else if (argsAreStrings) o.positional.push(a);
      else if (argsAreJson) {
        const v = parseOne(a);
        if ('error' in v) return { ok: false, err: `${progname}: invalid JSON text passed to --jsonargs\n${dieText(progname)}`, code: 2 };
        o.positional.push(v.value);
      } else o.files.push(a);
      continue;
    }
    if (a === '--') {
      done = true;
      continue;
    }
    if (a[1] === 'L') {
      if (a.length === 2) {
        if (i >= args.length - 1) return { ok: false, err: `-L takes a parameter: (e.g. -L /search/path or -L/search/path)\n${dieText(progname)}`, code: 2 };
        i++;
      }
      continue;
    }
    const long = a.startsWith('--') ? a.slice(2) : undefined;
    // Short options stack (-rc); each letter is looked for anywhere in the word, as jq does.
    let shorts = 0;
    let matchedLong = false;
    const is = (short: string | null, name: string): boolean => {
      if (long !== undefined) {
        if (long === name) matchedLong = true;
        return long === name;
      }
      if (short && a.includes(short)) {
        shorts++;
        return true;
      }
      return false;
    };
    if (is('s', 'slurp')) o.slurp = true;
    if (is('r', 'raw-output')) o.rawOutput = true;
    if (is(null, 'raw-output0')) o.rawOutput = o.join = o.nul = true;
    if (is('j', 'join-output')) o.rawOutput = o.join = true;
    if (is('c', 'compact-output')) {
      o.indent = 0;
      o.tab = false;
    }
    if (is('C', 'color-output')) o.color = true;
    if (is('M', 'monochrome-output')) o.color = false;
    if (is('a', 'ascii-output')) o.ascii = true;
    if (is(null, 'unbuffered')) continue;
    if (is('S', 'sort-keys')) o.sortKeys = true;
    if (is('R', 'raw-input')) o.rawInput = true;
    if (is('n', 'null-input')) o.nullInput = true;
    if (is('f', 'from-file')) o.fromFile = true;
    if (is('b', 'binary')) continue;
    if (is(null, 'tab')) {
      o.tab = true;
      o.indent = 1;
      continue;
    }
    if (is(null, 'indent')) {
      if (i >= args.length - 1) return die('--indent takes one parameter');
      const n = Number.parseInt(args[i + 1], 10) || 0;
      if (n < -1 || n > 7) return die('--indent takes a number between -1 and 7');
      o.indent = n;
      o.tab = false;
      i++;
      continue;
    }
    if (is(null, 'seq')) {
      o.seq = true;
      continue;
    }
    if (is(null, 'stream') || is(null, 'stream-errors')) {
      o.stream = true;
      continue;
    }
    if (is('e', 'exit-status')) o.exitStatus = true;
    if (is(null, 'args')) {
      argsAreStrings = true;
      argsAreJson = false;
      continue;
    }
    if (is(null, 'jsonargs')) {
      argsAreStrings = false;
      argsAreJson = true;
      continue;
    }
    if (is(null, 'arg')) {
      if (i >= args.length - 2) return die('--arg takes two parameters (e.g. --arg varname value)');
      if (!o.named.has(args[i + 1])) o.named.set(args[i + 1], args[i + 2]);
      i += 2;
      continue;
    }
    if (is(null, 'argjson')) {
      if (i >= args.length - 2) return die('--argjson takes two parameters (e.g. --argjson varname text)');
      if (!o.named.has(args[i + 1])) {
        const v = parseOne(args[i + 2]);
        if ('error' in v) return die('invalid JSON text passed to --argjson');
        o.named.set(args[i + 1], v.value);
      }
      i += 2;
      continue;
    }
    if (is(null, 'rawfile') || is(null, 'slurpfile')) {
      const raw = long === 'rawfile';
      const which = raw ? 'rawfile' : 'slurpfile';
      if (i >= args.length - 2) return die(`--${which} takes two parameters (e.g. --${which} varname filename)`);
      if (!o.named.has(args[i + 1]) && !o.fileArgs.some((f) => f.name === args[i + 1])) o.fileArgs.push({ name: args[i + 1], file: args[i + 2], raw });
      i += 2;
      continue;
    }
    if (is('h', 'help')) return { ok: false, out: usage(progname, false), code: 0 };
    if (is('V', 'version')) return { ok: false, out: 'jq-1.7.1\n', code: 0 };
    if (is(null, 'build-configuration')) return { ok: false, out: `${BUILD_CONFIGURATION}\n`, code: 0 };
    if (long !== undefined ? !matchedLong : a.length !== shorts + 1) return die(`Unknown option ${a}`);
  }
  return { ok: true, options: o };
}
