// The commands a workload has: the shell's builtins, the shells its distribution ships (`sh -c`
// included), curl and wget where its image has them, the programs its image adds (pip, node,
// nginx... handed in by its runtime), and whatever a package manager installed since (found in its
// files, as PATH finds it). A Docker container and a pod's container get the same table.
import type { CommandSpec, CommandTable } from '../../core/command/spec';
import { gnu } from '../../core/command/dialects';
import { accessFrom } from '../../core/store';
import { BUILTINS } from '../../shell/builtins';
import { commandTable, programPaths } from '../../shell/commands';
import { lookup, resolvePath, type DirNode } from '../../shell/fs';
import { runScript, type ShellRuntime } from '../../shell/interpreter';
import { parseScript } from '../../shell/parser';
import { curl } from '../../network/curl';
import { nslookup } from '../../network/nslookup';
import { ping } from '../../network/ping';
import { wget } from '../../network/wget';
import type { WorkloadImage } from '../image';
import { distroOf, hasCommand, type Distro } from './rootfs';

const repositoryOf = (image: WorkloadImage) => (image.tags[0] ?? '').split(':')[0].split('/').pop() ?? '';

/** The shells each distribution ships: Debian and Ubuntu have bash and dash, BusyBox images only ash. */
const SHELLS: Record<Distro, readonly string[]> = { debian: ['sh', 'bash', 'dash'], ubuntu: ['sh', 'bash', 'dash'], alpine: ['sh', 'ash'], busybox: ['sh', 'ash'], scratch: [] };

/**
 * `sh -c 'script'` (and `sh script`, or a script piped in) run by the shell inside the container:
 * what `docker run alpine sh -c "..."` and `docker exec web sh -c "..."` rely on.
 */
function shellProgram(name: string): CommandSpec {
  return {
    name,
    summary: 'command interpreter',
    usage: '[-c COMMAND | FILE]',
    dialect: gnu,
    rawArgs: true,
    *run(ctx) {
      const [first, ...rest] = ctx.command.args;
      let script: string;
      if (first === '-c') {
        if (rest[0] === undefined) {
          ctx.err(`${name}: -c requires an argument\n`);
          return 2;
        }
        script = rest[0];
      } else if (first !== undefined) {
        const file = lookup(ctx.machine.fs(), resolvePath(ctx.machine.shell().cwd, first));
        if (!file.ok || file.value.kind !== 'file') {
          ctx.err(`${name}: ${first}: No such file or directory\n`);
          return 127;
        }
        script = file.value.content;
      } else script = ctx.stdin ?? '';
      const parsed = parseScript(script);
      if (parsed.kind !== 'ok') {
        ctx.err(`${name}: syntax error: ${parsed.kind === 'incomplete' ? 'unexpected end of file' : parsed.message.replace(/^bash: syntax error /, '')}\n`);
        return 2;
      }
      const flavor = ctx.machine.identity().userland === 'busybox' ? 'ash' : name === 'bash' ? 'bash' : 'dash';
      const rt: ShellRuntime = { store: accessFrom(ctx), machine: ctx.machine, commands: ctx.commands, tty: ctx.tty, emit: (t) => ctx.out(t), quietExit: true, flavor, record: ctx.recording, services: ctx.services, budget: ctx.budget };
      return yield* runScript(parsed.script, rt, { stdin: first === undefined ? null : ctx.stdin, stdout: { write: (t) => ctx.out(t) }, stderr: { write: (t) => ctx.err(t) }, stdoutIsTty: ctx.tty !== null });
    },
  };
}

/** A command a package manager installed (its program file is there) that we cannot run. */
function installedOnly(name: string): CommandSpec {
  return {
    name,
    summary: `${name} (installed in this container)`,
    dialect: gnu,
    rawArgs: true,
    run(ctx) {
      ctx.err(`berth: ${name} is installed in this container, but running it is not simulated here\n`);
      return 1;
    },
  };
}

/**
 * `probe` looks at the container's files: a program a package manager installed after the image
 * was made (`apt-get install -y curl`) is found there, as PATH would find it.
 */
export function workloadCommands(image: WorkloadImage, tools: readonly CommandSpec[] = [], probe?: (path: string) => boolean): CommandTable {
  const table = staticCommands(image, tools);
  if (!probe) return table;
  const installable = new Map([curl, wget, ping].map((spec) => [spec.name, spec]));
  return {
    get(name) {
      const known = table.get(name);
      if (known || !/^[\w.+-]+$/.test(name)) return known;
      if (!['/usr/bin/', '/usr/local/bin/', '/bin/'].some((dir) => probe(`${dir}${name}`))) return undefined;
      return installable.get(name) ?? installedOnly(name);
    },
    names: () => table.names(),
  };
}

function staticCommands(image: WorkloadImage, tools: readonly CommandSpec[]): CommandTable {
  const repository = repositoryOf(image);
  // Programs a container may have beyond the shell's builtins (rootfs.ts hasCommand decides which).
  const networkTools = [curl, wget, ping, nslookup];
  // An image FROM scratch (hello-world) holds its one program and nothing else: no shell, no echo.
  if (distroOf(image.base) === 'scratch') return commandTable(tools);
  const shells = SHELLS[distroOf(image.base)].map(shellProgram);
  return commandTable([...BUILTINS, ...networkTools, ...tools].filter((spec) => spec.builtinOnly || hasCommand(image, repository, spec.name)).concat(shells));
}

/**
 * Whether runc could start `line`'s program, and if not runc's reason with the client's exit code:
 * 127 when it cannot be found, 126 when the path exists but is not a program (`/etc/passwd`, `/tmp`).
 */
export function executableExists(table: CommandTable, line: string, root?: DirNode): { ok: true } | { ok: false; name: string; detail: string; exitCode: 126 | 127 } {
  const first = line.trim().split(/\s+/)[0]?.replace(/^'|'$/g, '') ?? '';
  const name = first.split('/').pop() ?? first;
  const spec = table.get(name);
  const known = Boolean(spec);
  if (first.includes('/') && root) {
    const abs = first.startsWith('/') ? first : `/${first}`;
    // Programs are not files in our rootfs: one the image has is found where its spec says it lives.
    if (programPaths(spec).includes(abs)) return { ok: true };
    const found = lookup(root, abs);
    if (!found.ok) return { ok: false, name: first, detail: `exec: "${first}": stat ${first}: no such file or directory`, exitCode: 127 };
    return { ok: false, name: first, detail: `exec: "${first}": permission denied`, exitCode: 126 };
  }
  // The image's shells are in the table (alpine has sh and ash, no bash).
  if (known) return { ok: true };
  return { ok: false, name: first, detail: `exec: "${first}": executable file not found in $PATH`, exitCode: 127 };
}

