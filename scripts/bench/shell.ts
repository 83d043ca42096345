// Shell speed and memory: 10,000 commands of the everyday kind, timed one by one.
import { createSession } from '../../simulators';

const SCRIPT = [
  'echo hello world',
  'mkdir -p projects/demo',
  'cd projects/demo',
  'echo "print(1)" > app.py',
  'cat app.py',
  'ls -la',
  'ls | wc -l',
  'grep -n print app.py',
  'printf "%s\\n" c b a | sort',
  'echo $HOME $USER $?',
  'head -n 3 /etc/os-release',
  'cd ~',
  'pwd',
  'history 5',
  'date +%T',
  'cat /etc/passwd | grep learner | wc -c',
  'touch a b c && rm a b c',
  'export GREETING=hi; echo $GREETING',
  'uname -r',
  'ps',
];

export interface ShellFigures {
  commands: number;
  medianMs: number;
  p99Ms: number;
  heapGrowthKb: number;
  /** Growth over a second, identical round: near zero when nothing accumulates. */
  secondRoundGrowthKb: number;
  historyLength: number;
  worldJsonKb: number;
  /** What save() writes (compact JSON), the form kept in storage. */
  savedKb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

export function benchShell(count = 10_000): ShellFigures {
  const session = createSession();
  // Warm up the JIT so the figures describe steady use, not the first second.
  for (let i = 0; i < 500; i++) session.run(SCRIPT[i % SCRIPT.length]);
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const line = SCRIPT[i % SCRIPT.length];
    const started = performance.now();
    session.run(line);
    times.push(performance.now() - started);
  }
  gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i++) session.run(SCRIPT[i % SCRIPT.length]);
  gc?.();
  const heapAfterSecond = process.memoryUsage().heapUsed;
  times.sort((a, b) => a - b);
  return {
    commands: count,
    medianMs: times[Math.floor(count / 2)],
    p99Ms: times[Math.floor(count * 0.99)],
    heapGrowthKb: (heapAfter - heapBefore) / 1024,
    secondRoundGrowthKb: (heapAfterSecond - heapAfter) / 1024,
    historyLength: session.store.getState().shell.history.length,
    worldJsonKb: JSON.stringify(session.snapshot()).length / 1024,
    savedKb: session.save().length / 1024,
  };
}
