// A learner who follows a chapter top to bottom sees exactly what the chapter promises: every `bash`
// code block of every lesson runs, in order, in the lesson's own terminal scenario, and the whole
// transcript (each command, its complete output with ANSI stripped, its exit code) must equal the
// reviewed golden file golden/<lesson>.txt. UPDATE_GOLDEN=1 rewrites them after a deliberate change.
// Blocks marked ```bash fails must fail (the chapter shows that error on purpose); the others must not.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession, stripAnsi, type Session } from '../../../simulators';
import { expectGolden } from '../simulators/docker/golden/transcript';

const LESSONS = path.join(__dirname, '../../../content/lessons');
const GOLDEN = path.join(__dirname, 'golden');

/** A learner reads between commands: this much simulated time passes before each one. */
const READING_MS = 3_000;
/** How long a command may run before the test moves on (a learner would press Ctrl-C). */
const MAX_COMMAND_MS = 2_000;

/** What a learner does where a lesson asks for typing the test cannot script literally. */
const STAND_INS: Record<string, { line: string; input?: string[] }> = {
  // The chapter asks to change the greeting in the editor; the same file, written in one go.
  'nano app.py': {
    line: [
      "cat > app.py <<'EOF'",
      'from flask import Flask',
      '',
      'app = Flask(__name__)',
      '',
      '',
      '@app.route("/")',
      'def hello():',
      '    return "Hello from version 1.1!\\n"',
      '',
      '',
      'if __name__ == "__main__":',
      '    app.run(host="0.0.0.0", port=8000)',
      'EOF',
    ].join('\n'),
  },
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

interface Ran {
  typed: string;
  line: string;
  output: string;
  exitCode: number;
}

function runLine(session: Session, typed: string): Ran {
  const step = STAND_INS[typed] ?? { line: typed };
  session.advance(READING_MS);
  const r = session.run(step.line, { input: step.input ?? [], maxSimMs: MAX_COMMAND_MS });
  return { typed, line: step.line, output: stripAnsi(r.output), exitCode: r.exitCode };
}

/** One block as the golden file shows it: a header, then each command as transcript.ts writes it. */
function showBlock(index: number, block: Block, ran: Ran[]): string {
  const header = `### block ${index + 1}${block.fails ? ' (fails)' : ''}\n`;
  const commands = ran.map((r) => {
    const standIn = r.line === r.typed ? '' : `# the learner types: ${r.typed}\n`;
    return `${standIn}$ ${r.line}\n${r.output}[exit ${r.exitCode}]\n`;
  });
  return [header, ...commands].join('\n');
}

for (const file of readdirSync(LESSONS).filter((f) => f.endsWith('.mdx'))) {
  describe(`lesson ${file}`, () => {
    const source = readFileSync(path.join(LESSONS, file), 'utf8');
    const scenario = /<Terminal[^>]*scenario="([^"]+)"/.exec(source)?.[1] ?? 'laptop';

    it(`prints, in scenario "${scenario}", what golden/${path.basename(file, '.mdx')}.txt holds, failing only where the chapter means to`, () => {
      const session = createSession({ scenario });
      const shown: string[] = [];
      const outcomes: string[] = [];
      blocks(source).forEach((block, i) => {
        const ran = block.lines.map((typed) => runLine(session, typed));
        shown.push(showBlock(i, block, ran));
        const failed = ran.some((r) => r.exitCode !== 0);
        outcomes.push(`block ${i + 1}: ${failed ? 'fails' : 'succeeds'}`);
        expect(ran.map((r) => r.output).join('')).not.toMatch(/internal simulator error|not simulated in this terminal/);
      });
      // Which blocks fail is the chapter's promise, checked on its own so a regenerated golden
      // cannot quietly accept a block that no longer fails (or one that newly does).
      expect(outcomes).toEqual(blocks(source).map((b, i) => `block ${i + 1}: ${b.fails ? 'fails' : 'succeeds'}`));
      expectGolden(path.join(GOLDEN, `${path.basename(file, '.mdx')}.txt`), shown.join('\n'));
    });
  });
}
