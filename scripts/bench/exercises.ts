// Exercise figures: how long evaluating every check of an exercise takes once the record holds 200
// commands, and how big a learner's saved progress is after chapters 1 to 5 (every lesson's
// commands and every exercise's solution, each machine as the browser keeps it).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createSession, evaluate, stripAnsi, type Session } from '../../simulators';
import { exercises } from '../../content/exercises';

export interface ExerciseFigures {
  /** The slowest exercise's median time to evaluate all its checks. */
  evaluateMs: number;
  slowest: string;
  recordCommands: number;
  savedKb: number;
  machines: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The everyday commands a learner types between steps. */
const FILLER = ['ls', 'pwd', 'docker ps', 'docker images', 'echo hello', 'docker ps -a', 'cat /etc/hostname', 'whoami'];

function lessonLines(source: string): string[] {
  return [...source.matchAll(/```bash[^\n]*\n([\s\S]*?)```/g)].flatMap((m) =>
    m[1]
      .split('\n')
      .map((l) => l.trim())
      // nano waits for keys; the walkthrough test stands in for it, the size hardly changes.
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('nano ')),
  );
}

/** A terminal's machine as mount.ts saves it: the world, and the screen (here, the transcript). */
function savedEntry(session: Session, transcript: string): number {
  const lines = transcript.split('\n').slice(-1000).join('\r\n');
  return JSON.stringify({ version: 1, world: session.save(), screen: lines, savedAt: Date.now() }).length;
}

function drive(session: Session, lines: readonly string[]): string {
  let transcript = '';
  for (const line of lines) {
    session.advance(3_000);
    const r = session.run(line, { maxSimMs: 2_000, input: [] });
    transcript += `learner@laptop:~$ ${line}\n${r.output}`;
  }
  return transcript;
}

export function benchExercises(): ExerciseFigures {
  let evaluateMs = 0;
  let slowest = '';
  let recordCommands = 0;
  for (const exercise of exercises) {
    const session = createSession({ scenario: exercise.scenario });
    drive(session, exercise.solution);
    for (let i = 0; session.snapshot().record.commands.length < 200 && i < 400; i++) session.run(FILLER[i % FILLER.length]);
    recordCommands = session.snapshot().record.commands.length;
    for (let i = 0; i < 20; i++) evaluate(exercise.checks, session);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      evaluate(exercise.checks, session);
      times.push(performance.now() - start);
    }
    const ms = median(times);
    if (ms > evaluateMs) [evaluateMs, slowest] = [ms, exercise.id];
  }

  // Saved progress: one machine per lesson terminal and per exercise, and the ticks.
  const dir = path.join(process.cwd(), 'content', 'lessons');
  let bytes = 0;
  let machines = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    const scenario = /<Terminal[^>]*scenario="([^"]+)"/.exec(source)?.[1] ?? 'laptop';
    const session = createSession({ scenario });
    bytes += savedEntry(session, stripAnsi(drive(session, lessonLines(source))));
    machines++;
  }
  const progress: Record<string, { checks: string[]; quizzes: Record<string, number> }> = {};
  for (const exercise of exercises) {
    const session = createSession({ scenario: exercise.scenario });
    bytes += savedEntry(session, stripAnsi(drive(session, exercise.solution)));
    machines++;
    progress[exercise.id] = { checks: evaluate(exercise.checks, session).filter((r) => r.passed).map((r) => r.id), quizzes: { q: 0 } };
  }
  bytes += JSON.stringify({ version: 1, exercises: progress }).length;
  return { evaluateMs, slowest, recordCommands, savedKb: bytes / 1024, machines };
}
