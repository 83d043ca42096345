// What the docker client prints on its own (help pages, flag and argument errors) compared with
// the real Docker 28 client's output, captured in ./real/ (help at 80 columns; the config
// folder shown as the learner's home).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

const REAL = path.join(__dirname, 'real');
const read = (file: string) => readFileSync(path.join(REAL, file), 'utf8');

describe('docker client output matches the real client', () => {
  for (const file of readdirSync(REAL).filter((f) => f.startsWith('help-'))) {
    const command = file.slice(5, -4);
    const line = command === 'docker' ? 'docker --help' : `docker ${command} --help`;
    it(line, () => {
      expect(createSession().run(line)).toEqual({ output: read(file), exitCode: 0 });
    });
  }
  for (const file of readdirSync(REAL).filter((f) => f.startsWith('err-'))) {
    const line = `docker ${file.slice(4, -4).replace(/_/g, ' ')}`;
    it(line, () => {
      const text = read(file);
      const lastNewline = text.lastIndexOf('\n', text.length - 2);
      const expected = { output: text.slice(0, lastNewline + 1), exitCode: Number(text.slice(lastNewline + 1)) };
      expect(createSession().run(line)).toEqual(expected);
    });
  }
});
