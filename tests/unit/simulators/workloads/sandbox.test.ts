// The workload sandbox runs whatever keeps its record: here a made-up runtime (a plain object, as
// a kubelet's pod record will be) gets a machine with the image's tree, its own files, processes,
// shell state and identity, without Docker.
import { describe, expect, it } from 'vitest';
import { buildRootfs } from '../../../../simulators/workloads/sandbox/rootfs';
import { workloadMachine, type Workload, type WorkloadHost } from '../../../../simulators/workloads/sandbox/machine';
import type { WorkloadImage } from '../../../../simulators/workloads/image';
import { lookup, writeFile } from '../../../../simulators/shell/fs';
import { LAPTOP_HOST } from '../../../../simulators/scenarios/laptop';
import { workloadCommands } from '../../../../simulators/workloads/sandbox/commands';
import { runInWorkload } from '../../../../simulators/workloads/sandbox/run';
import { programOf } from '../../../../simulators/workloads/sandbox/program';
import { createSession } from '../../../../simulators';

const AT = Date.UTC(2025, 2, 3, 9, 0, 0);

const alpine: WorkloadImage = {
  id: 'sha256:alpine',
  tags: ['alpine:3.21'],
  base: 'alpine:3.21',
  config: { cmd: ['/bin/sh'], entrypoint: null, env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], workingDir: '', exposedPorts: [], user: '', labels: {} },
  behaviour: { kind: 'shell', shell: '/bin/sh' },
  files: { '/srv/app.txt': 'from the image\n' },
  fileTimes: { '/srv/app.txt': Date.UTC(2024, 0, 1) },
};

function podHost() {
  const record: Workload & { saves: number } = { image: alpine, hostname: 'web-7d4b9-x2x9q', user: '', env: [...alpine.config.env, 'GREETING=hi'], workingDir: '/srv', tty: false, command: ['sleep', '3600'], created: AT, startedAt: AT + 1000, saves: 0 };
  const host: WorkloadHost = {
    place: 'pod/default/web-7d4b9-x2x9q/web',
    get: () => record,
    baseFs: (w) => buildRootfs(w.image, { '/etc/hostname': `${w.hostname}\n` }, w.created),
    save: (change) => {
      Object.assign(record, change);
      record.saves++;
    },
    overlay: (own) => own,
    split: (fs) => fs,
    now: () => AT + 5000,
    kernel: () => LAPTOP_HOST.kernel,
  };
  return { record, machine: workloadMachine(host) };
}

describe('the workload sandbox', () => {
  it('starts from its image’s tree with the runtime’s files and the image’s file times', () => {
    const { machine } = podHost();
    const fs = machine.fs();
    const hostname = lookup(fs, '/etc/hostname');
    const app = lookup(fs, '/srv/app.txt');
    expect(hostname.ok && hostname.value.kind === 'file' && hostname.value.content).toBe('web-7d4b9-x2x9q\n');
    expect(app.ok && app.value.kind === 'file' && [app.value.content, app.value.mtime]).toEqual(['from the image\n', Date.UTC(2024, 0, 1)]);
    expect(lookup(fs, '/etc/alpine-release').ok).toBe(true);
  });

  it('keeps what is written in its own layer, on its runtime’s record', () => {
    const { machine, record } = podHost();
    const written = writeFile(machine.fs(), '/tmp/note', 'kept\n', { user: 'root', now: AT });
    expect(written.ok).toBe(true);
    if (written.ok) machine.setFs(written.value);
    expect(record.saves).toBe(1);
    const back = lookup(machine.fs(), '/tmp/note');
    expect(back.ok && back.value.kind === 'file' && back.value.content).toBe('kept\n');
  });

  it('has the environment, working directory, identity and processes of its record', () => {
    const { machine } = podHost();
    expect(machine.shell().cwd).toBe('/srv');
    expect(machine.shell().vars.GREETING).toBe('hi');
    expect(machine.shell().vars.HOSTNAME).toBe('web-7d4b9-x2x9q');
    expect(machine.identity()).toMatchObject({ hostname: 'web-7d4b9-x2x9q', user: 'root', userland: 'busybox', distro: 'alpine' });
    expect(machine.processes().map((p) => [p.pid, p.command])).toEqual([[1, 'sleep 3600']]);
    expect(machine.place).toBe('pod/default/web-7d4b9-x2x9q/web');
  });

  it('runs a line inside it with its distribution’s commands, as a pod’s exec will', () => {
    const { machine } = podHost();
    const world = createSession().snapshot();
    const store = { getState: () => world, setState: () => undefined };
    let out = '';
    const run = runInWorkload(store, machine, workloadCommands(alpine), 'cat app.txt; echo $GREETING $(hostname); bash -c true', { emit: (t) => (out += t), tty: null });
    let step = run.next(null);
    while (!step.done) step = run.next(null);
    expect(out).toBe('from the image\nhi web-7d4b9-x2x9q\nsh: bash: not found\n');
    expect(step.value).toBe(127);
  });

  it('knows what its main process is from its image and command', () => {
    expect(programOf(['/bin/sh'], alpine)).toEqual({ kind: 'shell', shell: '/bin/sh' });
    expect(programOf(['sleep', '3600'], alpine)).toEqual({ kind: 'command', line: 'sleep 3600' });
    expect(programOf(['echo', 'a b'], alpine)).toEqual({ kind: 'command', line: "echo 'a b'" });
  });
});
