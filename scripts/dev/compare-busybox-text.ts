// Runs BusyBox's sed and awk both in the simulator (inside a busybox:latest container) and for real
// (this machine's busybox, its applets first in PATH) and prints where they differ: output (stdout
// and stderr together, as `2>&1` merges them) and exit status. The cases are data: add one to CASES
// to check one more thing; `files` are made in the case's own directory on both sides first.
//
//   npx tsx scripts/dev/compare-busybox-text.ts          every case
//   npx tsx scripts/dev/compare-busybox-text.ts awk      only lines containing one of the words
//   npx tsx scripts/dev/compare-busybox-text.ts --all    also print the cases that agree
//
// The loop and the report are ./compare/runner.ts's, as for every compare-* script.
//
// Needs busybox (`apt-get install -y busybox`). Debian 12 has BusyBox 1.35.0 (glibc), the images
// 1.37.0: the usage banner is set aside, and where 1.36 or 1.37 changed an applet's code the case
// says so (`known`), with what 1.37.0's source (editors/sed.c, editors/awk.c) does instead. Debian
// also builds awk without its math functions (FEATURE_AWK_LIBM), which the images have.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../../simulators';
import { compare, type KnownCase } from './compare/runner';

interface Case extends KnownCase {
  line: string;
  /** Files made in the case's directory first: name -> content. */
  files?: Record<string, string>;
}

const LINES = { 'in.txt': 'alpha 1\nbeta 2\ngamma 3\ndelta 4\n', 'nonl.txt': 'one\ntwo', 'two.txt': 'x\ny\n' };

const SED_135 = 'BusyBox 1.36 unescapes an escaped delimiter in s (`s+9\\++X+` looks for 9+); 1.35 here leaves the backslash';
const SED_W_135 = 'BusyBox 1.36 opens a file named by several w commands once (sed_xfopen_w), so each writes its lines; 1.35 here opens it anew for each, and the last one wins';
const NO_LIBM = "Debian's busybox awk is built without math (FEATURE_AWK_LIBM): it refuses ^, ** and the math functions, which the images' awk has";

const CASES: Case[] = [
  // sed: usage and options
  { line: 'sed' },
  { line: 'sed --help' },
  { line: 'sed --help x' },
  { line: 'sed --version' },
  { line: 'sed -x p' },
  { line: 'sed --foo p' },
  { line: 'sed --quiet=1 p' },
  { line: 'sed -e' },
  { line: 'sed --expression' },
  { line: 'sed -i' },
  { line: 'sed -i p' },
  { line: 'sed -n', files: LINES },
  { line: 'sed -n p in.txt', files: LINES },
  { line: 'sed --quiet p in.txt', files: LINES },
  { line: 'sed --qu p in.txt', files: LINES },
  { line: 'sed --silent -e 2p in.txt', files: LINES },
  { line: 'sed -e 1p -e 2p -n in.txt', files: LINES },
  { line: 'sed -f script in.txt', files: { ...LINES, script: 's/a/A/g\n2d\n' } },
  { line: 'sed -e 1d -f script in.txt', files: { ...LINES, script: 's/a/A/g\n' } },
  { line: 'sed -f script -e 1d in.txt', files: { ...LINES, script: '$p\n' } },
  { line: 'sed -f nosuch in.txt', files: LINES },
  { line: 'sed -E "s/(a+)/<\\1>/g" in.txt', files: LINES },
  { line: 'sed -r "s/l+/L/" in.txt', files: LINES },
  // sed: substitutions
  { line: 'sed s/a/X/ in.txt', files: LINES },
  { line: 'sed s/a/X/g in.txt', files: LINES },
  { line: 'sed s/a/X/2 in.txt', files: LINES },
  { line: 'sed s/a/X/2g in.txt', files: LINES },
  { line: 'sed s/a/X/0 in.txt', files: LINES },
  { line: 'sed -n s/a/X/p in.txt', files: LINES },
  { line: 'sed -n s/A/X/Ip in.txt', files: LINES },
  { line: 'sed "s/a*/-/g" in.txt', files: LINES },
  { line: 'sed "s/b*/-/2" in.txt', files: LINES },
  { line: 'sed "s/^/> /" in.txt', files: LINES },
  { line: 'sed "s/$/;/" in.txt', files: LINES },
  { line: 'sed "s/\\([a-z]*\\) \\([0-9]\\)/\\2 \\1/" in.txt', files: LINES },
  { line: 'sed "s/[aeiou]/&&/g" in.txt', files: LINES },
  { line: 'sed "s/a/\\&/g" in.txt', files: LINES },
  { line: 'sed "s/ /\\n/" in.txt', files: LINES },
  { line: 'sed "s/a/\\t/" in.txt', files: LINES },
  { line: 'sed "s|a|/|g" in.txt', files: LINES },
  { line: 'sed "s,a\\,b,X," in.txt', files: LINES },
  { line: 'echo 9+9 | sed "s+9\\++X+"', known: SED_135 },
  { line: 'echo 789 | sed "s&8&\\&&"' },
  { line: 'sed "s/[/]/X/" in.txt', files: LINES },
  { line: 'sed "s/a/\\U&/" in.txt', files: LINES },
  { line: 'sed "s/a/b/;s//c/" in.txt', files: LINES },
  { line: 'sed "s/x/y/w out" in.txt; cat out', files: LINES },
  { line: 'sed -n "s/a/A/gpw out" in.txt; cat out', files: LINES },
  { line: 'sed "s/a/b/ ; s/l/L/" in.txt', files: LINES },
  { line: 'sed "s/a/b/#comment" in.txt', files: LINES },
  // sed: addresses
  { line: 'sed -n 2p in.txt', files: LINES },
  { line: 'sed -n "\\$p" in.txt', files: LINES },
  { line: 'sed -n 2,3p in.txt', files: LINES },
  { line: 'sed -n 3,1p in.txt', files: LINES },
  { line: 'sed -n 2,+1p in.txt', files: LINES },
  { line: 'sed -n "/beta/,/gamma/p" in.txt', files: LINES },
  { line: 'sed -n "/beta/,\\$p" in.txt', files: LINES },
  { line: 'sed -n "/alpha/,2p" in.txt', files: LINES },
  { line: 'sed -n "\\%beta%p" in.txt', files: LINES },
  { line: 'sed "2!d" in.txt', files: LINES },
  { line: 'sed "/a/ !d" in.txt', files: LINES },
  { line: 'sed -n "1 p" in.txt', files: LINES },
  { line: 'sed 0p in.txt', files: LINES },
  { line: 'sed -n "1~2p" in.txt', files: LINES },
  { line: 'sed "0,/a/d" in.txt', files: LINES },
  { line: 'sed -n "/A/Ip" in.txt', files: LINES },
  { line: 'sed -n "/a/ ,/b/p" in.txt', files: LINES },
  { line: 'sed -n "2,~2p" in.txt', files: LINES },
  { line: 'sed -n "//p" in.txt', files: LINES },
  { line: 'sed -n "/beta/{p;p}" in.txt', files: LINES },
  { line: 'sed -n "/beta/{p" in.txt', files: LINES },
  { line: 'sed -n "/zzz/{p" in.txt', files: LINES },
  { line: 'sed -n "p}" in.txt', files: LINES },
  { line: 'sed "2,3{s/a/X/;s/t/T/}" in.txt', files: LINES },
  // sed: commands
  { line: 'sed 2d in.txt', files: LINES },
  { line: 'sed 2q in.txt', files: LINES },
  { line: 'sed q5 in.txt', files: LINES },
  { line: 'sed "2i\\\\\ninserted" in.txt', files: LINES },
  { line: 'sed "2a appended" in.txt', files: LINES },
  { line: 'sed "2a\\\\" in.txt', files: LINES },
  { line: 'sed "2,3a x" in.txt', files: LINES },
  { line: 'sed "2,3c changed" in.txt', files: LINES },
  { line: 'sed "2c\\\\   changed" in.txt', files: LINES },
  { line: 'sed "1i\\\\" -e "  lead" in.txt', files: LINES },
  { line: 'sed -e "1a\\\\" -e "two\\\\" -e "lines" in.txt', files: LINES },
  { line: 'sed "a x" nonl.txt', files: LINES },
  { line: 'sed = in.txt', files: LINES },
  { line: 'sed -n "\\$=" in.txt', files: LINES },
  { line: 'sed "y/abc/xyz/" in.txt', files: LINES },
  { line: 'sed "y/abc/xy/" in.txt', files: LINES },
  { line: 'sed -n "h;n;G;p" in.txt', files: LINES },
  { line: 'sed "1!G;h;\\$!d" in.txt', files: LINES },
  { line: 'sed "N;P;D" in.txt', files: LINES },
  { line: 'sed "\\$!N;s/\\n/ /" in.txt', files: LINES },
  { line: 'sed ":a;N;\\$!ba;s/\\n/,/g" in.txt', files: LINES },
  { line: 'sed -e :a -e "s/a/X/;ta" in.txt', files: LINES },
  { line: 'sed "s/a/X/;T;s/\\$/!/" in.txt', files: LINES },
  { line: 'sed "b end;s/a/X/;:end" in.txt', files: LINES },
  { line: 'sed "b;s/a/X/" in.txt', files: LINES },
  { line: 'sed "b nowhere" in.txt', files: LINES },
  { line: 'sed "/zzz/b nowhere" in.txt', files: LINES },
  { line: 'sed n in.txt', files: LINES },
  { line: 'sed -n n\\;p in.txt', files: LINES },
  { line: 'sed "x" in.txt', files: LINES },
  { line: 'sed "g" in.txt', files: LINES },
  { line: 'sed -n l in.txt', files: LINES },
  { line: 'sed pd in.txt', files: LINES },
  { line: 'sed "p;p" nonl.txt', files: LINES },
  { line: 'sed p nonl.txt two.txt', files: LINES },
  { line: 'sed -n "\\$p" nonl.txt two.txt', files: LINES },
  { line: 'sed -n "\\$p" two.txt nonl.txt', files: LINES },
  { line: 'sed "1r two.txt" in.txt', files: LINES },
  { line: 'sed "r nonl.txt" two.txt', files: LINES },
  { line: 'sed "r nosuch" two.txt', files: LINES },
  { line: 'sed "2,3r two.txt" in.txt', files: LINES },
  { line: 'sed -n "/a/w out" in.txt; cat out', files: LINES },
  { line: 'sed -n "/a/w out\n/e/w out" in.txt; cat out', files: LINES, known: SED_W_135 },
  { line: 'sed "w /nonexistent/out" in.txt', files: LINES },
  { line: 'sed "#n\np" in.txt', files: LINES },
  { line: 'sed "  # just a comment" in.txt', files: LINES },
  { line: 'sed = nonl.txt two.txt', files: LINES },
  { line: 'printf "a\\0b\\0" | sed s/./X/ | tr "\\000" @' },
  // sed: input files
  { line: 'sed p nosuch', files: LINES },
  { line: 'sed -n p nosuch two.txt', files: LINES },
  { line: 'sed -n p two.txt nosuch; echo $?', files: LINES },
  { line: 'sed p .', files: LINES },
  { line: 'echo from-stdin | sed = two.txt - two.txt', files: LINES },
  { line: 'echo from-stdin | sed p' },
  // sed: in place
  { line: 'sed -i s/a/X/ in.txt; cat in.txt', files: LINES },
  { line: 'sed -i.bak s/a/X/ in.txt; cat in.txt in.txt.bak', files: LINES },
  { line: 'sed --in-place=.orig 1d in.txt; cat in.txt.orig | wc -l', files: LINES },
  { line: 'sed -i = two.txt nonl.txt; cat two.txt nonl.txt', files: LINES },
  { line: 'sed -i 1d nosuch two.txt; echo $?; cat two.txt', files: LINES },
  { line: 'sed -n -i 1p two.txt nonl.txt; cat two.txt nonl.txt', files: LINES },
  { line: 'sed -i -e "\\$a end" two.txt; cat two.txt', files: LINES },
  // sed: refusals
  { line: 'sed "s/a/b" in.txt', files: LINES },
  { line: 'sed "s/a" in.txt', files: LINES },
  { line: 'sed s in.txt', files: LINES },
  { line: 'sed "/abc" in.txt', files: LINES },
  { line: 'sed "s/a/b/x" in.txt', files: LINES },
  { line: 'sed "s/a/b/m" in.txt', files: LINES },
  { line: 'sed "s/a/b/e" in.txt', files: LINES },
  { line: 'sed k in.txt', files: LINES },
  { line: 'sed "1,3" in.txt', files: LINES },
  { line: 'sed "1," in.txt', files: LINES },
  { line: 'sed "1,p" in.txt', files: LINES },
  { line: 'sed "1,2i x" in.txt', files: LINES },
  { line: 'sed "1,2r two.txt" in.txt', files: LINES },
  { line: 'sed r in.txt', files: LINES },
  { line: 'sed "s/x/y/w" in.txt', files: LINES },
  { line: 'sed "s/\\(/x/" in.txt', files: LINES },
  { line: 'sed "s/[a/x/" in.txt', files: LINES },
  { line: 'sed -E "s/a{1/x/" in.txt', files: LINES },
  { line: 'sed "s/a\\{1/x/" in.txt', files: LINES },
  { line: 'sed -E "s/(a/x/" in.txt', files: LINES },
  { line: 'sed -E "s/a)/x/" in.txt', files: LINES },
  { line: 'sed "s/[[:foo:]]/x/" in.txt', files: LINES },
  { line: 'sed -n "/[:alpha:]/p" in.txt', files: LINES },
  { line: 'sed "s/x/y/;k" in.txt', files: LINES },
  { line: 'sed F in.txt', files: LINES },
  { line: 'sed z in.txt', files: LINES },
  { line: 'sed "v 4.2" in.txt', files: LINES },
  { line: 'sed e in.txt', files: LINES },
  { line: 'sed "" in.txt', files: LINES },
  { line: 'sed -n "2{p;q}" in.txt; echo $?', files: LINES },
];

// ---------------------------------------------------------------------------------------------
// The real side: each case in its own directory, BusyBox's applets first in PATH.

function runReal(c: Case, dir: string, bin: string): { output: string; exitCode: number } {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(c.files ?? {})) writeFileSync(join(dir, name), content);
  const r = spawnSync('bash', ['-c', `export PATH=${bin}:$PATH; { ${c.line}; } 2>&1`], { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, timeout: 30_000 });
  return { output: r.stdout, exitCode: r.status ?? -1 };
}

// ---------------------------------------------------------------------------------------------
// The simulated side: one busybox container, each case in its own directory inside it.

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function simulator() {
  const s = createSession();
  for (const line of ['docker pull -q busybox', 'docker run -d --name box busybox sleep infinity']) {
    const r = s.run(line);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.output}`);
  }
  let n = 0;
  return (c: Case) => {
    const dir = `/cases/${++n}`;
    const make = [`mkdir -p ${dir}`, ...Object.entries(c.files ?? {}).map(([name, content]) => `printf %s ${quote(content)} > ${dir}/${name}`)].join(' && ');
    const made = s.run(`docker exec box sh -c ${quote(make)}`);
    if (made.exitCode !== 0) throw new Error(`making the files of ${c.line}: ${made.output}`);
    return s.run(`docker exec box sh -c ${quote(`cd ${dir} && { ${c.line}; } 2>&1`)}`, { maxSimMs: 60_000 });
  };
}

// ---------------------------------------------------------------------------------------------

/** BusyBox's banner names the build: set aside. */
const normalize = (text: string) => text.replace(/^BusyBox v\S+ \([^)]*\) multi-call binary\./gm, 'BusyBox (build) multi-call binary.');

const root = mkdtempSync(join(tmpdir(), 'berth-busybox-text-'));
const bin = join(root, 'bin');
mkdirSync(bin);
const busybox = execFileSync('which', ['busybox'], { encoding: 'utf8' }).trim();
for (const applet of ['sed', 'awk']) symlinkSync(busybox, join(bin, applet));
const sim = simulator();
let n = 0;
try {
  await compare({
    cases: CASES,
    title: (c) => c.line,
    real: (c) => runReal(c, join(root, `case-${++n}`), bin),
    simulated: sim,
    normalize,
    layout: 'lines',
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}
