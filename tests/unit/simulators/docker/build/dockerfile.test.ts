// The Dockerfile parser against BuildKit's rules (frontend/dockerfile/parser and instructions):
// every instruction, continuations, comments and directives, the exec and shell forms, and the
// errors, worded as BuildKit words them, with the line they concern.
import { describe, expect, it } from 'vitest';
import { commandArgv, DockerfileError, parseDockerfile, sourceExcerpt } from '../../../../../simulators/docker/build/dockerfile';
import { processWord, processWords } from '../../../../../simulators/docker/build/shell-lex';

const parseError = (text: string) => {
  try {
    parseDockerfile(text);
  } catch (e) {
    if (e instanceof DockerfileError) return { message: e.message, line: e.line, endLine: e.endLine };
    throw e;
  }
  throw new Error('parsed without error');
};

describe('Dockerfile parser', () => {
  it('reads every instruction, case-insensitively, into stages', () => {
    const df = parseDockerfile(
      [
        '# syntax=docker/dockerfile:1',
        'ARG PY=3.12',
        'from --platform=linux/amd64 python:${PY}-slim AS Build',
        'WORKDIR /app',
        'copy --chown=app:app requirements.txt ./',
        'ADD vendor.tar /opt/',
        'RUN pip install -r requirements.txt',
        'RUN ["echo", "exec form"]',
        'ENV A=1 B="two words"',
        'ENV LEGACY some value',
        'ARG VERSION=1.0 OTHER',
        'EXPOSE 8000 9000/udp',
        'LABEL org.opencontainers.image.title="My app" team=core',
        'USER app',
        'VOLUME ["/data"]',
        'STOPSIGNAL SIGINT',
        'HEALTHCHECK CMD curl -f http://localhost/ || exit 1',
        'SHELL ["/bin/bash", "-c"]',
        'ENTRYPOINT ["python"]',
        'CMD ["app.py"]',
        '',
        'FROM alpine',
        'CMD echo shell form',
      ].join('\n'),
    );
    expect(df.directives).toEqual({ syntax: 'docker/dockerfile:1' });
    expect(df.metaArgs.map((a) => a.pairs)).toEqual([[{ key: 'PY', value: '3.12' }]]);
    expect(df.stages).toHaveLength(2);
    const [build, last] = df.stages;
    expect(build).toMatchObject({ index: 0, name: 'build', base: 'python:${PY}-slim', platform: 'linux/amd64' });
    expect(last).toMatchObject({ index: 1, name: undefined, base: 'alpine' });
    expect(build.commands.map((c) => c.keyword)).toEqual(['WORKDIR', 'COPY', 'ADD', 'RUN', 'RUN', 'ENV', 'ENV', 'ARG', 'EXPOSE', 'LABEL', 'USER', 'VOLUME', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'ENTRYPOINT', 'CMD']);
    const [workdir, copy, add, run, execRun, env, legacy, arg, expose, label, user, volume] = build.commands;
    expect(workdir.args).toEqual(['/app']);
    expect(copy).toMatchObject({ written: 'copy', flags: { chown: 'app:app' }, args: ['requirements.txt', './'], line: 5 });
    expect(add.args).toEqual(['vendor.tar', '/opt/']);
    expect(commandArgv(run)).toEqual(['/bin/sh', '-c', 'pip install -r requirements.txt']);
    expect(commandArgv(execRun)).toEqual(['echo', 'exec form']);
    expect(env.pairs).toEqual([{ key: 'A', value: '1' }, { key: 'B', value: '"two words"' }]);
    expect(legacy).toMatchObject({ legacyKeyValue: true, pairs: [{ key: 'LEGACY', value: 'some value' }] });
    expect(arg.pairs).toEqual([{ key: 'VERSION', value: '1.0' }, { key: 'OTHER' }]);
    expect(expose.args).toEqual(['8000', '9000/udp']);
    expect(label.pairs).toEqual([{ key: 'org.opencontainers.image.title', value: '"My app"' }, { key: 'team', value: 'core' }]);
    expect(user.args).toEqual(['app']);
    expect(volume.json).toEqual(['/data']);
    expect(commandArgv(last.commands[0])).toEqual(['/bin/sh', '-c', 'echo shell form']);
  });

  it('joins continuation lines, skipping comment and blank lines inside, and keeps the lines they span', () => {
    const df = parseDockerfile('FROM debian\nRUN apt-get update \\\n    # a comment inside\n    && apt-get install -y \\\n\n       curl\nCMD ["bash"]\n');
    const run = df.stages[0].commands[0];
    expect(run.original).toBe('RUN apt-get update     && apt-get install -y        curl');
    expect([run.line, run.endLine]).toEqual([2, 6]);
    expect(df.stages[0].commands[1].line).toBe(7);
    expect(df.warnings).toContainEqual({ rule: 'NoEmptyContinuation', message: 'Empty continuation line', line: 2 });
  });

  it('honours the escape directive', () => {
    const df = parseDockerfile('# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  c:\\\n');
    expect(df.escape).toBe('`');
    expect(df.stages[0].commands[0].original).toBe('RUN dir   c:\\');
  });

  it('reads heredocs for RUN and COPY', () => {
    const df = parseDockerfile("FROM alpine\nRUN <<EOF\necho one\necho two\nEOF\nCOPY <<'END' /etc/motd\nhello $USER\nEND\nCMD [\"sh\"]\n");
    const [run, copy, cmd] = df.stages[0].commands;
    expect(run.heredocs).toEqual([{ name: 'EOF', content: 'echo one\necho two\n', expand: true }]);
    expect(copy.heredocs).toEqual([{ name: 'END', content: 'hello $USER\n', expand: false }]);
    expect(cmd.line).toBe(9);
  });

  it('words errors as BuildKit does, with their line', () => {
    expect(parseError('FROM python:3.12\nWORKDIR /app\nCOPPY . .\n')).toEqual({ message: 'dockerfile parse error on line 3: unknown instruction: COPPY (did you mean COPY?)', line: 3, endLine: 3 });
    expect(parseError('FROM alpine\nrun echo\nechoo hi\n').message).toBe('dockerfile parse error on line 3: unknown instruction: echoo');
    expect(parseError('FROM alpine\nwrkdir /x\n').message).toBe('dockerfile parse error on line 2: unknown instruction: wrkdir (did you mean workdir?)');
    expect(parseError('# no FROM\nWORKDIR /app\nCOPY . .\n')).toEqual({ message: 'no build stage in current context', line: 2, endLine: 2 });
    expect(parseError('FROM a b\n').message).toBe('dockerfile parse error on line 1: FROM requires either one or three arguments');
    expect(parseError('FROM alpine AS 1st\n').message).toBe('dockerfile parse error on line 1: invalid name for build stage: "1st", name can\'t start with a number or contain symbols');
    expect(parseError('FROM alpine\nCOPY app.py\n').message).toBe('dockerfile parse error on line 2: COPY requires at least two arguments, but only one was provided. Destination could not be determined');
    expect(parseError('FROM alpine\nENV ONLY\n').message).toBe('dockerfile parse error on line 2: ENV must have two arguments');
    expect(parseError('FROM alpine\nENV A=1 B\n').message).toBe('dockerfile parse error on line 2: Syntax error - can\'t find = in "B". Must be of the form: name=value');
    expect(parseError('FROM alpine\nCOPY --frm=x a b\n').message).toBe('dockerfile parse error on line 2: unknown flag: frm');
    expect(parseError('FROM alpine\nWORKDIR\n').message).toBe('dockerfile parse error on line 2: WORKDIR requires exactly one argument');
    expect(parseError('FROM alpine\nEXPOSE\n').message).toBe('dockerfile parse error on line 2: EXPOSE requires at least one argument');
    // Only comments and blank lines: refused as empty, with no line to point at.
    expect(parseError('# just a comment\n\n')).toMatchObject({ message: 'the Dockerfile cannot be empty', line: undefined });
    expect(parseError('FROM a AS x\nFROM b AS x\n').message).toBe('duplicate stage name "x"');
  });

  it('prints the excerpt BuildKit shows with an error', () => {
    const lines = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n'.split('\n');
    expect(sourceExcerpt('Dockerfile', lines, 3)).toBe(
      'Dockerfile:3\n--------------------\n   1 |     FROM python:3.12-slim\n   2 |     WORKDIR /app\n   3 | >>> COPY requirements.txt .\n   4 |     RUN pip install --no-cache-dir -r requirements.txt\n   5 |     COPY . .\n--------------------\n',
    );
    // At the top there is nothing before: the excerpt reaches further down instead.
    expect(sourceExcerpt('Dockerfile', lines, 1).split('\n').slice(2, 5)).toEqual(['   1 | >>> FROM python:3.12-slim', '   2 |     WORKDIR /app', '   3 |     COPY requirements.txt .']);
    // A multi-line instruction is marked on every line.
    expect(sourceExcerpt('Dockerfile', ['FROM a', 'RUN x \\', '  && y', 'CMD z'], 2, 3)).toBe('Dockerfile:2\n--------------------\n   1 |     FROM a\n   2 | >>> RUN x \\\n   3 | >>>   && y\n   4 |     CMD z\n--------------------\n');
  });

  it('finds the build checks BuildKit reports as warnings', () => {
    const df = parseDockerfile('FROM python:3.12 as build\nENV KEY value\nENV API_TOKEN=x\nMAINTAINER me\nCMD python app.py\nCMD ["python", "app.py"]\nrun echo\n');
    expect(df.warnings.map((w) => `${w.rule} ${w.line}`)).toEqual(
      expect.arrayContaining(['FromAsCasing 1', 'LegacyKeyValueFormat 2', 'SecretsUsedInArgOrEnv 3', 'MaintainerDeprecated 4', 'JSONArgsRecommended 5', 'MultipleInstructionsDisallowed 5', 'ConsistentInstructionCasing 7']),
    );
    expect(df.warnings.find((w) => w.rule === 'JSONArgsRecommended')!.message).toBe('JSON arguments recommended for CMD to prevent unintended behavior related to OS signals');
    expect(df.warnings.find((w) => w.rule === 'FromAsCasing')!.message).toBe("'as' and 'FROM' keywords' casing do not match");
    // `# check=skip=...` turns checks off.
    expect(parseDockerfile('# check=skip=JSONArgsRecommended\nFROM a\nCMD x\n').warnings).toEqual([]);
  });
});

describe('BuildKit word expansion (ENV, COPY, WORKDIR, ...)', () => {
  const env = { NAME: 'app', EMPTY: '', DIR: '/srv' };
  it('substitutes $VAR and ${VAR}, removes quotes and honours escapes', () => {
    expect(processWord('${DIR}/$NAME', env).value).toBe('/srv/app');
    expect(processWord('"hello $NAME"', env).value).toBe('hello app');
    expect(processWord("'$NAME'", env).value).toBe('$NAME');
    expect(processWord('\\$NAME', env).value).toBe('$NAME');
    expect(processWord('${MISSING:-default} ${EMPTY:-fallback} ${EMPTY-kept} ${NAME:+set}', env).value).toBe('default fallback  set');
    expect(processWord('$MISSING', env)).toEqual({ value: '', unmatched: ['MISSING'] });
    expect(processWords('a "b c" $NAME', env).words).toEqual(['a', 'b c', 'app']);
  });
});
