// The learner's own machine: an Ubuntu-like laptop with a home directory and a bash shell.
import { EPOCH_MS } from '../core/clock';
import { emptyTimers } from '../core/timers';
import { emptyRecord } from '../core/record';
import { seedRandom } from '../core/random';
import { makeDir, makeFile, mkdir, place, resolvePath, setAttributes, writeFile, type DirNode, type FsResult } from '../shell/fs';
import { WORLD_SCHEMA, type HostInfo, type ShellState, type World } from '../world';
import type { ScenarioSpec } from './types';
import { emptyDockerState } from '../docker/state';

export const LAPTOP_HOST: HostInfo = {
  hostname: 'laptop',
  user: 'learner',
  home: '/home/learner',
  bootedAt: EPOCH_MS - 42 * 60_000,
  kernel: {
    name: 'Linux',
    release: '6.8.0-51-generic',
    version: '#52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024',
    machine: 'x86_64',
    os: 'GNU/Linux',
  },
};

const SYSTEM_FILES: Record<string, string> = {
  '/etc/hostname': 'laptop\n',
  '/etc/os-release':
    'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\n',
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nlearner:x:1000:1000:Learner:/home/learner:/bin/bash\n',
  '/etc/hosts': '127.0.0.1 localhost\n127.0.1.1 laptop\n',
  '/home/learner/.bashrc': '# ~/.bashrc: read by bash for interactive shells.\nHISTCONTROL=ignoreboth\nalias ls=\'ls --color=auto\'\n',
  '/home/learner/.profile': '# ~/.profile: read by login shells.\nif [ -n "$BASH_VERSION" ]; then . "$HOME/.bashrc"; fi\n',
};

const SYSTEM_DIRS = ['/bin', '/boot', '/dev', '/etc', '/home', '/opt', '/proc', '/root', '/sbin', '/srv', '/sys', '/tmp', '/usr/bin', '/usr/lib', '/usr/local/bin', '/usr/share', '/var/log', '/var/lib'];

function baseFs(now: number): DirNode {
  const root = { user: 'root', now };
  const must = (r: FsResult<DirNode>) => {
    if (!r.ok) throw new Error(`laptop file system: ${r.code}`);
    return r.value;
  };
  let fs = makeDir('root', now);
  for (const dir of SYSTEM_DIRS) fs = must(mkdir(fs, dir, root, { parents: true }));
  fs = must(place(fs, '/dev/null', { ...makeFile('', 'root', now), mode: 0o666 }, root));
  fs = must(setAttributes(fs, '/tmp', { mode: 0o1777 }, root));
  fs = must(setAttributes(fs, '/root', { mode: 0o700 }, root));
  fs = must(mkdir(fs, LAPTOP_HOST.home, root));
  return must(setAttributes(fs, LAPTOP_HOST.home, { owner: LAPTOP_HOST.user }, root));
}

function shellState(cwd: string): ShellState {
  const { home, user, hostname } = LAPTOP_HOST;
  const vars: Record<string, string> = {
    HOME: home,
    USER: user,
    LOGNAME: user,
    SHELL: '/bin/bash',
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    PWD: cwd,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    HOSTNAME: hostname,
  };
  return {
    cwd,
    oldpwd: '',
    vars,
    exported: ['HOME', 'USER', 'LOGNAME', 'SHELL', 'PATH', 'PWD', 'TERM', 'LANG'],
    history: [],
    lastExitCode: 0,
  };
}

export function buildLaptop(spec: ScenarioSpec, seed: number): World {
  const now = EPOCH_MS;
  let fs = baseFs(now);
  const system = { user: 'root', now };
  const learner = { user: LAPTOP_HOST.user, now };
  for (const [path, content] of Object.entries({ ...SYSTEM_FILES, ...spec.files })) {
    const owner = path.startsWith(LAPTOP_HOST.home) ? learner : system;
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    const made = mkdir(fs, parent, owner, { parents: true });
    if (!made.ok) throw new Error(`scenario ${spec.id}: cannot create ${parent}`);
    const written = writeFile(made.value, path, content, owner);
    if (!written.ok) throw new Error(`scenario ${spec.id}: cannot write ${path}`);
    fs = written.value;
  }
  const cwd = resolvePath(LAPTOP_HOST.home, spec.cwd ?? LAPTOP_HOST.home);
  return {
    schema: WORLD_SCHEMA,
    scenario: spec.id,
    clock: { now },
    timers: emptyTimers(),
    rng: seedRandom(seed),
    host: LAPTOP_HOST,
    fs,
    shell: shellState(cwd),
    record: emptyRecord(),
    docker: emptyDockerState(now),
  };
}
