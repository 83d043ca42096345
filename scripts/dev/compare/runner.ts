// The loop every scripts/dev/compare-*.ts harness runs: each case through this machine's real tools
// and through the simulator, the two results set side by side, the cases that differ printed, then
// the totals. A harness keeps its cases as data and what is truly its own (how its real side runs,
// what it sets aside as noise); it hands them here:
//
//   await compare({
//     cases: CASES,                            // a case may say `known: 'why'`: reported, not counted
//     title: (c) => c.line,                    // names the case; the command line's words search it
//     real: (c) => inScratch(FILES, (dir, env) => spawnOutcome(['bash', '-c', c.line], { cwd: dir, env })),
//     simulated: (c) => simulate(FILES, [c.line]),
//   });
//
// `real` and `simulated` give an Outcome (output, stdout and stderr together as a terminal shows
// them, and exit status) and may be async; `normalize` rewrites both outputs before comparing
// (times, addresses), `layout: 'lines'` shows long outputs as indented lines rather than one JSON
// string, `searched` names what the words search when it is not the title. A harness whose
// results are not text (the full-screen one's screens) gives its own `judge`. The scratch
// directories, clean environment and fresh sessions most real and simulated sides need are in
// ./real.ts and ./simulated.ts.
//
// Command line, the same for every harness: `--all` also prints the cases that agree; any other
// word keeps only the cases whose title contains one of the words. The report is one line per case
// printed (SAME, DIFF, or KNOWN with its reason), what differs below it, and the totals; the
// process exits with 1 when a case differs for no known reason.

export interface Outcome {
  output: string;
  exitCode: number;
}

export interface KnownCase {
  /** Why a known difference is accepted (printed with it, not counted as a failure). */
  known?: string;
}

export interface Verdict {
  agree: boolean;
  /** Printed below the case's line: what differs, or (under --all) what agreed; none for nothing. */
  detail?: string;
}

export interface Harness<C extends KnownCase, R = Outcome> {
  cases: readonly C[];
  /** How a case is named in the report. */
  title(c: C): string;
  /** The text the command line's words are looked for in (the title when not given). */
  searched?(c: C): string;
  real(c: C): R | Promise<R>;
  simulated(c: C): R | Promise<R>;
  /** For outcomes: rewrites both sides' output before they are compared and shown. */
  normalize?(output: string, c: C): string;
  /** For outcomes: one JSON string per side (the default: every blank and newline visible) or indented lines. */
  layout?: 'json' | 'lines';
  /** Sets the two results side by side (outcomes are compared by output and exit status when not given). */
  judge?(real: R, simulated: R, c: C, showAll: boolean): Verdict;
}

export interface Totals {
  same: number;
  differ: number;
  known: number;
}

/** What the command line asks: every case printed, and the words that choose cases. */
export function options(args: readonly string[]) {
  return { showAll: args.includes('--all'), words: args.filter((a) => a !== '--all') };
}

/** Runs the chosen cases, prints the report and sets the process's exit status. */
export async function compare<C extends KnownCase, R = Outcome>(harness: Harness<C, R>, args: readonly string[] = process.argv.slice(2)): Promise<Totals> {
  const { showAll, words } = options(args);
  const searched = harness.searched ?? harness.title;
  const judge = harness.judge ?? ((real: R, sim: R, c: C) => judgeOutcomes(real as Outcome, sim as Outcome, c, harness as unknown as Harness<C>));
  const totals: Totals = { same: 0, differ: 0, known: 0 };
  for (const c of harness.cases) {
    if (words.length && !words.some((w) => searched(c).includes(w))) continue;
    const real = await harness.real(c);
    const sim = await harness.simulated(c);
    const { agree, detail } = judge(real, sim, c, showAll);
    if (agree) totals.same++;
    else if (c.known) totals.known++;
    else totals.differ++;
    if (agree && !showAll) continue;
    console.log(`${agree ? 'SAME' : c.known ? 'KNOWN' : 'DIFF'}  ${harness.title(c)}${c.known ? `   (${c.known})` : ''}`);
    if (detail) console.log(detail);
  }
  console.log(`\n${totals.same} same, ${totals.differ} different, ${totals.known} known differences`);
  if (totals.differ) process.exitCode = 1;
  return totals;
}

function judgeOutcomes<C extends KnownCase>(real: Outcome, sim: Outcome, c: C, harness: Harness<C>): Verdict {
  const normalize = (text: string) => (harness.normalize ? harness.normalize(text, c) : text);
  const [a, b] = [normalize(real.output), normalize(sim.output)];
  if (a === b && real.exitCode === sim.exitCode) return { agree: true };
  const show = harness.layout === 'lines' ? (text: string) => `\n${text.replace(/^/gm, '    | ')}` : (text: string) => ` ${JSON.stringify(text)}`;
  return { agree: false, detail: `  real (exit ${real.exitCode}):${show(a)}\n  sim  (exit ${sim.exitCode}):${show(b)}` };
}
