// Golden transcripts: a learner's session, command by command, as the terminal shows it. The file
// next to each test is the reviewed expectation; UPDATE_GOLDEN=1 rewrites it after a deliberate change.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createSession, stripAnsi, type SessionOptions } from '../../../../../simulators';

export interface Step {
  line: string;
  input?: string[];
  maxSimMs?: number;
  /** Simulated time the learner spends before typing this line. */
  after?: number;
}

export function transcript(steps: (string | Step)[], options: SessionOptions = {}): string {
  const session = createSession(options);
  return steps
    .map((s) => (typeof s === 'string' ? { line: s } : s))
    .map((step) => {
      if (step.after) session.advance(step.after);
      const r = session.run(step.line, { input: step.input ?? [], maxSimMs: step.maxSimMs });
      return `$ ${step.line}\n${stripAnsi(r.output)}[exit ${r.exitCode}]\n`;
    })
    .join('\n');
}

export function expectGolden(file: string, actual: string) {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`missing golden file ${file}: run with UPDATE_GOLDEN=1 once, then review it`);
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
