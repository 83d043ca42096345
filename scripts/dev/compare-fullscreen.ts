// Runs the full-screen programs (less, more, man, watch) both in the simulator, through the
// terminal driver and a headless xterm, and for real on this machine inside tmux, sends the same
// keys to both and compares the screens they leave: every row's text and its cells' bold,
// underline and reverse video. The cases are data: add one to CASES to check one more thing. The
// loop and report are ./compare/runner.ts's; the screens and how they are set side by side are this
// file's own.
//
//   npx tsx scripts/dev/compare-fullscreen.ts              every case
//   npx tsx scripts/dev/compare-fullscreen.ts less search  only cases whose name has one of the words
//   npx tsx scripts/dev/compare-fullscreen.ts --all        also print the screens that agree
//   npx tsx scripts/dev/compare-fullscreen.ts --real NAME  print the real screens of the cases named so
//   npx tsx scripts/dev/compare-fullscreen.ts --sim NAME   print the simulator's
//
// Keys are written as text with tokens in braces: {Enter} {Space} {Up} {Down} {Left} {Right}
// {PageUp} {PageDown} {Home} {End} {Esc} {BSpace} {C-c} {C-g} ..., {snap} takes a screen,
// {wait 2500} lets 2.5 s pass (real time for the real side, simulated time for the simulator);
// {wait 0} only splits keys into two writes: a program that quits on the first (q) leaves the rest
// to the shell on a real terminal, but here it would swallow the whole write.
// The real side runs bash with the simulator's (coloured) prompt in a temporary directory holding
// the same files, TERM=xterm-256color, and (where unshare may) a host named `laptop`; it needs
// tmux, less, man-db, procps' watch and util-linux's more. A known difference (`known:`) is
// printed, not counted: the versions here (util-linux 2.38, procps 4.0.2) are older than Ubuntu
// 24.04's, and man's pages are made from our specs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import xterm from '@xterm/headless';
import { createClock, createSession, createTerminal } from '../../simulators';
import { FakeTimers } from '../../tests/unit/helpers/fake-timers';
import { compare, type KnownCase, type Verdict } from './compare/runner';

// xterm's headless build is CommonJS: its class comes through the default export under tsx.
const { Terminal } = xterm;
type Terminal = InstanceType<typeof Terminal>;

interface Case extends KnownCase {
  name: string;
  steps: string;
  files?: Record<string, string>;
  cols?: number;
  rows?: number;
  /** Rewrites applied to both sides' row text before comparing (host names, dates). */
  normalize?: [RegExp, string][];
}

const lines = (n: number, word = 'line') => Array.from({ length: n }, (_, i) => `${word} ${i + 1}\n`).join('');
const FILES: Record<string, string> = {
  'long.txt': lines(100),
  'short.txt': 'alpha\nbeta\ngamma\n',
  'wide.txt': `${'x'.repeat(100)}\nshort\n${'0123456789'.repeat(17)}\nend\n`,
  'tabs.txt': 'a\tb\tc\n12345678\tx\n',
  'empty.txt': '',
  'mixed.txt': `${lines(30, 'row')}Error: disk full\n${lines(30, 'more')}error again\n`,
  'gaps.txt': 'a\n\n\n\nb\n\n\nc\n',
  'ctrl.txt': 'bell\x07here\ttab\x1b[1mbold\x1b[0m\x7f\n',
  'color.txt': '\x1b[01;34mblue\x1b[0m plain \x1b[1;31mred\x1b[0m\n',
  'wide-cjk.txt': `${'漢字'.repeat(25)}\nend\n`,
  'over.txt': 'N\bNA\bAM\bME\bE\n       _\bf_\bi_\bl_\be plain\n',
  'nl-end.txt': 'one\ntwo',
};

/** The time in watch's header and date's output differs between the two sides: same length, so places still compare. */
const WATCH_HEADER: [RegExp, string][] = [[/\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d( UTC)? \d{4}/g, 'DDD MMM DD HH:MM:SS YYYY']];

const MORE_238 = 'util-linux 2.38 on this machine waits at (END); 2.39 (Ubuntu 24.04) exits at the end of the last file';

const CASES: Case[] = [
  // less: the first screen, moving, the prompt
  { name: 'less long file', steps: 'less long.txt{Enter}{snap}{Space}{snap}b{snap}jj{snap}k{snap}G{snap}g{snap}q{snap}' },
  { name: 'less short file', steps: 'less short.txt{Enter}{snap}j{snap}k{snap}q{snap}' },
  { name: 'less short file then G', steps: 'less short.txt{Enter}G{snap}q' },
  { name: 'less empty file', steps: 'less empty.txt{Enter}{snap}q{snap}' },
  { name: 'less pages and half pages', steps: 'less long.txt{Enter}f{snap}d{snap}u{snap}{PageDown}{snap}{PageUp}{snap}{Down}{snap}{Up}{snap}q' },
  { name: 'less at the end', steps: 'less long.txt{Enter}G{snap}{Space}{snap}j{snap}b{snap}q' },
  { name: 'less numbers before a command', steps: 'less long.txt{Enter}5j{snap}50g{snap}3{snap}k{snap}10G{snap}q' },
  { name: 'less line past the end', steps: 'less long.txt{Enter}500g{snap}{Enter}{snap}q' },
  { name: 'less -N', steps: 'less -N long.txt{Enter}{snap}G{snap}q' },
  { name: 'less long lines wrap', steps: 'less wide.txt{Enter}{snap}j{snap}q' },
  { name: 'less -S chops long lines', steps: 'less -S wide.txt{Enter}{snap}{Right}{snap}{Left}{snap}q' },
  { name: 'less tabs', steps: 'less tabs.txt{Enter}{snap}q' },
  { name: 'less from a pipe', steps: 'seq 50 | less{Enter}{snap}G{snap}q{snap}' },
  { name: 'less from a short pipe', steps: 'printf "a\\nb\\n" | less{Enter}{snap}q' },
  { name: 'less = and ^G', steps: 'less long.txt{Enter}={snap}{Enter}{Space}{C-g}{snap}q' },
  { name: 'less = from a pipe', steps: 'seq 50 | less{Enter}={snap}{Enter}G={snap}{Enter}q' },
  // less: searching
  { name: 'less search forward', steps: 'less long.txt{Enter}/line 9{Enter}{snap}n{snap}n{snap}N{snap}N{snap}N{snap}{Enter}q' },
  { name: 'less search includes the top line', steps: 'less long.txt{Enter}/line 1{Enter}{snap}n{snap}q' },
  { name: 'less search backward', steps: 'less long.txt{Enter}G?line 5{Enter}{snap}n{snap}N{snap}q' },
  { name: 'less search backward on screen', steps: 'less long.txt{Enter}G?line 8{Enter}{snap}q' },
  { name: 'less search not found', steps: 'less long.txt{Enter}/nothing{Enter}{snap}{Enter}{snap}q' },
  { name: 'less search then a command', steps: 'less long.txt{Enter}/nothing{Enter}G{snap}q' },
  { name: 'less search regex', steps: 'less mixed.txt{Enter}/[Ee]rror{Enter}{snap}n{snap}q' },
  { name: 'less search bad regex', steps: 'less mixed.txt{Enter}/a[{Enter}{snap}{Enter}q' },
  { name: 'less search typing', steps: 'less mixed.txt{Enter}/err{snap}{BSpace}{BSpace}{snap}{BSpace}{BSpace}{snap}q' },
  { name: 'less search repeat with /', steps: 'less mixed.txt{Enter}/more{Enter}/{Enter}{snap}q' },
  { name: 'less n without a search', steps: 'less mixed.txt{Enter}n{snap}{Enter}q' },
  { name: 'less ESC-u hides the highlight', steps: 'less mixed.txt{Enter}/row{Enter}{Esc}u{snap}q' },
  // less: other commands
  { name: 'less colon commands', steps: 'less long.txt{Enter}:{snap}q' },
  { name: 'less :n with two files', steps: 'less short.txt long.txt{Enter}{snap}:n{snap}:p{snap}q' },
  { name: 'less help', steps: 'less short.txt{Enter}h{snap}q{snap}q' },
  { name: 'less percent', steps: 'less long.txt{Enter}50%{snap}q' },
  { name: 'less unknown key', steps: 'less long.txt{Enter}Z{snap}x{snap}q' },
  { name: 'less errors', steps: 'less nosuch{Enter}less .{Enter}less{Enter}{snap}' },
  { name: 'less in a pipe is cat', steps: 'less short.txt | cat{Enter}less -N short.txt > out; cat out{Enter}{snap}' },
  { name: 'less small window', cols: 40, rows: 10, steps: 'less long.txt{Enter}{snap}{Space}{snap}d{snap}q' },
  { name: 'less -F short and long', steps: 'less -F short.txt{Enter}{snap}less -F long.txt{Enter}{snap}q{snap}' },
  { name: 'less -X keeps the text', steps: 'less -X short.txt{Enter}{snap}q{snap}' },
  { name: 'less -K and ^C', steps: 'less long.txt{Enter}{C-c}{snap}q{wait 0}less -K long.txt{Enter}{C-c}{snap}' },
  { name: 'less +G and +/', steps: 'less +G long.txt{Enter}{snap}q{wait 0}less +/line.5 long.txt{Enter}{snap}q{wait 0}less +30 long.txt{Enter}{snap}q' },
  { name: 'less -s', steps: 'less -s gaps.txt{Enter}{snap}q' },
  { name: 'less control characters', steps: 'less ctrl.txt{Enter}{snap}q' },
  { name: 'less -R colours', steps: 'less -R color.txt{Enter}{snap}q{wait 0}less color.txt{Enter}{snap}q' },
  { name: 'less wide characters', steps: 'less wide-cjk.txt{Enter}{snap}q' },
  { name: 'less overstrike', steps: 'less over.txt{Enter}{snap}q' },
  { name: 'less -m and -M prompts', steps: 'less -m long.txt{Enter}{snap}{Space}{snap}G{snap}q{wait 0}less -M long.txt{Enter}{snap}G{snap}q' },
  { name: 'less -M from a pipe', steps: 'seq 30 | less -M{Enter}{snap}G{snap}q' },
  { name: 'less -i search', steps: 'less -i mixed.txt{Enter}/error{Enter}{snap}n{snap}q{wait 0}less -i mixed.txt{Enter}/Error{Enter}n{snap}{Enter}q' },
  { name: 'less non-matching search', steps: 'less mixed.txt{Enter}/!row{Enter}{snap}q' },
  { name: 'less search message on a short file', steps: 'less short.txt{Enter}/zzz{Enter}{snap}{Enter}{snap}q' },
  { name: 'less search on a short file', steps: 'less short.txt{Enter}/alpha{Enter}{snap}/gam{Enter}{snap}q' },
  { name: 'less empty file G', steps: 'less empty.txt{Enter}G{snap}q' },
  { name: 'less no final newline', steps: 'less nl-end.txt{Enter}={snap}{Enter}q' },
  { name: 'less missing file first', steps: 'less nosuch short.txt{Enter}{snap}q{snap}less --foo nosuch short.txt{Enter}{Enter}{snap}q' },
  { name: 'less missing file next', steps: 'less short.txt nosuch{Enter}:n{snap}{Enter}{snap}{Enter}{snap}q' },
  { name: 'less help pages', steps: 'less short.txt{Enter}h{Space}{snap}G{snap}q', known: "the help text is less's, cut down to the commands this less has" },
  { name: 'less -N wrapped', steps: 'less -N wide.txt{Enter}{snap}q' },
  { name: 'less V and F', steps: 'less long.txt{Enter}V{snap}{Enter}F{snap}{C-c}{snap}q' },
  { name: 'less --version and options', steps: 'less --version{Enter}less -z{Enter}{snap}' },
  { name: 'less unknown option', steps: 'less --foo short.txt{Enter}{snap}{Enter}{snap}q' },
  { name: 'less wrapped search', steps: 'less wide.txt{Enter}/end{Enter}{snap}q' },
  { name: 'less shift without -S', steps: 'less wide.txt{Enter}{Right}{snap}{Left}{snap}q' },
  { name: 'less -N -S together', steps: 'less -N -S wide.txt{Enter}{snap}{Right}{snap}q' },
  { name: 'less windows z and w', steps: 'less long.txt{Enter}5z{snap}z{snap}w{snap}{Esc}v{snap}q' },
  { name: 'less forced J K and ESC-SPACE', steps: 'less long.txt{Enter}GJJ{snap}K{snap}{Esc} {snap}q' },
  { name: 'less ESC-U clears the search', steps: 'less mixed.txt{Enter}/row{Enter}{Esc}U{snap}n{snap}{Enter}q' },
  { name: 'less 3n', steps: 'less long.txt{Enter}/line 1{Enter}3n{snap}q' },
  { name: 'less search from the middle of a pipe', steps: 'seq 200 | less{Enter}/150{Enter}{snap}={snap}{Enter}q' },
  { name: 'more -5 and +3', steps: 'more -5 long.txt{Enter}{snap}q{wait 0}more +3 long.txt{Enter}{snap}q' },
  { name: 'more s f and :f', steps: 'more long.txt{Enter}s{snap}f{snap}:f{snap}q' },
  { name: 'more d from a pipe', steps: 'seq 100 | more{Enter}d{snap}b{snap}q' },
  { name: 'more two files', steps: 'more short.txt long.txt{Enter}{snap}{Space}{snap}q', known: MORE_238 },
  { name: 'watch -d', steps: 'watch -t -d -n 1 date +%S{Enter}{wait 1100}{snap}{C-c}', known: 'which seconds change depends on when the real one ran' },
  { name: 'watch -x', steps: "watch -t -x echo 'a  b' c{Enter}{snap}{C-c}" },
  { name: 'watch -w', steps: 'watch -t -w cat wide.txt{Enter}{snap}{C-c}', known: "procps 4.0.2 here also drops the line after a short one (fixed in 4.0.4's run_command)" },
  { name: 'watch tabs and controls', steps: 'watch -t cat tabs.txt ctrl.txt{Enter}{snap}{C-c}', known: '4.0.2 here shows a BEL as ^ where 4.0.4 beeps and leaves the cell' },
  { name: 'watch -c', steps: 'watch -t -c cat color.txt{Enter}{snap}{C-c}' },
  { name: 'watch -g', steps: 'watch -g -n 1 date +%S; echo done{Enter}{wait 1500}{snap}', normalize: WATCH_HEADER },
  // more
  { name: 'more long file', steps: 'more long.txt{Enter}{snap}{Space}{snap}{Enter}{snap}q{snap}' },
  { name: 'more to the end', steps: 'more long.txt{Enter}{Space}{Space}{Space}{Space}{snap}', known: MORE_238 },
  { name: 'more short file', steps: 'more short.txt{Enter}{snap}', known: MORE_238 },
  { name: 'more from a pipe', steps: 'seq 100 | more{Enter}{snap}{Space}{snap}q{snap}' },
  { name: 'more search', steps: 'more mixed.txt{Enter}/again{Enter}{snap}q', known: `${MORE_238}; the simulator follows 2.39's search()` },
  { name: 'more b and d', steps: 'more long.txt{Enter}{Space}{Space}b{snap}d{snap}q' },
  { name: 'more errors', steps: 'more nosuch{Enter}more .{Enter}more{Enter}{snap}' },
  // man
  { name: 'man errors', steps: 'man{Enter}man nosuch{Enter}man kubectl{Enter}{snap}' },
  { name: 'man in a pipe', steps: 'man sleep | head -20{Enter}{snap}', known: 'the page is made from our spec of sleep, not the real one' },
  { name: 'man ls first screen', steps: 'man ls{Enter}{snap}G{snap}g{snap}q{snap}', known: 'our page is made from our spec, not the real one' },
  // watch
  { name: 'watch date', steps: 'watch date{Enter}{snap}{C-c}{snap}', normalize: WATCH_HEADER },
  { name: 'watch -n 1 -t', steps: 'watch -t -n 1 echo hi{Enter}{snap}{C-c}{snap}' },
  { name: 'watch narrow header', cols: 50, steps: 'watch -n 1 echo a very long command line for the header{Enter}{snap}{C-c}', normalize: WATCH_HEADER },
  { name: 'watch errors', steps: 'watch{Enter}watch -n x date{Enter}{snap}', known: 'procps 4.0.2 here: its usage lacks 4.0.4\'s -C and -r lines' },
  { name: 'watch a failing command', steps: 'watch nosuchcmd{Enter}{snap}{C-c}', normalize: WATCH_HEADER },
  { name: 'watch wraps long output', steps: 'watch -t cat wide.txt{Enter}{snap}{C-c}' },
  { name: 'watch then the rest of the line', steps: 'watch -t echo x; echo after $?{Enter}{C-c}{snap}' },
];

// --- key tokens -----------------------------------------------------------------------------

/** A token's bytes for the simulator and its name for tmux send-keys. */
const SPECIAL: Record<string, [string, string]> = {
  Enter: ['\r', 'Enter'],
  Space: [' ', 'Space'],
  Up: ['\x1b[A', 'Up'],
  Down: ['\x1b[B', 'Down'],
  Right: ['\x1b[C', 'Right'],
  Left: ['\x1b[D', 'Left'],
  Home: ['\x1b[H', 'Home'],
  End: ['\x1b[F', 'End'],
  PageUp: ['\x1b[5~', 'PageUp'],
  PageDown: ['\x1b[6~', 'PageDown'],
  Esc: ['\x1b', 'Escape'],
  BSpace: ['\x7f', 'BSpace'],
  Tab: ['\t', 'Tab'],
};

type Token = { kind: 'text'; text: string } | { kind: 'key'; sim: string; tmux: string } | { kind: 'snap' } | { kind: 'wait'; ms: number };

function tokens(steps: string): Token[] {
  const out: Token[] = [];
  const re = /\{([^}]+)\}|([^{]+)/g;
  for (let m = re.exec(steps); m; m = re.exec(steps)) {
    if (m[2] !== undefined) out.push({ kind: 'text', text: m[2] });
    else if (m[1] === 'snap') out.push({ kind: 'snap' });
    else if (m[1].startsWith('wait ')) out.push({ kind: 'wait', ms: Number(m[1].slice(5)) });
    else if (/^C-[a-z]$/.test(m[1])) out.push({ kind: 'key', sim: String.fromCharCode(m[1].charCodeAt(2) - 96), tmux: m[1] });
    else if (SPECIAL[m[1]]) out.push({ kind: 'key', sim: SPECIAL[m[1]][0], tmux: SPECIAL[m[1]][1] });
    else throw new Error(`unknown key {${m[1]}}`);
  }
  return out;
}

// --- screens ----------------------------------------------------------------------------------

interface Screen {
  rows: string[];
  /** Per row, one letter per cell: B bold, U underline, R reverse, combined in that order, '.' plain. */
  attrs: string[];
}

function readScreen(term: Terminal): Screen {
  const buffer = term.buffer.active;
  const rows: string[] = [];
  const attrs: string[] = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push((line?.translateToString(true) ?? '').trimEnd());
    let a = '';
    for (let x = 0; x < term.cols; x++) {
      const cell = line?.getCell(x);
      if (!cell) break;
      const flags = `${cell.isBold() ? 'B' : ''}${cell.isUnderline() ? 'U' : ''}${cell.isInverse() ? 'R' : ''}`;
      a += flags.length > 1 ? `[${flags}]` : flags || '.';
    }
    attrs.push(a.replace(/\.+$/, ''));
  }
  return { rows, attrs };
}

const writeTerm = (term: Terminal, data: string) => new Promise<void>((resolve) => term.write(data, resolve));

// --- the simulator ----------------------------------------------------------------------------

async function simulate(c: Case): Promise<Screen[]> {
  const cols = c.cols ?? 80;
  const rows = c.rows ?? 24;
  const term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  const session = createSession();
  for (const [name, content] of Object.entries({ ...FILES, ...c.files })) session.writeFile(name, content);
  const timers = new FakeTimers();
  const clock = createClock(session, timers.api);
  let pending = Promise.resolve();
  const driver = createTerminal(session, { write: (d) => (pending = pending.then(() => writeTerm(term, d))), cols: () => cols, rows: () => rows }, timers.api, { clock });
  const screens: Screen[] = [];
  for (const t of tokens(c.steps)) {
    if (t.kind === 'snap') {
      timers.tick(0);
      await pending;
      screens.push(readScreen(term));
    } else if (t.kind === 'wait') timers.tick(t.ms);
    else driver.input(t.kind === 'text' ? t.text : t.sim);
    await pending;
  }
  driver.dispose();
  return screens;
}

// --- the real programs, in tmux ---------------------------------------------------------------

const sleep = (ms: number) => execFileSync('sleep', [String(ms / 1000)]);

/** A UTS namespace needs privileges; without one the real watch names this machine, not `laptop`. */
const CAN_RENAME_HOST = (() => {
  try {
    execFileSync('unshare', ['-u', 'hostname', 'laptop'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const tmux = (...args: string[]) => execFileSync('tmux', ['-f', '/dev/null', ...args], { encoding: 'utf8' });

async function real(c: Case): Promise<Screen[]> {
  const cols = c.cols ?? 80;
  const rows = c.rows ?? 24;
  const dir = mkdtempSync(join(tmpdir(), 'berth-fullscreen-'));
  for (const [name, content] of Object.entries({ ...FILES, ...c.files })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const session = `berth${process.pid}`;
  // bash with the simulator's coloured prompt, in a UTS namespace of its own named `laptop` so
  // watch's header names the same machine as the simulator's.
  const launcher = join(tmpdir(), `berth-fullscreen-${process.pid}.sh`);
  writeFileSync(
    launcher,
    `${CAN_RENAME_HOST ? 'hostname laptop\n' : ''}cd ${dir}\nexec env -i HOME=${dir} PATH=/usr/local/bin:/usr/bin:/bin TERM=xterm-256color LANG=C.UTF-8 TZ=UTC LESSHISTFILE=- ` +
      `PS1='\\[\\e[01;32m\\]learner@laptop\\[\\e[00m\\]:\\[\\e[01;34m\\]\\w\\[\\e[00m\\]$ ' bash --norc --noprofile\n`,
  );
  const shell = CAN_RENAME_HOST ? `unshare -u sh ${launcher}` : `sh ${launcher}`;
  tmux('new-session', '-d', '-s', session, '-x', String(cols), '-y', String(rows), shell);
  const screens: Screen[] = [];
  try {
    sleep(300);
    for (const t of tokens(c.steps)) {
      if (t.kind === 'snap') {
        sleep(400);
        const captured = tmux('capture-pane', '-p', '-e', '-t', session).replace(/\n$/, '').split('\n');
        const term = new Terminal({ cols, rows, allowProposedApi: true });
        await writeTerm(term, captured.slice(0, rows).join('\r\n'));
        screens.push(readScreen(term));
      } else if (t.kind === 'wait') sleep(t.ms);
      else {
        if (t.kind === 'text') tmux('send-keys', '-t', session, '-l', t.text);
        else tmux('send-keys', '-t', session, t.tmux);
        sleep(120);
      }
    }
  } finally {
    tmux('kill-session', '-t', session);
    try {
      rmSync(launcher, { force: true });
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    } catch {
      // a program still writing there: the temporary directory stays behind
    }
  }
  return screens;
}

// --- comparing --------------------------------------------------------------------------------

function normalized(screen: Screen, rules: [RegExp, string][] = []): Screen {
  return { ...screen, rows: screen.rows.map((r) => rules.reduce((s, [re, to]) => s.replace(re, to), r)) };
}

function show(screen: Screen): string {
  return screen.rows.map((r, i) => `  ${String(i).padStart(2)}|${r}${screen.attrs[i] ? `   {${screen.attrs[i]}}` : ''}`).join('\n');
}

/** Each snap's rows that differ, both sides' text and attributes; under --all the snaps that agree in full. */
function judge(theirs: Screen[], mine: Screen[], c: Case, showAll: boolean): Verdict {
  const diffs: string[] = [];
  let agree = true;
  for (let i = 0; i < Math.max(mine.length, theirs.length); i++) {
    const a = mine[i] && normalized(mine[i], c.normalize);
    const b = theirs[i] && normalized(theirs[i], c.normalize);
    if (a && b && JSON.stringify(a) === JSON.stringify(b)) {
      if (showAll) diffs.push(`  snap ${i}: same\n${show(a)}`);
      continue;
    }
    agree = false;
    const rows = Math.max(a?.rows.length ?? 0, b?.rows.length ?? 0);
    const lines: string[] = [];
    for (let r = 0; r < rows; r++) {
      const same = a?.rows[r] === b?.rows[r] && a?.attrs[r] === b?.attrs[r];
      if (same) continue;
      lines.push(`  ${String(r).padStart(2)} sim |${a?.rows[r] ?? ''}|${a?.attrs[r] ? ` {${a.attrs[r]}}` : ''}`);
      lines.push(`     real|${b?.rows[r] ?? ''}|${b?.attrs[r] ? ` {${b.attrs[r]}}` : ''}`);
    }
    diffs.push(`  snap ${i}:\n${lines.join('\n')}`);
  }
  return { agree, detail: diffs.join('\n') };
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--real' || args[0] === '--sim') {
    const cases = CASES.filter((k) => k.name.includes(args.slice(1).join(' ')));
    if (!cases.length) throw new Error('no such case');
    const side = args[0] === '--real' ? real : simulate;
    for (const c of cases) (await side(c)).forEach((s, i) => console.log(`--- ${c.name}: snap ${i}\n${show(s)}`));
    return;
  }
  await compare({ cases: CASES, title: (c) => c.name, real, simulated: simulate, judge }, args);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
