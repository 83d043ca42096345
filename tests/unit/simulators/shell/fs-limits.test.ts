// Names and paths past the file system's limits are refused as Linux refuses them (ENAMETOOLONG,
// "File name too long"), so no tree a learner makes is deeper than every walk can follow.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { FILE_LIMIT, PATH_MAX } from '../../../../simulators/shell/fs';
import { TREE_DEPTH_LIMIT } from '../../../../simulators/shell/snapshot-schema';

const long = 'a'.repeat(256);

describe('file name limits', () => {
  it('a name longer than 255 bytes: mkdir, touch and a redirection say so in their own words (GNU and bash)', () => {
    const s = createSession();
    expect(s.run(`mkdir ${long}`)).toEqual({ output: `mkdir: cannot create directory ‘${long}’: File name too long\n`, exitCode: 1 });
    expect(s.run(`touch ${long}`)).toEqual({ output: `touch: cannot touch '${long}': File name too long\n`, exitCode: 1 });
    expect(s.run(`echo x > ${long}`)).toEqual({ output: `bash: ${long}: File name too long\n`, exitCode: 1 });
    expect(s.run(`mkdir ${'a'.repeat(255)} && ls | wc -l`)).toEqual({ output: '1\n', exitCode: 0 });
  });

  it('a tree stops growing where its path would pass PATH_MAX, and every walk of it still works', () => {
    const s = createSession();
    // /tmp then /a as many times as PATH_MAX allows.
    const depth = Math.floor((PATH_MAX - '/tmp'.length) / 2);
    expect(depth).toBeLessThan(TREE_DEPTH_LIMIT);
    const made = s.run('cd /tmp && for i in {1..600}; do mkdir a || break; cd a; done; pwd | wc -c');
    expect(made.output).toBe(`mkdir: cannot create directory ‘a’: File name too long\n${'/tmp'.length + 2 * depth + 1}\n`);
    s.run('cd /tmp');
    expect(s.run('ls -R a | grep -c :$')).toEqual({ output: `${depth}\n`, exitCode: 0 });
    expect(s.run('cp -r a b && rm -r a b && ls /tmp')).toEqual({ output: '', exitCode: 0 });
  }, 60_000);
});

describe('file size limit', () => {
  it('a file that would outgrow FILE_LIMIT fails as a full disk does, in the writer’s words (bash 5.2, GNU cat)', () => {
    const s = createSession();
    expect(s.run('printf "%4000000s" x > f; cat f f f f > g; wc -c g')).toEqual({ output: '16000000 g\n', exitCode: 0 });
    expect(s.run('cat f >> g; echo $?; wc -c g')).toEqual({ output: 'cat: write error: No space left on device\n1\n16000000 g\n', exitCode: 0 });
    expect(s.run(`printf '%${FILE_LIMIT - 16_000_000 + 1}s' x >> g; echo $?`)).toEqual({ output: 'bash: printf: write error: No space left on device\n1\n', exitCode: 0 });
    expect(s.run('for i in 1; do cat f f f f f; done > h; echo $?; wc -c h')).toEqual({ output: 'bash: write error: No space left on device\n1\n0 h\n', exitCode: 0 });
  }, 60_000);
});
