import { describe, expect, it } from 'vitest';
import { bashBuiltin, gnu, type Dialect } from '../../../../../simulators/core/command/dialects';
import { parseCommand } from '../../../../../simulators/core/command/flags';
import type { CommandSpec } from '../../../../../simulators/core/command/spec';

// A pflag-style dialect like docker's, to test the parser's pflag rules without docker itself.
const pflag: Dialect = { ...gnu, id: 'pflag', longPrefixes: false, shortEquals: true, dashHIsHelp: true };

const run: CommandSpec = {
  name: 'run',
  summary: 'Create and run a new container from an image',
  dialect: pflag,
  stopAtFirstArg: true,
  flags: [
    { long: 'detach', short: 'd', type: 'bool', description: 'Run container in background' },
    { long: 'interactive', short: 'i', type: 'bool', description: 'Keep STDIN open' },
    { long: 'tty', short: 't', type: 'bool', description: 'Allocate a pseudo-TTY' },
    { long: 'name', type: 'string', description: 'Assign a name to the container' },
    { long: 'publish', short: 'p', type: 'stringArray', description: 'Publish a port' },
    { long: 'env', short: 'e', type: 'stringArray', description: 'Set environment variables' },
    { long: 'cpus', type: 'string', description: 'Number of CPUs' },
  ],
};
const docker: CommandSpec = {
  name: 'docker',
  summary: 'A self-sufficient runtime for containers',
  dialect: pflag,
  flags: [{ long: 'debug', short: 'D', type: 'bool', description: 'Enable debug mode' }],
  subcommands: [run, { name: 'ps', summary: 'List containers', dialect: pflag, aliases: ['ls'], flags: [{ long: 'all', short: 'a', type: 'bool', description: 'Show all' }, { long: 'last', short: 'n', type: 'int', description: 'Show n last', default: -1 }] }],
};

const ok = (argv: string[], spec = docker) => {
  const r = parseCommand(spec, argv);
  if (r.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.command;
};

describe('flag parser (pflag rules)', () => {
  it('descends into subcommands and reads every flag form', () => {
    const c = ok(['run', '-d', '--name=web', '-p', '8080:80', '-p8443:443', '-e', 'A=1', '--env', 'B=2', 'nginx']);
    expect(c.path.map((s) => s.name)).toEqual(['docker', 'run']);
    expect(c.flags).toMatchObject({ detach: true, name: 'web', publish: ['8080:80', '8443:443'], env: ['A=1', 'B=2'] });
    expect(c.args).toEqual(['nginx']);
    expect(c.given.has('name')).toBe(true);
    expect(c.given.has('interactive')).toBe(false);
  });

  it('bundles boolean shorthands (-it) and takes -n=5 as 5', () => {
    expect(ok(['run', '-it', 'ubuntu']).flags).toMatchObject({ interactive: true, tty: true });
    expect(ok(['ps', '-n=5']).flags.last).toBe(5);
    expect(ok(['ps', '-an', '3']).flags).toMatchObject({ all: true, last: 3 });
  });

  it('stops at the first argument for docker run, so the container command keeps its flags', () => {
    const c = ok(['run', '-d', 'busybox', 'ls', '-l', '--all']);
    expect(c.args).toEqual(['busybox', 'ls', '-l', '--all']);
  });

  it('accepts flags after arguments elsewhere, and -- ends flags', () => {
    expect(ok(['ps', 'x', '-a']).flags.all).toBe(true);
    expect(ok(['ps', '--', '-a']).args).toEqual(['-a']);
  });

  it("keeps a parent's own flags to the parent (docker ps -D is refused, docker -D ps is not), and resolves aliases", () => {
    const c = ok(['-D', 'ls', '-a']);
    expect(c.path.map((s) => s.name)).toEqual(['docker', 'ps']);
    expect(c.flags).toMatchObject({ debug: true, all: true });
    expect(parseCommand(docker, ['ps', '-D'])).toMatchObject({ kind: 'error', error: { kind: 'unknown-short', char: 'D', token: '-D' } });
  });

  it('reports unknown flags, missing values and bad numbers', () => {
    expect(parseCommand(docker, ['ps', '--nope'])).toMatchObject({ kind: 'error', error: { kind: 'unknown-long', name: 'nope' } });
    expect(parseCommand(docker, ['ps', '-z'])).toMatchObject({ kind: 'error', error: { kind: 'unknown-short', char: 'z', token: '-z' } });
    expect(parseCommand(docker, ['run', '--name'])).toMatchObject({ kind: 'error', error: { kind: 'missing-value', asShort: false } });
    expect(parseCommand(docker, ['ps', '-n', 'x'])).toMatchObject({ kind: 'error', error: { kind: 'bad-value', value: 'x' } });
  });

  it('treats --help and, in pflag dialects, -h as a request for help', () => {
    expect(parseCommand(docker, ['run', '--help'])).toMatchObject({ kind: 'help' });
    expect(parseCommand(docker, ['ps', '-h'])).toMatchObject({ kind: 'help' });
  });

  it('accepts explicit booleans: --all=false', () => {
    expect(ok(['ps', '--all=false']).flags.all).toBe(false);
    expect(ok(['ps', '--all=true']).flags.all).toBe(true);
  });
});

const head: CommandSpec = {
  name: 'head',
  summary: 'output the first part of files',
  dialect: gnu,
  numericShorthand: 'lines',
  flags: [
    { long: 'lines', short: 'n', type: 'string', description: 'print the first NUM lines' },
    { long: 'quiet', short: 'q', type: 'bool', description: 'never print headers' },
    { long: 'quick-mode', type: 'bool', description: 'a second --q... flag to make prefixes ambiguous' },
  ],
};

describe('flag parser (GNU getopt rules)', () => {
  it('reads -5 as --lines=5 and unambiguous prefixes of long options', () => {
    expect(ok(['-5', 'f'], head).flags.lines).toBe('5');
    expect(ok(['--li=3'], head).flags.lines).toBe('3');
    expect(ok(['--quie'], head).flags.quiet).toBe(true);
  });

  it('words its errors as coreutils do', () => {
    const r = parseCommand(head, ['--q']);
    expect(r.kind).toBe('error');
    if (r.kind !== 'error') return;
    expect(gnu.flagError(r.path, r.error).message).toBe("head: option '--q' is ambiguous; possibilities: '--quiet' '--quick-mode'\nTry 'head --help' for more information.\n");
    const missing = parseCommand(head, ['-n']);
    if (missing.kind !== 'error') throw new Error('expected error');
    expect(gnu.flagError(missing.path, missing.error)).toEqual({ message: "head: option requires an argument -- 'n'\nTry 'head --help' for more information.\n", exitCode: 1 });
    const unexpected = parseCommand(head, ['--quiet=yes']);
    if (unexpected.kind !== 'error') throw new Error('expected error');
    expect(gnu.flagError(unexpected.path, unexpected.error).message).toBe("head: option '--quiet' doesn't allow an argument\nTry 'head --help' for more information.\n");
  });

  it('prints a GNU help page from the spec', () => {
    const text = gnu.help([head]);
    expect(text).toContain('Usage: head [OPTION]...\n');
    expect(text).toContain('  -n, --lines=VALUE          print the first NUM lines\n');
    expect(text).toContain('      --help                 display this help and exit\n');
  });
});

describe('bash builtin dialect', () => {
  const cd: CommandSpec = { name: 'cd', summary: 'Change the shell working directory.', usage: '[-L|[-P [-e]] [-@]] [dir]', dialect: bashBuiltin, flags: [{ long: '', short: 'L', type: 'bool', description: 'follow links' }] };
  it('refuses an unknown option with the usage line and exit code 2', () => {
    const r = parseCommand(cd, ['-z']);
    if (r.kind !== 'error') throw new Error('expected error');
    expect(bashBuiltin.flagError(r.path, r.error)).toEqual({ message: 'bash: cd: -z: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n', exitCode: 2 });
  });
});
