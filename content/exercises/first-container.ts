// Chapter 1: a container is a process on the laptop's kernel, with its own view and its own limits.
import { allContainers, dockerRan, type Exercise } from '@/simulators';

const MIB = 1024 * 1024;

/** A size as docker reads --memory (go-units RAMInBytes): 256m, 256M, 256MB, 256MiB, 268435456. */
function ramBytes(value: unknown): number | undefined {
  const m = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i.exec(String(value));
  if (!m) return undefined;
  const power = m[2] ? 'kmgtp'.indexOf(m[2].toLowerCase()) + 1 : 0;
  return Math.floor(Number(m[1]) * 1024 ** power);
}

export const firstContainer: Exercise = {
  id: 'first-container',
  title: 'Your first container',
  chapter: 'what-is-a-container',
  scenario: 'laptop',
  goal: 'Run a container, see that it lists only its own processes, and give one a memory limit the kernel enforces.',
  steps: [
    'Run `ps` in a busybox container and compare what it lists with `ps -ef` on the laptop.',
    'Ask a container for its kernel release with `uname -r`, and the laptop for its own.',
    'Start a busybox container limited to 256 MB of memory and read `/sys/fs/cgroup/memory.max` inside it.',
  ],
  hints: [
    '`docker run busybox ps` starts a container whose only job is to run `ps`.',
    'Add `--rm` to remove a container as soon as it exits.',
    'The limit is `--memory 256m` (or `-m 256m`); put it before the image name.',
  ],
  solution: ['docker run --rm busybox ps', 'docker run --rm busybox uname -r', 'uname -r', 'docker run --rm --memory 256m busybox cat /sys/fs/cgroup/memory.max'],
  checks: [
    {
      id: 'ps-in-a-container',
      kind: 'state',
      label: 'A container ran `ps` and listed only its own processes',
      passes: (w) => dockerRan(w, 'run', { where: (call) => call.args.slice(1)[0] === 'ps' }).length > 0 || w.record.commands.some((c) => !c.setup && c.machine.startsWith('container/') && c.argv[0] === 'ps' && c.exitCode === 0),
    },
    {
      id: 'same-kernel',
      kind: 'state',
      label: 'A container and the laptop both reported their kernel release',
      passes: (w) => {
        const inside = dockerRan(w, 'run', { where: (call) => call.args.slice(1).join(' ') === 'uname -r' }).length > 0 || w.record.commands.some((c) => !c.setup && c.machine.startsWith('container/') && c.argv.join(' ') === 'uname -r' && c.exitCode === 0);
        const outside = w.record.commands.some((c) => !c.setup && c.machine === 'laptop' && c.argv.join(' ') === 'uname -r' && c.exitCode === 0);
        return inside && outside;
      },
    },
    {
      id: 'memory-limit',
      kind: 'state',
      label: 'A container ran with a 256 MB memory limit',
      // With --rm the container is gone once it ran: the run that asked for the limit counts too.
      passes: (w) => allContainers(w).some((c) => c.hostConfig.memory === 256 * MIB && c.state.startedAt > 0) || dockerRan(w, 'run', { where: (call) => ramBytes(call.flags.memory) === 256 * MIB }).length > 0,
    },
    {
      id: 'lighter-than-a-vm',
      kind: 'quiz',
      label: 'Why a container starts faster and weighs less than a virtual machine',
      question: 'Why does a container start in milliseconds while a virtual machine takes many seconds?',
      answers: [
        { text: 'It shares the host’s kernel: starting one starts a process, with no operating system to boot.', correct: true, why: 'Right: the kernel is already running. A container is processes the kernel isolates (namespaces) and limits (cgroups); a VM boots a whole kernel of its own on emulated hardware.' },
        { text: 'Its image is compressed, so it loads faster.', correct: false, why: 'Images are compressed for download, but a VM disk image can be too. The difference is what starts: a process on a running kernel, against a whole operating system.' },
        { text: 'It runs without any isolation from the host.', correct: false, why: 'A container is isolated: its own processes, file system, network and limits. The isolation comes from the shared kernel, not from emulated hardware.' },
        { text: 'Docker keeps it running in the background all the time.', correct: false, why: 'Nothing runs until you start it; `docker run` creates and starts the process on the spot.' },
      ],
    },
  ],
};
