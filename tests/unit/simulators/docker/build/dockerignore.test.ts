// .dockerignore as moby/patternmatcher reads it.
import { describe, expect, it } from 'vitest';
import { isIgnored, parseDockerignore } from '../../../../../simulators/docker/build/dockerignore';

describe('.dockerignore', () => {
  const patterns = parseDockerignore('# comment\n\n/node_modules\n*.pyc\n**/__pycache__\n*.md\n!README.md\n.git\nsecrets/*.key\n  build/  \n');

  it('leaves out what matches, and everything under a matching directory', () => {
    expect(isIgnored(patterns, 'node_modules/express/index.js')).toBe(true);
    expect(isIgnored(patterns, 'app.pyc')).toBe(true);
    expect(isIgnored(patterns, 'lib/app.pyc')).toBe(false); // `*` does not cross directories
    expect(isIgnored(patterns, 'src/pkg/__pycache__/mod.cpython-312.pyc')).toBe(true);
    expect(isIgnored(patterns, '__pycache__/x.pyc')).toBe(true);
    expect(isIgnored(patterns, '.git/HEAD')).toBe(true);
    expect(isIgnored(patterns, 'secrets/prod.key')).toBe(true);
    expect(isIgnored(patterns, 'secrets/readme.txt')).toBe(false);
    expect(isIgnored(patterns, 'build/out.js')).toBe(true);
    expect(isIgnored(patterns, 'app.py')).toBe(false);
  });

  it('brings paths back with !, the last matching pattern deciding', () => {
    expect(isIgnored(patterns, 'NOTES.md')).toBe(true);
    expect(isIgnored(patterns, 'README.md')).toBe(false);
    const all = parseDockerignore('*\n!app.py\n!src\n');
    expect(isIgnored(all, 'Dockerfile')).toBe(true);
    expect(isIgnored(all, 'app.py')).toBe(false);
    expect(isIgnored(all, 'src/main.py')).toBe(false);
  });

  it('handles ? and character classes', () => {
    const p = parseDockerignore('file?.txt\nlog[0-9].txt\n');
    expect(isIgnored(p, 'file1.txt')).toBe(true);
    expect(isIgnored(p, 'file10.txt')).toBe(false);
    expect(isIgnored(p, 'log7.txt')).toBe(true);
    expect(isIgnored(p, 'logx.txt')).toBe(false);
  });
});
