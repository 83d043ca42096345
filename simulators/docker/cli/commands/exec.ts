// docker exec: a new process in a running container. One-off commands print their output and
// exit with the command's code; `-it sh` hands the terminal to a shell inside, and leaving that
// shell leaves the container running (unlike `docker run -it`, whose shell IS the container).
import type { CommandContext, Effect } from '../../../core/process';
import { accessFrom } from '../../../core/store';
import type { WorldAccess } from '../../../world';
import { programPaths } from '../../../shell/commands';
import { lookup } from '../../../shell/fs';
import { runScript, type ShellRuntime } from '../../../shell/interpreter';
import { parseScript } from '../../../shell/parser';
import type { ProcessInfo } from '../../../shell/processes';
import { containerMachine, containerShellState, imageOf } from '../../engine/container-machine';
import { findContainer, setContainer } from '../../engine/container-table';
import { runOffline } from '../../../workloads/sandbox/program-run';
import { containerCommands, containerRunner } from '../../engine/exec';
import type { ImageView } from '../../engine/images';
import { distroOf } from '../../../workloads/sandbox/rootfs';
import type { Container } from '../../state';
import { daemonError } from '../output';
import { dockerCommand } from '../spec';
import { containerShell } from './attach';

type Run = Generator<Effect, number, string | null>;

const SHELLS: Record<string, readonly string[]> = {
  debian: ['sh', 'bash', 'dash'],
  ubuntu: ['sh', 'bash', 'dash'],
  alpine: ['sh', 'ash'],
  busybox: ['sh', 'ash'],
  scratch: [],
};

const baseName = (path: string) => path.split('/').pop() || path;

/** Whether the container has this program (exec runs programs, never shell builtins such as cd). */
function programExists(image: ImageView, program: string, probe: (path: string) => boolean): boolean {
  const spec = containerCommands(image, [], probe).get(baseName(program));
  if (!spec) return false;
  return programPaths(spec).length > 0;
}

const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** runc's refusal, worded as the daemon passes it on (exit 127: the command cannot be found). */
function ociError(ctx: CommandContext, detail: string): number {
  // docker/cli#2025: the client prints this on stdout.
  ctx.out(`OCI runtime exec failed: exec failed: unable to start container process: ${detail}: unknown\n`);
  return 127;
}

/** `-e A=1` as given, `-e A` from the client's environment (left out when unset there). */
function parseEnv(ctx: CommandContext): string[] {
  return (ctx.command.flags.env as string[]).flatMap((e) => (e.includes('=') ? [e] : e in ctx.env ? [`${e}=${ctx.env[e]}`] : []));
}

/** Each exec starts like a new process: the container's env plus -e, in -w or the image's WORKDIR. */
function freshShell(container: Container, env: string[], workdir: string | undefined, tty: boolean): Container {
  const base = containerShellState({ ...container, shell: undefined });
  const vars = { ...base.vars };
  for (const e of env) {
    const eq = e.indexOf('=');
    vars[e.slice(0, eq)] = e.slice(eq + 1);
  }
  if (tty) vars.TERM = 'xterm';
  const cwd = workdir ?? base.cwd;
  vars.PWD = cwd;
  const exported = [...new Set([...base.exported, ...Object.keys(vars)])];
  return { ...container, shell: { ...base, cwd, vars, exported, history: container.shell?.history ?? [] } };
}

export const exec = dockerCommand('exec', {
  args: [{ name: 'CONTAINER' }, { name: 'COMMAND' }, { name: 'ARG', optional: true, variadic: true }],
  stopAtFirstArg: true,
  *run(ctx): Run {
    const f = ctx.command.flags;
    const [ref, ...argv] = ctx.command.args;
    yield { type: 'wait', ms: 30 };
    const found = findContainer(ctx.world().docker, ref);
    if (!found) return daemonError(ctx, `No such container: ${ref}`);
    const tty = Boolean(f.tty);
    const interactive = Boolean(f.interactive);
    if (!f.detach && tty && interactive && ctx.stdin !== null) {
      ctx.err('the input device is not a TTY\n');
      return 1;
    }
    const status = found.state.status;
    if (status === 'paused') return daemonError(ctx, `Container ${ref} is paused, unpause the container before exec`);
    if (status === 'restarting') return daemonError(ctx, `Container ${found.id} is restarting, wait until the container is running`);
    if (status !== 'running') return daemonError(ctx, `container ${found.id} is not running`);
    const image = imageOf(ctx.world(), found);
    if (!image) return daemonError(ctx, `No such image: ${found.image}`);

    const program = argv[0];
    const files = containerMachine(accessFrom(ctx), found.id).fs();
    if (!programExists(image, program, (path) => lookup(files, path).ok)) {
      if (program.includes('/')) return ociError(ctx, `exec: "${program}": stat ${program}: no such file or directory`);
      return ociError(ctx, `exec: "${program}": executable file not found in $PATH`);
    }
    const workdir = f.workdir ? String(f.workdir) : undefined;
    if (workdir !== undefined) {
      const dir = containerMachine(accessFrom(ctx), found.id).fs();
      const at = lookup(dir, workdir.startsWith('/') ? workdir : `/${workdir}`);
      if (!at.ok || at.value.kind !== 'dir') return ociError(ctx, `chdir to cwd ("${workdir}") set in config.json failed: no such file or directory`);
    }

    // The exec'd process: a new pid inside, child of nobody there (ppid 0), as `ps` shows it.
    const user = f.user ? String(f.user) : found.config.user || 'root';
    const pid = 7 + (found.shell?.history.length ?? 0);
    const now = ctx.world().clock.now;
    const self: ProcessInfo = { pid, ppid: 0, user, tty: tty ? 'pts/0' : '?', stat: tty ? 'Ss+' : 'Rs', started: now, cpuSeconds: 0, vszKb: 4_300, rssKb: 3_200, command: argv.join(' '), name: baseName(program) };
    const previousUser = found.config.user;
    ctx.update((w) => setContainer(w, freshShell({ ...found, config: { ...found.config, user: f.user ? user : previousUser } }, parseEnv(ctx), workdir, tty)));
    const restoreUser = () => ctx.update((w) => (w.docker.containers[found.id] ? setContainer(w, { ...w.docker.containers[found.id], config: { ...w.docker.containers[found.id].config, user: previousUser } }) : w));

    try {
      const store = accessFrom(ctx);
      const shellName = baseName(program);
      const isShell = SHELLS[distroOf(image.base)].includes(shellName);
      if (f.detach) {
        // Detached: it runs in the background; its output goes nowhere.
        runOffline(store, containerRunner(found.id, argv.map(quote).join(' '), image), null, ctx.services);
        return 0;
      }
      if (isShell && argv.length === 1) {
        // A shell reads its commands: from the terminal with -it, from a pipe with -i, else nothing.
        if (interactive && ctx.stdin !== null) return yield* runLine(ctx, store, found.id, image, ctx.stdin, { pid, self, tty });
        if (!interactive) return 0;
        // The shell is listed beside PID 1; what is typed in it runs as its children (ps lists itself).
        const shell = containerShell(store, found.id, image, { shell: program, extraProcesses: () => [self], services: ctx.services });
        const result: string | null = yield { type: 'shell', shell };
        return Number(result ?? 0) || 0;
      }
      return yield* runLine(ctx, store, found.id, image, argv.map(quote).join(' '), { pid, self, tty, stdin: interactive ? ctx.stdin : null });
    } finally {
      restoreUser();
    }
  },
});

/** Runs a command line in the container, its stdout and stderr kept apart as docker exec keeps them. */
function* runLine(
  ctx: CommandContext,
  store: WorldAccess,
  id: string,
  image: ImageView,
  line: string,
  options: { pid: number; self: ProcessInfo; tty: boolean; stdin?: string | null },
): Run {
  const machine = containerMachine(store, id, { extraProcesses: () => [options.self], selfPid: options.pid });
  const rt: ShellRuntime = { store, machine, commands: containerCommands(image, [], (path) => lookup(machine.fs(), path).ok), tty: options.tty ? ctx.tty ?? { cols: 80, rows: 24 } : null, emit: (t) => ctx.out(t), quietExit: true, record: ctx.recording, services: ctx.services, budget: ctx.budget };
  const parsed = parseScript(line);
  if (parsed.kind !== 'ok') {
    ctx.err(`sh: syntax error: ${parsed.kind === 'incomplete' ? 'unexpected end of file' : parsed.message.replace(/^bash: syntax error /, '')}\n`);
    return 2;
  }
  // With -t, everything goes to the terminal together; without it, stderr stays stderr.
  const streams = { stdin: options.stdin ?? null, stdout: { write: (t: string) => ctx.out(t) }, stderr: { write: (t: string) => (options.tty ? ctx.out(t) : ctx.err(t)) }, stdoutIsTty: options.tty && ctx.tty !== null };
  return yield* runScript(parsed.script, rt, streams);
}
