// Whatever a learner types or pastes, the shell answers and stays usable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { openScreen } from '../../helpers/screen';

const TOKENS = [
  'echo', 'ls', 'cd', 'cat', 'mkdir', 'rm', 'cp', 'mv', 'touch', 'grep', 'head', 'tail', 'wc', 'sort', 'tee', 'printf', 'export', 'env', 'history', 'sleep', 'date', 'nano', 'help', 'exit', 'true', 'false', 'pwd', 'unset', 'which', 'type',
  '-', '--', '-r', '-rf', '-l', '-a', '-n', '5', '--help', '--color=always', '-e', '-p', '%s', '%d',
  '|', '||', '&&', ';', '&', '>', '>>', '<', '2>', '2>&1', '&>', '<<EOF', '<<<', '(', ')', '{', '}', '!', '#',
  '"', "'", '\\', '`', '$', '$(', '${', '$?', '$HOME', '${X:-y}', '~', '*', '?', '[a-z]', '..', '.', '/', '/etc', '/tmp', 'a', 'b/c', '__proto__', 'constructor', '<script>', '\n', 'EOF', '\t',
];

const line = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 12 }).map((parts) => parts.join(' '));

describe('shell robustness (property)', () => {
  it('never throws on random lines and still answers echo ok', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        const s = createSession();
        for (const l of lines) {
          const r = s.run(l, { maxSimMs: 1000 });
          expect(typeof r.output).toBe('string');
          expect(Number.isInteger(r.exitCode)).toBe(true);
          expect(r.output).not.toMatch(/internal simulator error/);
        }
        expect(s.run('echo ok')).toEqual({ output: 'ok\n', exitCode: 0 });
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('never throws on random keys and pastes in the terminal, and the prompt comes back', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(line.map((l) => `${l}\r`), fc.constantFrom('\x03', '\t', '\t\t', '\x1b[A', '\x1b[D', '\x15', '\x0b', '\x17', '\x0c', '\x7f', '\x1b[3~', '\x04'), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 10 }),
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
