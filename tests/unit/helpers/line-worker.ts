// A child process for robustness tests: reads batches of command lines (one JSON object a line on
// stdin), runs each in a fresh session, and reports when a line starts and how it ended, so the
// parent can hold every line to a wall-clock limit and kill this process if one never ends.
// Run with `node --import tsx tests/unit/helpers/line-worker.ts`.
import { createInterface } from 'node:readline';
import { createSession } from '../../../simulators';

export interface LineReport {
  exitCode: number;
  length: number;
  /** The output's start and end, enough to show what went wrong. */
  head: string;
  tail: string;
  /** Things a learner must never see: a JavaScript error's words, an internal error, NaN. */
  suspicious: string[];
}

const JS_WORDS = /internal simulator error|RangeError|TypeError|ReferenceError|SyntaxError: |Maximum call stack|Invalid string length|Invalid array length|\bNaN\b|undefined is not|is not a function|Cannot read propert/;

const send = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);

const rl = createInterface({ input: process.stdin });
rl.on('line', (raw) => {
  const { id, lines } = JSON.parse(raw) as { id: number; lines: string[] };
  lines.forEach((line, i) => {
    send({ id, i, start: true });
    try {
      const s = createSession();
      const r = s.run(line, { maxSimMs: 2000 });
      // After the line, the machine answers and its clock prints as a date.
      const after = s.run('date; echo ok');
      const suspicious = [r.output, after.output].flatMap((text) => JS_WORDS.exec(text)?.[0] ?? []);
      if (!/^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4}\nok\n$/.test(after.output)) suspicious.push(`after: ${after.output.slice(0, 200)}`);
      const report: LineReport = { exitCode: r.exitCode, length: r.output.length, head: r.output.slice(0, 300), tail: r.output.slice(-300), suspicious };
      send({ id, i, report });
    } catch (e) {
      send({ id, i, thrown: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
  send({ id, done: true });
});
