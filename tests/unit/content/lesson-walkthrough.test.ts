// A learner who follows a chapter top to bottom never meets an error the chapter did not mean to
// show: every `bash` code block of every lesson runs, in order, in the lesson's own terminal
// scenario. Blocks marked ```bash fails must fail (the chapter shows that error on purpose).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, stripAnsi } from '../../../simulators';

const LESSONS = path.join(__dirname, '../../../content/lessons');

/** What a learner does where a lesson asks for typing the test cannot script literally. */
const STAND_INS: Record<string, { line: string; input?: string[] }> = {
  'nano app.py': { line: "echo '# edited by the learner' >> app.py" },
  'docker login registry.example.com': { line: 'docker login registry.example.com', input: ['learner\r', 'secret\r'] },
};

interface Block {
  fails: boolean;
  lines: string[];
}

function blocks(source: string): Block[] {
  return [...source.matchAll(/```bash([^\n]*)\n([\s\S]*?)```/g)].map((m) => ({
    fails: /\bfails\b/.test(m[1]),
    lines: m[2].split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')),
  }));
}

for (const file of readdirSync(LESSONS).filter((f) => f.endsWith('.mdx'))) {
  describe(`lesson ${file}`, () => {
    const source = readFileSync(path.join(LESSONS, file), 'utf8');
    const scenario = /<Terminal[^>]*scenario="([^"]+)"/.exec(source)?.[1] ?? 'laptop';
    it(`runs every command in scenario "${scenario}" as the chapter intends`, () => {
      const session = createSession({ scenario });
      const log: string[] = [];
      for (const block of blocks(source)) {
        const results = block.lines.map((typed) => {
          const step = STAND_INS[typed] ?? { line: typed };
          // A learner reads between commands: let a little time pass, as it would.
          session.advance(3000);
          const result = session.run(step.line, { input: step.input ?? [], maxSimMs: 2000 });
          log.push(`$ ${typed}\n${stripAnsi(result.output)}[exit ${result.exitCode}]`);
          return result;
        });
        const failed = results.some((r) => r.exitCode !== 0);
        expect(failed, `${block.fails ? 'expected a failure in' : 'unexpected failure in'}:\n${log.slice(-block.lines.length).join('\n')}`).toBe(block.fails);
        for (const r of results) expect(r.output).not.toMatch(/internal simulator error|not simulated in this terminal/);
      }
    });
  });
}
