// Whatever a learner types or pastes, the shell answers and stays usable.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { openScreen } from '../../helpers/screen';
import type { LineReport } from '../../helpers/line-worker';

const TOKENS = [
  'echo', 'ls', 'cd', 'cat', 'mkdir', 'rm', 'cp', 'mv', 'touch', 'grep', 'head', 'tail', 'wc', 'sort', 'tee', 'printf', 'export', 'env', 'history', 'sleep', 'date', 'nano', 'help', 'exit', 'true', 'false', 'pwd', 'unset', 'which', 'type',
  '-', '--', '-r', '-rf', '-l', '-a', '-n', '5', '--help', '--color=always', '-e', '-p', '%s', '%d',
  '|', '||', '&&', ';', '&', '>', '>>', '<', '2>', '2>&1', '&>', '<<EOF', '<<<', '(', ')', '{', '}', '!', '#',
  '"', "'", '\\', '`', '$', '$(', '${', '$?', '$HOME', '${X:-y}', '~', '*', '?', '[a-z]', '..', '.', '/', '/etc', '/tmp', 'a', 'b/c', '__proto__', 'constructor', '<script>', '\n', 'EOF', '\t',
  // bash's own language: arithmetic, functions, case, arrays, options, here-strings.
  '$((', '))', '((', '$((1/0))', '$((2**63))', 'i++', '1<<64', 'case', 'esac', 'in', ';;', ';&', ';;&', 'function', 'f()', 'f', 'local', 'return', 'shift', 'set', 'let',
  'declare', 'source', '-x', '-u', '-o', 'pipefail', 'a=(', 'a[1]=x', 'a+=(y)', '${a[@]}', '${#a[@]}', '${!a[@]}', '${a[-1]}', '"$@"', '$#', '$1', '${@:2}', 'for', 'do', 'done', '{1..5}', '[[', ']]', '=~', '==', '-eq', '(a|b)', '${BASH_REMATCH[1]}', '<(', '>(', 'time', 'eval', 'command', 'mapfile',
];

const line = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 12 }).map((parts) => parts.join(' '));

/** Lines of the shell language itself, well formed or nearly: arithmetic, functions, case, arrays, options. */
const number = fc.oneof(fc.integer({ min: -5, max: 70 }).map(String), fc.constantFrom('0x1f', '010', '2#101', '64#@', '9223372036854775807', '08', '1#1', 'x', 'a[1]', 'i'));
const arithmetic = fc
  .array(fc.tuple(number, fc.constantFrom('+', '-', '*', '/', '%', '**', '<<', '>>', '&', '|', '^', '&&', '||', '==', '<', ',', '=', '+=', '?', ':')), { minLength: 1, maxLength: 5 })
  .map((pairs) => pairs.map(([n, op]) => `${n}${op}`).join('') + '1');
const languageLine = fc.oneof(
  arithmetic.map((e) => `echo $((${e}))`),
  arithmetic.map((e) => `(( ${e} )); echo $?`),
  arithmetic.map((e) => `let "${e}"; echo $?`),
  arithmetic.map((e) => `for ((i=0; ${e} && i<5; i++)); do echo $i; done`),
  fc.tuple(fc.constantFrom('a', 'b*', '[0-9]', '"x y"', '*'), fc.constantFrom(';;', ';&', ';;&')).map(([p, end]) => `case $1 in ${p}) echo hit${end} *) echo default;; esac`),
  fc.constantFrom('f() { echo "$#:$1"; return 3; }; f a b; echo $?', 'f() { local x=$1; shift; echo $x "$@"; }; f 1 2 3', 'f() { f; }; f', 'g() { (( $1 > 0 )) && g $(( $1 - 1 )); echo $1; }; g 30', 'function h { declare -p FUNCNAME; }; h'),
  fc.constantFrom('a=(1 "2 3" x); a[9]=y; unset "a[1]"; echo ${#a[@]} ${!a[@]} "${a[@]}"', 'a+=(z); echo ${a[-1]} ${a[@]:1:2}', 'a[999999999]=big; echo ${!a[@]}', 'declare -a q=(1 2); declare -p q', 'echo ${a[@]^^} ${a[@]/1/one}'),
  fc.constantFrom('[[ -f /etc/hostname && $1 == a* ]]; echo $?', '[[ ver-1.2 =~ ([0-9]+)\\.([0-9]+) ]] && echo ${BASH_REMATCH[2]}', '[[ 1+1 -eq 2 || x < y ]]; echo $?', '[[ ! ( -z $HOME ) ]]', '[[ a =~ ( ]]; echo $?'),
  fc.constantFrom(
    'sleep 5 & jobs; kill %1',
    'sleep 1 & wait $!; echo $?',
    '(sleep 2; echo bg) & sleep 3',
    'yes & kill %%',
    'cat & fg',
    'wait -n; jobs -l',
    'sleep 1 | cat & jobs -l; wait',
    'bg; fg %2; kill -STOP %1; kill -CONT %1',
    'disown -a; jobs',
    'kill -l 9; kill -s HUP %1',
    'for i in 1 2 3; do sleep $i & done; wait -n; echo $?',
    'f() { sleep 1; echo "$1"; }; f x & f y',
  ),
  fc.constantFrom('set -x; echo "a b"; set +x', 'set -e; false; echo no', 'set -u; echo $nope', 'set -o pipefail; false | true; echo $?', 'set -- p q r; shift 2; echo $@', 'cat <<< "here $HOME"', 'printf "return 2\\n" > r.sh; . ./r.sh; echo $?'),
);

/**
 * Puts the shell back where `echo ok` answers ok: no options, no functions (a random line may
 * define `echo`), no jobs left to print or to be reported before the prompt.
 */
function resetShell(s: ReturnType<typeof createSession>) {
  const world = s.store.getState();
  s.store.setState({ ...world, shell: { ...world.shell, options: undefined, functions: undefined } }, true);
  s.run('kill -9 $(jobs -p) 2>/dev/null; wait');
  s.run('true');
  s.run('true');
}

describe('shell robustness (property)', () => {
  it('never throws on random lines and still answers echo ok', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 3, arbitrary: line }, languageLine), { minLength: 1, maxLength: 6 }), (lines) => {
        const s = createSession();
        for (const l of lines) {
          const r = s.run(l, { maxSimMs: 1000 });
          expect(typeof r.output).toBe('string');
          expect(Number.isInteger(r.exitCode)).toBe(true);
          expect(r.output).not.toMatch(/internal simulator error/);
        }
        resetShell(s);
        expect(s.run('echo ok')).toEqual({ output: 'ok\n', exitCode: 0 });
      }),
      { numRuns: 1500 },
    );
  }, 120_000);

  it('never throws on random keys and pastes in the terminal, and the prompt comes back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(line.map((l) => `${l}\r`), fc.constantFrom('\x03', '\x1a', '\t', '\t\t', '\x1b[A', '\x1b[D', '\x15', '\x0b', '\x17', '\x0c', '\x7f', '\x1b[3~', '\x04'), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 10 }),
        async (chunks) => {
          const screen = await openScreen();
          for (const chunk of chunks) {
            screen.driver.input(chunk);
            screen.timers.tick(2000);
            if (screen.driver.busy()) screen.driver.input('\x03');
            screen.timers.tick(2000);
          }
          // Leave whatever is still open the way a learner would: cancel a prompt, Ctrl-X out of
          // nano without saving, Ctrl-C anything else.
          for (let i = 0; i < 3 && screen.driver.busy(); i++) {
            for (const key of ['\x03', '\x18', 'n']) if (screen.driver.busy()) screen.driver.input(key);
            screen.timers.tick(100_000);
          }
          expect(screen.driver.busy()).toBe(false);
          screen.driver.input('\x03');
          // Random keys may have defined a function named echo, or turned on set -x.
          resetShell(screen.session);
          screen.driver.input('echo ok\r');
          const text = await screen.text();
          expect(text).not.toMatch(/terminal error|internal simulator error/);
          const [answer, prompt] = text.split('\n').slice(-2);
          expect(answer).toBe('ok');
          // A random `cd` may have moved the shell: the prompt is back, wherever it stands.
          expect(prompt).toMatch(/^learner@laptop:[^$]*\$$/);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});

// ---- Hostile lines, each in a child process held to a wall-clock limit ----

/** Talks to tests/unit/helpers/line-worker.ts: sends batches, fails a line that runs past `limitMs`. */
function lineWorker(limitMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/helpers/line-worker.ts'], { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting = new Map<number, { lines: string[]; reports: (LineReport | { thrown: string })[]; resolve: (r: (LineReport | { thrown: string })[]) => void; reject: (e: Error) => void }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  const fail = (error: Error) => {
    child.kill('SIGKILL');
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  createInterface({ input: child.stdout! }).on('line', (raw) => {
    const message = JSON.parse(raw) as { id: number; i?: number; start?: boolean; done?: boolean; report?: LineReport; thrown?: string };
    const w = waiting.get(message.id);
    if (!w) return;
    if (message.start) {
      const line = w.lines[message.i!];
      timer = setTimeout(() => fail(new Error(`still running after ${limitMs} ms: ${line.slice(0, 300)}`)), limitMs);
    } else if (message.done) {
      waiting.delete(message.id);
      w.resolve(w.reports);
    } else {
      clearTimeout(timer);
      w.reports.push(message.report ?? { thrown: message.thrown! });
    }
  });
  child.on('exit', (code, signal) => {
    clearTimeout(timer);
    if (waiting.size) fail(new Error(`line worker ended (${code ?? signal})`));
  });
  return {
    run(lines: string[]) {
      return new Promise<(LineReport | { thrown: string })[]>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { lines, reports: [], resolve, reject });
        child.stdin!.write(`${JSON.stringify({ id, lines })}\n`);
      });
    },
    close() {
      clearTimeout(timer);
      child.kill('SIGKILL');
    },
  };
}

const a = (n: number) => 'a'.repeat(n);
const loopBody = fc.constantFrom(':', 'echo $v', 'x=$(echo $v)', 'true | cat', 'y=$x$x', 'echo {1..3}');
/** Loops inside loops (for over ranges, while :), up to three deep. */
const nestedLoops = fc
  .array(fc.oneof(fc.integer({ min: 1, max: 999 }).map((n) => `for v in {1..${n}}; do`), fc.constant('while :; do')), { minLength: 1, maxLength: 3 })
  .chain((heads) => loopBody.map((body) => `x=ab; ${heads.join(' ')} ${body}; ${heads.map(() => 'done').join('; ')}`));
/** Brace expansions whose products run from a few words to more than memory holds. */
const braceProducts = fc
  .array(fc.oneof(fc.integer({ min: 1, max: 100_000_000 }).map((n) => `{1..${n}}`), fc.constant('{a,b,c}'), fc.constant('{x,{y,z}}')), { minLength: 1, maxLength: 4 })
  .map((parts) => `echo ${parts.join('')} | wc -c`);
/** Patterns that make backtracking engines take exponential time, over long lines. */
const regexAttacks = fc
  .tuple(fc.constantFrom('(a+)+$', '(a|aa)+$', '(a*)*b', '(.*a){20}$', 'a{1000}', '((a{100}){100}){100}', '(a*)*\\1', '^(a|a?)+$', '(a|b|ab)*c', '\\(a*\\)*\\1'), fc.integer({ min: 10, max: 20_000 }), fc.constantFrom('-E', '-cE', '-oE', '-c', '-xE'))
  .map(([pattern, n, flags]) => `echo ${a(n)}! | grep ${flags} '${pattern}'`);
/** Shell patterns with many stars, in ${...} and over a directory. */
const globAttacks = fc
  .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 10, max: 5000 }), fc.constantFrom('//', '/', '%%', '##', '%', '#'))
  .map(([k, n, op]) => {
    const pattern = `${'*a'.repeat(k)}*b`;
    return op.startsWith('/') ? `x=${a(n)}; y=\${x${op}${pattern}/X}; echo \${#y}` : `x=${a(n)}; y=\${x${op}${pattern}}; echo \${#y}`;
  });
/** Trees as deep as a path allows and deeper, then walked. */
const deepTrees = fc.integer({ min: 100, max: 5000 }).chain((n) =>
  fc.constantFrom(`mkdir -p $(printf 'a/%.0s' {1..${n}}); ls -R a | wc -l`, `cd /tmp && for i in {1..${n}}; do mkdir d || break; cd d; done; cd /tmp; ls -R d | wc -l`),
);
/** Durations, widths and other numbers past what the tools hold. */
const hugeNumbers = fc
  .tuple(fc.constantFrom('sleep', "printf '%{}d' 1", "printf '%.{}f' 1", "printf '%f' 1e{}", 'date -d @{}', 'curl -m {} http://localhost/'), fc.constantFrom('1e9d', 'inf', '99999999999999999', '2147483648', '999999999', '9'.repeat(40)))
  .map(([template, n]) => (template.includes('{}') ? template.replace('{}', n) : `${template} ${n}`));
/** bash's own language pushed past its limits: 64-bit edges, recursion, huge arrays and subscripts, endless arithmetic loops. */
const languageAttacks = fc.oneof(
  fc.constantFrom('$((2**63))', '$((1<<64))', '$((-2**63/-1))', '$(( -(-9223372036854775807-1) % -1 ))', '$((2**9999999999))', '$((0x7fffffffffffffff * 3))').map((e) => `echo ${e}`),
  fc.constantFrom('f(){ f; }; f', 'f(){ f | f; }; f', 'f(){ echo $(f); }; f', 'f(){ local a=$1$1; f $a; }; f x', 'f(){ f "$@" "$@"; }; f a', 'g(){ for i in 1 2; do g; done; }; g', 'f(){ (f); }; f'),
  fc.integer({ min: 1, max: 9 }).map((k) => `a[${'9'.repeat(k * 2)}]=x; echo \${!a[@]} \${#a[@]}`),
  fc.integer({ min: 10, max: 10_000_000 }).map((n) => `a=({1..${n}}); echo \${#a[@]}`),
  fc.integer({ min: 10, max: 100_000 }).map((n) => `a=({1..${n}}{a,b}); b=("\${a[@]}" "\${a[@]}"); echo \${#b[@]}`),
  fc.integer({ min: 1, max: 2000 }).map((n) => `x=x; for i in {1..${n}}; do printf -v v$i 'v%d' $((i+1)); done; echo $((x)) $((v1))`),
  fc.constantFrom('for ((;;)); do :; done', 'while ((1)); do a[i++]=x; done', 'i=0; until ((i<0)); do ((i++)); done', 'for ((i=0;;i++)); do a+=($i); done; echo ${#a[@]}'),
  fc.integer({ min: 1, max: 50_000 }).map((n) => `echo $((${'('.repeat(n)}1${')'.repeat(n)}))`),
  fc.integer({ min: 1, max: 50_000 }).map((n) => `x=${'1+'.repeat(n)}1; echo $((x))`),
  fc.integer({ min: 1, max: 5000 }).map((n) => `case x in ${Array.from({ length: n }, (_, i) => `p${i}|`).join('')}x) echo hit;; esac`),
  fc.integer({ min: 1, max: 5000 }).map((n) => `${'f(){ '.repeat(Math.min(n, 300))}:${'; }'.repeat(Math.min(n, 300))}; f`),
  // In a subshell: the worker checks the shell afterwards, which `set -x` left on would trace.
  fc.constantFrom('(set -x; for i in {1..100000}; do :; done)', '(set -u; for i in {1..3}; do echo $nope; done)', '(set -e; f(){ false; }; f)', '(set -o pipefail; yes | head -1)'),
  fc.constantFrom('cat <(yes) | head -1', 'f(){ cat <(f); }; f', 'wc -c <(seq 1000000)', 'eval "$(printf \'eval \\"%.0s\' {1..200})"', 'mapfile -t a < <(seq 200000); echo ${#a[@]}', 'time while :; do :; done'),
  fc.integer({ min: 1, max: 3000 }).map((n) => `[[ ${'( '.repeat(n)}a${' )'.repeat(n)} ]]; echo $?`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `x=$(printf 'a%.0s' {1..${n}}); [[ $x! =~ (a+)+$ ]]; echo $? \${#BASH_REMATCH[1]}`),
);

/** Redirections and operators where a loop's words stand (the parser used to loop there). */
const parserAttacks = fc
  .array(fc.constantFrom('a', '*', '>', '<', '2>', '&>', '<<<', '|', '(', ')', ';', '$(', '`', '"', "'", '${', '}', '>out.txt'), { maxLength: 8 })
  .map((words) => `for f in ${words.join(' ')}; do echo $f; done`);

describe('hostile lines end, each within a wall-clock limit, with a result and never a JavaScript error (property)', () => {
  it('nested loops, brace products, regex and glob attacks, deep trees, huge numbers, broken loops, the language pushed past its limits', async () => {
    const worker = lineWorker(10_000);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof({ weight: 2, arbitrary: nestedLoops }, braceProducts, { weight: 2, arbitrary: regexAttacks }, { weight: 2, arbitrary: globAttacks }, deepTrees, hugeNumbers, parserAttacks, { weight: 2, arbitrary: languageAttacks }), { minLength: 1, maxLength: 2 }),
          async (lines) => {
            const reports = await worker.run(lines);
            reports.forEach((report, i) => {
              expect({ line: lines[i], ...('thrown' in report ? { thrown: report.thrown } : { suspicious: report.suspicious }) }).toEqual({ line: lines[i], suspicious: [] });
              if ('exitCode' in report) expect(Number.isInteger(report.exitCode)).toBe(true);
            });
          },
        ),
        // About 25 lines keep this under half a minute; ROBUSTNESS_RUNS asks for a longer hunt.
        { numRuns: Number(process.env.ROBUSTNESS_RUNS ?? 25) },
      );
    } finally {
      worker.close();
    }
  }, 300_000);
});
