// Cobra's split of flags, which kubectl stands on: a command's own flags hold only for it, its
// persistent flags (kubectl's -n/--namespace, --context, -v) hold for every command below it and
// may come anywhere among the subcommand's arguments; `--` ends the flags and its place is kept.
import { describe, expect, it } from 'vitest';
import { gnu, type Dialect } from '../../../../../simulators/core/command/dialects';
import { inheritedFlags, localFlags, parseCommand } from '../../../../../simulators/core/command/flags';
import type { CommandSpec, FlagSpec } from '../../../../../simulators/core/command/spec';

const pflag: Dialect = { ...gnu, id: 'pflag', longPrefixes: false, shortEquals: true, dashHIsHelp: true, goValues: true };

const namespace: FlagSpec = { long: 'namespace', short: 'n', type: 'string', description: 'If present, the namespace scope for this CLI request' };
const context: FlagSpec = { long: 'context', type: 'string', description: 'The name of the kubeconfig context to use' };
const verbosity: FlagSpec = { long: 'v', short: 'v', type: 'int', bits: 32, default: 0, description: 'number for the log level verbosity' };

const get: CommandSpec = {
  name: 'get',
  summary: 'Display one or many resources',
  dialect: pflag,
  flags: [
    { long: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on' },
    { long: 'watch', short: 'w', type: 'bool', description: 'After listing/getting the requested object, watch for changes.' },
    { long: 'filename', short: 'f', type: 'stringSlice', description: 'Filename, directory, or URL to files' },
    { long: 'chunk-size', type: 'int', default: 500, description: 'Return large lists in chunks' },
  ],
  args: [{ name: 'TYPE', optional: true, variadic: true }],
};
const exec: CommandSpec = {
  name: 'exec',
  summary: 'Execute a command in a container',
  dialect: pflag,
  flags: [
    { long: 'container', short: 'c', type: 'string', description: 'Container name.' },
    { long: 'stdin', short: 'i', type: 'bool', description: 'Pass stdin to the container' },
    { long: 'tty', short: 't', type: 'bool', description: 'Stdin is a TTY' },
  ],
  args: [{ name: 'POD' }, { name: 'COMMAND', optional: true, variadic: true }],
};
const wait: CommandSpec = {
  name: 'wait',
  summary: 'Wait for a specific condition on one or many resources',
  dialect: pflag,
  flags: [
    { long: 'timeout', type: 'duration', default: 30_000, description: 'The length of time to wait before giving up.' },
    { long: 'for', type: 'string', description: 'The condition to wait on' },
  ],
};
const create: CommandSpec = {
  name: 'create',
  summary: 'Create a resource from a file or from stdin',
  dialect: pflag,
  // A group may add persistent flags of its own, and redeclare one of its parent's.
  persistentFlags: [{ long: 'dry-run', type: 'string', implicit: 'unchanged', description: 'Must be "none", "server", or "client".' }, { ...namespace, description: 'the namespace, as create words it' }],
  flags: [{ long: 'edit', type: 'bool', description: 'Edit the API resource before creating' }],
  subcommands: [
    {
      name: 'deployment',
      summary: 'Create a deployment with the specified name',
      dialect: pflag,
      flags: [
        { long: 'image', type: 'stringSlice', description: 'Image names to run.' },
        { long: 'replicas', short: 'r', type: 'int', bits: 32, default: 1, description: 'Number of replicas to create.' },
        { long: 'labels', type: 'stringToString', description: 'Labels to apply' },
      ],
      args: [{ name: 'NAME' }],
    },
  ],
};
const kubectl: CommandSpec = {
  name: 'kubectl',
  summary: 'kubectl controls the Kubernetes cluster manager.',
  dialect: pflag,
  persistentFlags: [namespace, context, verbosity],
  // A root's own flag, as docker's --version: not valid below.
  flags: [{ long: 'version-only', type: 'bool', description: 'a root-only flag' }],
  subcommands: [get, exec, wait, create],
};

const ok = (argv: string[]) => {
  const r = parseCommand(kubectl, argv);
  if (r.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.command;
};

describe('persistent flags', () => {
  it('accept an inherited flag before the subcommand, after it, and among its arguments', () => {
    for (const argv of [
      ['-n', 'kube-system', 'get', 'pods', 'web'],
      ['get', '-n', 'kube-system', 'pods', 'web'],
      ['get', 'pods', '--namespace=kube-system', 'web'],
      ['get', 'pods', 'web', '-n=kube-system'],
    ]) {
      const c = ok(argv);
      expect([c.path.map((s) => s.name), c.args, c.flags.namespace, [...c.given]]).toEqual([['kubectl', 'get'], ['pods', 'web'], 'kube-system', ['namespace']]);
    }
    expect(ok(['get', 'pods', '-wv', '3', '--context', 'kind-berth']).flags).toEqual({ watch: true, v: 3, context: 'kind-berth', 'chunk-size': 500, filename: [], 'version-only': false });
  });

  it("keeps a command's own flags to it, and a group's persistent flags to the group and below", () => {
    expect(parseCommand(kubectl, ['get', '--version-only'])).toMatchObject({ kind: 'error', error: { kind: 'unknown-long', name: 'version-only' } });
    expect(ok(['--version-only']).flags['version-only']).toBe(true);
    expect(parseCommand(kubectl, ['get', '--dry-run'])).toMatchObject({ kind: 'error', error: { kind: 'unknown-long', name: 'dry-run' } });
    expect(parseCommand(kubectl, ['create', 'deployment', 'web', '--edit'])).toMatchObject({ kind: 'error', error: { kind: 'unknown-long', name: 'edit' } });
    expect(ok(['create', 'deployment', 'web', '--dry-run', '-n', 'dev']).flags).toMatchObject({ 'dry-run': 'unchanged', namespace: 'dev' });
  });

  it('tells local flags from inherited ones, as help pages list them', () => {
    const names = (flags: FlagSpec[]) => flags.map((f) => f.long);
    const deployment = [kubectl, create, create.subcommands![0]];
    expect([names(localFlags(deployment)), names(inheritedFlags(deployment))]).toEqual([['image', 'replicas', 'labels'], ['dry-run', 'namespace', 'context', 'v']]);
    // The redeclared --namespace is create's, the nearest one.
    expect(inheritedFlags(deployment)[1].description).toBe('the namespace, as create words it');
    expect([names(localFlags([kubectl, create])), names(inheritedFlags([kubectl, create]))]).toEqual([['edit', 'dry-run', 'namespace'], ['context', 'v']]);
    expect([names(localFlags([kubectl])), names(inheritedFlags([kubectl]))]).toEqual([['version-only', 'namespace', 'context', 'v'], []]);
  });
});

describe('the place of --', () => {
  it('is kept as dashAt, and what follows it is arguments, flags included', () => {
    const c = ok(['exec', '-it', 'web', '--', 'ls', '-l', '--all', '-n', 'x']);
    expect([c.args, c.dashAt, c.flags.stdin, c.flags.tty, c.given.has('namespace')]).toEqual([['web', 'ls', '-l', '--all', '-n', 'x'], 1, true, true, false]);
    expect(ok(['exec', 'web', '-c', 'app', '--', 'sh']).args.slice(ok(['exec', 'web', '-c', 'app', '--', 'sh']).dashAt)).toEqual(['sh']);
    expect(ok(['exec', '--', 'web', 'date']).dashAt).toBe(0);
    expect(ok(['exec', 'web', 'date']).dashAt).toBe(-1);
    expect(ok(['exec', 'web', '--', '--', 'x']).args).toEqual(['web', '--', 'x']);
  });

  it('is a plain argument once a command that stops at its first argument has one (docker run)', () => {
    const run: CommandSpec = { name: 'run', summary: 'run', dialect: pflag, stopAtFirstArg: true, flags: [{ long: 'rm', type: 'bool', description: 'rm' }] };
    const r = parseCommand(run, ['--rm', 'busybox', '--', 'ls']);
    expect(r).toMatchObject({ kind: 'ok', command: { args: ['busybox', '--', 'ls'], dashAt: -1 } });
    expect(parseCommand(run, ['--', 'busybox', 'ls'])).toMatchObject({ kind: 'ok', command: { args: ['busybox', 'ls'], dashAt: 0 } });
  });
});

describe('value kinds', () => {
  it('splits a stringSlice as CSV and adds repeats; the first use replaces the default', () => {
    expect(ok(['create', 'deployment', 'web', '--image=nginx,redis', '--image', '"a,b"']).flags.image).toEqual(['nginx', 'redis', 'a,b']);
    expect(ok(['get', '-f', 'a.yaml,b.yaml', '-f=c.yaml']).flags.filename).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(ok(['create', 'deployment', 'web', '--image=']).flags.image).toEqual([]);
    const withDefault: CommandSpec = { name: 'x', summary: 'x', dialect: pflag, flags: [{ long: 'ports', type: 'stringSlice', description: 'p' }] };
    expect(parseCommand(withDefault, ['--ports', 'a"b'])).toMatchObject({ kind: 'error', error: { kind: 'bad-value', value: 'a"b', reason: 'parse error on line 1, column 2: bare " in non-quoted-field' } });
  });

  it('reads stringToString pairs, later keys winning', () => {
    expect(ok(['create', 'deployment', 'web', '--labels', 'app=web,tier=front', '--labels=tier=back']).flags.labels).toEqual({ app: 'web', tier: 'back' });
    // One `=` is one pair, commas and all; quotes around it go.
    expect(ok(['create', 'deployment', 'web', '--labels', '"a=1,2"']).flags.labels).toEqual({ a: '1,2' });
    expect(parseCommand(kubectl, ['create', 'deployment', 'web', '--labels', 'app'])).toMatchObject({ kind: 'error', error: { kind: 'bad-value', reason: 'app must be formatted as key=value' } });
    expect(parseCommand(kubectl, ['create', 'deployment', 'web', '--labels', 'a=1,b,c=2'])).toMatchObject({ kind: 'error', error: { kind: 'bad-value', reason: 'b must be formatted as key=value' } });
  });

  it('keeps durations in milliseconds, and refuses bad ones, ints and bools with Go\'s reasons', () => {
    expect(ok(['wait']).flags.timeout).toBe(30_000);
    expect(ok(['wait', '--timeout=1m30s']).flags.timeout).toBe(90_000);
    expect(ok(['wait', '--timeout', '-1.5h']).flags.timeout).toBe(-5_400_000);
    expect(ok(['wait', '--timeout=300us']).flags.timeout).toBe(0.3);
    expect(parseCommand(kubectl, ['wait', '--timeout=x'])).toMatchObject({ kind: 'error', path: [kubectl, wait], error: { kind: 'bad-value', value: 'x', reason: 'time: invalid duration "x"' } });
    expect(ok(['create', 'deployment', 'web', '-r', '0x10']).flags.replicas).toBe(16);
    expect(parseCommand(kubectl, ['create', 'deployment', 'web', '-r', '3000000000'])).toMatchObject({ kind: 'error', error: { reason: 'strconv.ParseInt: parsing "3000000000": value out of range' } });
    expect(parseCommand(kubectl, ['get', '-w=yes'])).toMatchObject({ kind: 'error', error: { kind: 'bad-value', value: 'yes', reason: 'strconv.ParseBool: parsing "yes": invalid syntax' } });
    expect(ok(['get', '-w=false', '--chunk-size=0b11']).flags).toMatchObject({ watch: false, 'chunk-size': 3 });
  });

  it('reads -x=value as pflag does, and names the rest of a bundle in errors', () => {
    expect(parseCommand(kubectl, ['get', '-wz'])).toMatchObject({ kind: 'error', error: { kind: 'unknown-short', char: 'z', token: '-z' } });
    expect(parseCommand(kubectl, ['get', '-w='])).toMatchObject({ kind: 'error', error: { kind: 'unknown-short', char: '=', token: '-=' } });
    expect(parseCommand(kubectl, ['get', '-l='])).toMatchObject({ kind: 'ok', command: { flags: { selector: '=' } } });
    expect(parseCommand(kubectl, ['get', '-wl=app=web'])).toMatchObject({ kind: 'ok', command: { flags: { watch: true, selector: 'app=web' } } });
  });
});
