// The programs an image gives its containers beyond the shell's builtins: pip and python, npm and
// node, apt-get and apk, nginx and redis-cli, and the everyday tools that exist but are not
// modelled (they succeed quietly). Used by a running container (exec.ts) and by a build's RUN step.
import type { CommandContext, Effect } from '../../core/process';
import type { CommandSpec } from '../../core/command/spec';
import { bashBuiltin } from '../../core/command/dialects';
import { distroOf, type Distro } from '../../workloads/sandbox/rootfs';
import { lookup, mkdir, resolvePath, setAttributes, writeFile, type DirNode } from '../../shell/fs';
import { parseMode } from '../../shell/builtins/files';
import {
  APT_LISTS_MARKER,
  APT_UPDATE_LINES,
  parseRequirement,
  planApk,
  planApt,
  planNpm,
  planPip,
  requirementsFile,
  type Requirement,
} from '../packages';
import { pythonRepl, runPython, Unsupported } from '../python';
import { distInfoPath, installedPython, normalizePy } from '../python/site-packages';
import { LINE_WORK_LIMIT, WorkExhausted, type WorkBudget } from '../../core/budget';
import { fillPlaceholders } from '../../network/placeholders';

export interface StepImage {
  /** The distribution underneath (`debian:bookworm`, `alpine:3.21`). */
  base: string;
  /** The catalog repository it descends from (`python`, `node`), for the tools it ships. */
  repository: string;
  /** True for the slim variants (fewer tools). */
  slim: boolean;
  files: Record<string, string>;
  dirs: string[];
}

export const ROOT = { user: 'root', now: 0 };
/** Paths the engine writes per container, never part of a layer. */
export const VOLATILE = /^\/(proc|sys|dev)\/|^\/etc\/(hostname|hosts|resolv\.conf)$/;

export interface Sink {
  bytes: number;
  /** True in a running container (a learner's prompt), false during a build step. */
  interactive?: boolean;
}

function fsActor(ctx: CommandContext) {
  return { user: 'root', now: ctx.machine.now() };
}

function write(ctx: CommandContext, path: string, content: string) {
  let fs = ctx.machine.fs();
  const parent = path.slice(0, path.lastIndexOf('/')) || '/';
  const made = mkdir(fs, parent, fsActor(ctx), { parents: true });
  if (made.ok) fs = made.value;
  const written = writeFile(fs, path, content, fsActor(ctx));
  if (written.ok) ctx.machine.setFs(written.value);
}

function read(ctx: CommandContext, path: string): string | undefined {
  const node = lookup(ctx.machine.fs(), resolvePath(ctx.machine.shell().cwd, path));
  return node.ok && node.value.kind === 'file' ? node.value.content : undefined;
}

function* lines(ctx: CommandContext, out: { text: string; ms: number }[], stream: 'out' | 'err' = 'out'): Generator<Effect, void, string | null> {
  for (const l of out) {
    if (l.ms > 0) yield { type: 'wait', ms: Math.round(l.ms) };
    if (stream === 'out') ctx.out(`${l.text}\n`);
    else ctx.err(`${l.text}\n`);
  }
}

// Marked builtinOnly so that the container's own command filter (made for the catalog images
// as pulled) keeps them: whether the image has each one is decided here, in toolsFor.
const tool = (name: string, run: CommandSpec['run'], aliases?: string[]): CommandSpec => ({ name, summary: name, dialect: bashBuiltin, rawArgs: true, helpIsArg: true, builtinOnly: true, args: [{ name: 'ARG', optional: true, variadic: true }], run, aliases });

/** Everyday commands that exist in the image but whose effect does not matter here. */
const quiet = (name: string) => tool(name, () => 0);

function allFiles(ctx: CommandContext): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: DirNode, path: string) => {
    for (const [name, node] of Object.entries(dir.children)) {
      const p = `${path}/${name}`;
      if (node.kind === 'dir') walk(node, p);
      else out[p] = node.content;
    }
  };
  walk(ctx.machine.fs(), '');
  return out;
}

function pipTool(sink: Sink): CommandSpec {
  return tool(
    'pip',
    function* (ctx) {
      const argv = [...ctx.command.args];
      if (!argv.length || argv[0] === '--version' || argv[0] === '-V') {
        if (!argv.length) {
          ctx.out('\nUsage:   \n  pip <command> [options]\n');
          return 0;
        }
        ctx.out('pip 24.3.1 from /usr/local/lib/python3.12/site-packages/pip (python 3.12)\n');
        return 0;
      }
      const sub = argv.shift()!;
      const installed = installedPython(allFiles(ctx));
      if (sub === 'freeze' || sub === 'list') {
        const rows = Object.entries(installed).sort(([a], [b]) => (a < b ? -1 : 1));
        if (sub === 'freeze') ctx.out(rows.map(([n, v]) => `${n}==${v}\n`).join(''));
        else {
          const all = [...rows, ['pip', '24.3.1']].sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
          const w = Math.max(7, ...all.map(([n]) => n.length));
          ctx.out(`${'Package'.padEnd(w)} Version\n${'-'.repeat(w)} -------\n${all.map(([n, v]) => `${n.padEnd(w)} ${v}\n`).join('')}`);
        }
        return 0;
      }
      if (sub !== 'install') {
        ctx.err(`ERROR: unknown command "${sub}"\n`);
        return 1;
      }
      const reqs: Requirement[] = [];
      let quietFlag = false;
      let warnRoot = ctx.machine.identity().user === 'root';
      let upgradePip = false;
      for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const file = a === '-r' || a === '--requirement' ? argv[++i] : a.startsWith('--requirement=') ? a.slice(14) : a.startsWith('-r') && a.length > 2 ? a.slice(2) : undefined;
        if (file !== undefined) {
          const content = read(ctx, file);
          if (content === undefined) {
            ctx.err(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${file}'\n`);
            return 1;
          }
          reqs.push(...requirementsFile(content, file));
        } else if (a === '-q' || a === '--quiet' || a === '-qq') quietFlag = true;
        else if (a.startsWith('--root-user-action')) warnRoot = false;
        else if (a === '--prefix' || a === '--target' || a === '-t' || a === '-i' || a === '--index-url' || a === '-c' || a === '--constraint') i++;
        else if (a.startsWith('-') || a === '.' || a.startsWith('./') || a.startsWith('/')) continue;
        else if (normalizePy(a) === 'pip') upgradePip = true;
        else {
          const r = parseRequirement(a);
          if (r) reqs.push(r);
        }
      }
      if (!reqs.length) {
        if (upgradePip) {
          ctx.out('Requirement already satisfied: pip in /usr/local/lib/python3.12/site-packages (24.3.1)\n');
          if (warnRoot) ctx.out(planPip([], {}, { root: true }).lines.map((l) => `${l.text}\n`).join(''));
          return 0;
        }
        ctx.err('ERROR: You must give at least one requirement to install (see "pip help install")\n');
        return 1;
      }
      if (ctx.machine.identity().user !== 'root') ctx.out('Defaulting to user installation because normal site-packages is not writeable\n');
      const plan = planPip(reqs, installed, { quiet: quietFlag, root: warnRoot });
      if (plan.failed) {
        yield { type: 'wait', ms: plan.ms };
        for (const l of plan.lines) ctx.err(`${l.text}\n`);
        return 1;
      }
      yield { type: 'wait', ms: 500 };
      yield* lines(ctx, plan.lines);
      for (const p of plan.installed) {
        write(ctx, distInfoPath(p.name, p.version), `Metadata-Version: 2.1\nName: ${p.display}\nVersion: ${p.version}\n`);
        if (p.info.script) write(ctx, `/usr/local/bin/${p.info.script}`, `#!/usr/local/bin/python3.12\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom ${normalizePy(p.name).replace(/-/g, '_')} import main\n`);
      }
      sink.bytes += plan.bytes;
      return 0;
    },
    ['pip3', 'pip3.12'],
  );
}

/** Units of the line's budget a program leaves unspent, so that what it printed can still be shown. */
const OUTPUT_RESERVE = LINE_WORK_LIMIT / 8;

/** The line's budget as a program running to completion before it prints sees it: it ends a little before the line does. */
function programBudget(line: WorkBudget): Pick<WorkBudget, 'spend'> {
  return {
    spend(units = 1) {
      if (line.used + units > line.limit - OUTPUT_RESERVE) throw new WorkExhausted();
      line.spend(units);
    },
  };
}

function pythonTool(sink: Sink, pip: CommandSpec, catalog: ToolsCatalog): CommandSpec {
  return tool(
    'python',
    function* (ctx) {
      const argv = [...ctx.command.args].filter((a) => a !== '-u' && a !== '-B' && a !== '-O');
      if (argv[0] === '--version' || argv[0] === '-V') {
        ctx.out(`Python ${ctx.env.PYTHON_VERSION ?? '3.12.8'}\n`);
        return 0;
      }
      if (argv[0] === '-m' && argv[1] === 'pip') {
        const sub: CommandContext = { ...ctx, command: { ...ctx.command, args: argv.slice(2) } };
        return yield* (pip.run!(sub) as Generator<Effect, number, string | null>);
      }
      if (argv[0] === '-m' && argv[1] === 'venv' && argv[2]) {
        const dir = resolvePath(ctx.machine.shell().cwd, argv[2]);
        write(ctx, `${dir}/pyvenv.cfg`, 'home = /usr/local/bin\ninclude-system-site-packages = false\nversion = 3.12.8\nexecutable = /usr/local/bin/python3.12\n');
        write(ctx, `${dir}/bin/activate`, '# This file must be used with "source bin/activate" *from bash*\n');
        sink.bytes += 14_500_000;
        yield { type: 'wait', ms: 2400 };
        return 0;
      }
      let source: string | undefined;
      let file = '-c';
      if (argv[0] === '-c') source = argv[1] ?? '';
      else if (argv[0] === '-m') {
        ctx.err(`/usr/local/bin/python: No module named ${argv[1]}\n`);
        return 1;
      } else if (argv[0]) {
        file = resolvePath(ctx.machine.shell().cwd, argv[0]);
        source = read(ctx, argv[0]);
        if (source === undefined) {
          ctx.err(`python: can't open file '${file}': [Errno 2] No such file or directory\n`);
          return 2;
        }
      }
      if (source === undefined && argv.length === 0 && ctx.stdin !== null) {
        source = ctx.stdin;
        file = '<stdin>';
      }
      if (source === undefined) {
        if (!sink.interactive) return 0;
        if (ctx.tty === null) return 0; // python with nothing to read: stdin is empty, it ends at once
        // At a terminal: Python's interactive prompt, until exit() or Ctrl-D.
        ctx.out(`${pythonBanner(catalog, ctx.env.PYTHON_VERSION ?? '3.12.8')}\n`);
        const installed = installedPython(allFiles(ctx));
        const repl = pythonRepl({ env: { ...ctx.env }, cwd: ctx.machine.shell().cwd, installed: (m) => normalizePy(m) in installed, maxSteps: 50_000 });
        const code: string | null = yield { type: 'shell', shell: repl };
        return Number(code ?? 0) || 0;
      }
      try {
        const installed = installedPython(allFiles(ctx));
        const env = Object.fromEntries(Object.entries(ctx.env));
        // The line's budget: what the script does counts with everything else the line does.
        const result = runPython(source, { file: file === '-c' ? '<string>' : file, env, cwd: ctx.machine.shell().cwd, argv: argv.slice(0), installed: (m) => normalizePy(m) in installed, budget: programBudget(ctx.budget) });
        let at = 0;
        for (const o of result.output) {
          if (o.atMs > at) {
            yield { type: 'wait', ms: o.atMs - at };
            at = o.atMs;
          }
          if (o.stream === 'stdout') ctx.out(o.text);
          else ctx.err(o.text);
        }
        // Out of budget: what it printed stays, and the line is cut as Ctrl-C would cut it.
        if (result.interrupted) throw new WorkExhausted();
        if (result.ms > at) yield { type: 'wait', ms: result.ms - at };
        return result.exitCode;
      } catch (e) {
        if (e instanceof Unsupported) {
          // A build cannot tell, so it goes on; a learner at a prompt is told plainly.
          if (sink.interactive) {
            ctx.err(`berth: this script uses Python that is not simulated here (${e.message})\n`);
            return 1;
          }
          return 0;
        }
        throw e;
      }
    },
    ['python3', 'python3.12'],
  );
}

function npmTool(sink: Sink): CommandSpec {
  const logPath = '/root/.npm/_logs/2025-03-03T09_00_00_000Z-debug-0.log';
  return tool('npm', function* (ctx) {
    const argv = [...ctx.command.args];
    const sub = argv.shift();
    if (!sub || sub === '--version' || sub === '-v') {
      ctx.out(sub ? '10.9.2\n' : 'npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\n');
      return sub ? 0 : 1;
    }
    const cwd = ctx.machine.shell().cwd;
    const pkgText = read(ctx, 'package.json');
    let pkg: { name?: string; version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; scripts?: Record<string, string> } | undefined;
    try {
      pkg = pkgText === undefined ? undefined : JSON.parse(pkgText);
    } catch {
      ctx.err(`npm error code EJSONPARSE\nnpm error path ${cwd}/package.json\nnpm error JSON.parse Invalid package.json\nnpm error A complete log of this run can be found in: ${logPath}\n`);
      return 1;
    }
    if (['install', 'i', 'add', 'ci'].includes(sub)) {
      const wanted = argv.filter((a) => !a.startsWith('-'));
      const production = argv.some((a) => a === '--production' || a === '--omit=dev' || a === '--only=production' || a === '--only=prod');
      if (sub === 'ci' && read(ctx, 'package-lock.json') === undefined) {
        yield { type: 'wait', ms: 300 };
        ctx.err(
          `npm error code EUSAGE\nnpm error\nnpm error The \`npm ci\` command can only install with an existing package-lock.json or\nnpm error npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or\nnpm error later to generate a package-lock.json file, then try again.\nnpm error\nnpm error Clean install a project\nnpm error\nnpm error Usage:\nnpm error npm ci\nnpm error\nnpm error Options:\nnpm error [--install-strategy <hoisted|nested|shallow|linked>] [--legacy-bundling]\nnpm error [--global-style] [--omit <dev|optional|peer> [--omit <dev|optional|peer> ...]]\nnpm error [--include <prod|dev|optional|peer> [--include <prod|dev|optional|peer> ...]]\nnpm error [--strict-peer-deps] [--foreground-scripts] [--ignore-scripts] [--no-audit]\nnpm error [--no-bin-links] [--no-fund] [--dry-run]\nnpm error [-w|--workspace <workspace-name> [-w|--workspace <workspace-name> ...]]\nnpm error [-ws|--workspaces] [--include-workspace-root] [--install-links]\nnpm error\nnpm error aliases: clean-install, ic, install-clean, isntall-clean\nnpm error\nnpm error Run "npm help ci" for more info\nnpm error A complete log of this run can be found in: ${logPath}\n`,
        );
        return 1;
      }
      if (!pkg && !wanted.length) {
        yield { type: 'wait', ms: 200 };
        ctx.err(
          `npm error code ENOENT\nnpm error syscall open\nnpm error path ${cwd}/package.json\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${cwd}/package.json'\nnpm error enoent This is related to npm not being able to find a file.\nnpm error enoent\nnpm error A complete log of this run can be found in: ${logPath}\n`,
        );
        return 254;
      }
      const deps: Record<string, string> = { ...(pkg?.dependencies ?? {}), ...(production ? {} : pkg?.devDependencies ?? {}) };
      for (const w of wanted) {
        const at = w.lastIndexOf('@');
        const [name, version] = at > 0 ? [w.slice(0, at), w.slice(at + 1)] : [w, ''];
        deps[name] = version || `^${planNpm({ [name]: '' }).installed[0][1]}`;
      }
      const plan = planNpm(wanted.length ? Object.fromEntries(wanted.map((w) => [w.replace(/(.)@.*$/, '$1'), deps[w.replace(/(.)@.*$/, '$1')]])) : deps);
      yield { type: 'wait', ms: plan.ms };
      ctx.out(plan.lines.slice(0, plan.lines.indexOf('npm notice')).map((l) => `${l}\n`).join(''));
      ctx.err(plan.lines.slice(plan.lines.indexOf('npm notice')).map((l) => `${l}\n`).join(''));
      for (const [name, version] of plan.installed) write(ctx, `${cwd}/node_modules/${name}/package.json`, `${JSON.stringify({ name, version }, null, 2)}\n`);
      if (wanted.length) {
        const next = { name: pkg?.name ?? cwd.split('/').pop() ?? 'app', version: pkg?.version ?? '1.0.0', ...pkg, dependencies: { ...(pkg?.dependencies ?? {}), ...Object.fromEntries(wanted.map((w) => [w.replace(/(.)@.*$/, '$1'), deps[w.replace(/(.)@.*$/, '$1')]])) } };
        write(ctx, `${cwd}/package.json`, `${JSON.stringify(next, null, 2)}\n`);
      }
      if (sub !== 'ci') write(ctx, `${cwd}/package-lock.json`, `${JSON.stringify({ name: pkg?.name ?? 'app', version: pkg?.version ?? '1.0.0', lockfileVersion: 3, requires: true, packages: {} }, null, 2)}\n`);
      sink.bytes += plan.bytes;
      return 0;
    }
    if (sub === 'run' || sub === 'start' || sub === 'test' || sub === 'run-script') {
      const name = sub === 'run' || sub === 'run-script' ? argv[0] : sub;
      const script = pkg?.scripts?.[name ?? ''];
      if (!pkg) {
        ctx.err(`npm error code ENOENT\nnpm error syscall open\nnpm error path ${cwd}/package.json\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${cwd}/package.json'\nnpm error A complete log of this run can be found in: ${logPath}\n`);
        return 254;
      }
      if (!script) {
        ctx.err(`npm error Missing script: "${name}"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\nnpm error A complete log of this run can be found in: ${logPath}\n`);
        return 1;
      }
      ctx.out(`\n> ${pkg.name ?? 'app'}@${pkg.version ?? '1.0.0'} ${name}\n> ${script}\n\n`);
      yield { type: 'wait', ms: 1500 };
      sink.bytes += 40_000;
      return 0;
    }
    return 0;
  });
}

function aptTool(name: 'apt-get' | 'apt', sink: Sink): CommandSpec {
  return tool(name, function* (ctx) {
    const argv = [...ctx.command.args];
    if (name === 'apt') ctx.err('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    const words = argv.filter((a) => !a.startsWith('-'));
    const sub = words.shift();
    const yes = argv.some((a) => a === '-y' || a === '--yes' || a === '-qy' || a === '-yq' || a === '--assume-yes' || /^-[a-z]*y/.test(a));
    const quietly = argv.some((a) => /^-q+$/.test(a) || a === '-qq');
    if (sub === 'update') {
      yield { type: 'wait', ms: 1400 };
      if (!quietly) ctx.out(APT_UPDATE_LINES.map((l) => `${l}\n`).join(''));
      write(ctx, APT_LISTS_MARKER, '');
      sink.bytes += 18_000_000;
      return 0;
    }
    if (sub === 'install') {
      const pkgs = words.map((w) => w.replace(/=.*$/, ''));
      const plan = planApt(pkgs, read(ctx, APT_LISTS_MARKER) !== undefined);
      if (plan.code) {
        yield { type: 'wait', ms: plan.ms };
        ctx.out(plan.lines.slice(0, -1).map((l) => `${l}\n`).join(''));
        ctx.err(`${plan.lines[plan.lines.length - 1]}\n`);
        return plan.code;
      }
      const confirm = plan.lines.findIndex((l) => l.startsWith('After this operation'));
      if (!yes) {
        ctx.out(plan.lines.slice(0, confirm + 1).map((l) => `${l}\n`).join(''));
        ctx.out('Do you want to continue? [Y/n] Abort.\n');
        return 1;
      }
      yield* lines(ctx, plan.lines.map((text, i) => ({ text, ms: i === 0 ? 300 : i > confirm ? plan.ms / plan.lines.length : 5 })));
      for (const p of pkgs) write(ctx, `/usr/bin/${p}`, '');
      sink.bytes += plan.bytes;
      return 0;
    }
    if (sub === 'upgrade' || sub === 'dist-upgrade') {
      yield { type: 'wait', ms: 900 };
      ctx.out('Reading package lists...\nBuilding dependency tree...\nReading state information...\nCalculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
      return 0;
    }
    if (sub === 'clean' || sub === 'autoclean') return 0;
    if (sub === 'remove' || sub === 'purge' || sub === 'autoremove') {
      yield { type: 'wait', ms: 500 };
      ctx.out('Reading package lists...\nBuilding dependency tree...\nReading state information...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
      return 0;
    }
    ctx.err(`E: Invalid operation ${sub ?? ''}\n`);
    return 100;
  });
}

function apkTool(sink: Sink): CommandSpec {
  return tool('apk', function* (ctx) {
    const argv = [...ctx.command.args];
    const words = argv.filter((a) => !a.startsWith('-'));
    const sub = words.shift();
    if (sub === 'update') {
      yield { type: 'wait', ms: 700 };
      ctx.out('fetch https://dl-cdn.alpinelinux.org/alpine/v3.21/main/x86_64/APKINDEX.tar.gz\nfetch https://dl-cdn.alpinelinux.org/alpine/v3.21/community/x86_64/APKINDEX.tar.gz\nv3.21.2-76-g8fe6b8ff0e5 [https://dl-cdn.alpinelinux.org/alpine/v3.21/main]\nv3.21.2-75-g1d2bd0b1bbd [https://dl-cdn.alpinelinux.org/alpine/v3.21/community]\nOK: 25397 distinct packages available\n');
      return 0;
    }
    if (sub === 'add') {
      const plan = planApk(words.filter((w) => !w.startsWith('.')).map((w) => w.replace(/[=~<>].*$/, '')));
      yield { type: 'wait', ms: plan.ms };
      ctx.out(plan.lines.filter((l) => !l.startsWith('ERROR') && !l.startsWith('  ')).map((l) => `${l}\n`).join(''));
      if (plan.code) {
        ctx.err(plan.lines.filter((l) => l.startsWith('ERROR') || l.startsWith('  ')).map((l) => `${l}\n`).join(''));
        return plan.code;
      }
      for (const w of words) write(ctx, `/usr/bin/${w}`, '');
      sink.bytes += plan.bytes;
      return 0;
    }
    if (sub === 'del') return 0;
    return 0;
  });
}

function userTools(distro: Distro): CommandSpec[] {
  const addUser = (ctx: CommandContext, name: string, system: boolean) => {
    const passwd = read(ctx, '/etc/passwd') ?? '';
    if (passwd.split('\n').some((l) => l.startsWith(`${name}:`))) return false;
    const uids = passwd.split('\n').map((l) => Number(l.split(':')[2])).filter((n) => n < 60000);
    const uid = Math.max(system ? 100 : 999, ...uids.filter((n) => (system ? n < 1000 : n >= 1000))) + 1;
    write(ctx, '/etc/passwd', `${passwd}${passwd.endsWith('\n') || !passwd ? '' : '\n'}${name}:x:${uid}:${uid}::/home/${name}:${distro === 'alpine' || distro === 'busybox' ? '/bin/sh' : '/bin/sh'}\n`);
    return true;
  };
  const addGroup = (ctx: CommandContext, name: string) => {
    const group = read(ctx, '/etc/group') ?? 'root:x:0:\n';
    if (group.split('\n').some((l) => l.startsWith(`${name}:`))) return false;
    write(ctx, '/etc/group', `${group}${name}:x:${1000 + group.split('\n').length}:\n`);
    return true;
  };
  const lastWord = (args: readonly string[]) => [...args].reverse().find((a, i, all) => !a.startsWith('-') && !(all[i + 1] ?? '').match(/^-[ugGdhsckK]$|^--(uid|gid|home|shell|groups|comment|home-dir|ingroup)$/));
  return [
    tool('useradd', (ctx) => {
      const name = lastWord(ctx.command.args);
      if (!name) return 2;
      if (!addUser(ctx, name, ctx.command.args.includes('-r') || ctx.command.args.includes('--system'))) {
        ctx.err(`useradd: user '${name}' already exists\n`);
        return 9;
      }
      return 0;
    }),
    tool('adduser', (ctx) => {
      const name = lastWord(ctx.command.args);
      if (!name) return 1;
      if (!addUser(ctx, name, ctx.command.args.some((a) => a === '-S' || a === '--system'))) {
        ctx.err(distro === 'debian' || distro === 'ubuntu' ? `fatal: The user \`${name}' already exists.\n` : `adduser: user '${name}' in use\n`);
        return 1;
      }
      return 0;
    }),
    tool('groupadd', (ctx) => {
      const name = lastWord(ctx.command.args);
      if (name && !addGroup(ctx, name)) {
        ctx.err(`groupadd: group '${name}' already exists\n`);
        return 9;
      }
      return 0;
    }, ['addgroup']),
    tool('chmod', (ctx) => {
      const [mode, ...paths] = ctx.command.args.filter((a) => a !== '-R' && a !== '-v');
      const bits = parseMode(mode ?? '') ?? (/^[+-]?[ugoa]*[+-=][rwxXst]+$/.test(mode ?? '') ? (mode!.includes('x') ? 0o755 : 0o644) : undefined);
      for (const p of paths) {
        const path = resolvePath(ctx.machine.shell().cwd, p);
        if (!lookup(ctx.machine.fs(), path).ok) {
          ctx.err(`chmod: cannot access '${p}': No such file or directory\n`);
          return 1;
        }
        if (bits !== undefined) {
          const r = setAttributes(ctx.machine.fs(), path, { mode: bits }, fsActor(ctx));
          if (r.ok) ctx.machine.setFs(r.value);
        }
      }
      return 0;
    }),
    tool('chown', (ctx) => {
      const [, ...paths] = ctx.command.args.filter((a) => !a.startsWith('-'));
      for (const p of paths) {
        if (!lookup(ctx.machine.fs(), resolvePath(ctx.machine.shell().cwd, p)).ok) {
          ctx.err(`chown: cannot access '${p}': No such file or directory\n`);
          return 1;
        }
      }
      return 0;
    }),
  ];
}

/** `version`: the image's NODE_VERSION (node:22 is 22.12.0, node:latest 23.6.0). */
function nodeTool(sink: Sink, version = '22.12.0'): CommandSpec {
  return tool('node', (ctx) => {
    const [first, second] = ctx.command.args;
    if (first === '--version' || first === '-v') {
      ctx.out(`v${version}\n`);
      return 0;
    }
    const source = first === '-e' || first === '--eval' ? second ?? '' : first ? read(ctx, first) : '';
    if (source === undefined) {
      const path = resolvePath(ctx.machine.shell().cwd, first);
      ctx.err(`node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${path}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at Module._load (node:internal/modules/cjs/loader:1051:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${version}\n`);
      return 1;
    }
    // Only console.log of a literal is understood; at a prompt anything else is said to be unmodelled.
    const calls = /console\.log\(\s*(?:(['"`])((?:\\.|(?!\1).)*)\1|(-?\d+(?:\.\d+)?|true|false|null))\s*\);?/g;
    for (const m of source.matchAll(calls)) ctx.out(`${m[2] ?? m[3]}\n`);
    if (sink.interactive && source.replace(calls, '').replace(/\/\/.*$/gm, '').trim()) {
      ctx.err('berth: only console.log of a literal is simulated in node here\n');
      return 1;
    }
    return 0;
  });
}

/** nginx's own command in its image: version, config test and signals to the running master. */
function nginxTool(version: string): CommandSpec {
  return tool('nginx', (ctx) => {
    const [flag, value] = ctx.command.args;
    const conf = '/etc/nginx/nginx.conf';
    switch (flag) {
      case '-v':
        ctx.err(`nginx version: nginx/${version}\n`);
        return 0;
      case '-t':
        ctx.err(`nginx: the configuration file ${conf} syntax is ok\nnginx: configuration file ${conf} test is successful\n`);
        return 0;
      case '-s':
        if (!['stop', 'quit', 'reopen', 'reload'].includes(value ?? '')) {
          ctx.err(`nginx: invalid option: "-s ${value ?? ''}"\n`);
          return 1;
        }
        if (value === 'reload' || value === 'reopen') {
          ctx.err(`${fillPlaceholders('{datetime}', { at: ctx.machine.now(), kernel: ctx.machine.identity().kernel.release })} [notice] 31#31: signal process started\n`);
          return 0;
        }
        ctx.err(`berth: stopping nginx from inside is not simulated here; use docker stop\n`);
        return 1;
      default:
        ctx.err(`berth: only nginx -v, -t and -s reload are simulated here (the server itself is the container's main process)\n`);
        return 1;
    }
  });
}

/**
 * What the runtime knows of the images it pulls that the tools need: Python's banner for each
 * version (the image's own build date), and programs only some images carry (redis-cli).
 */
export interface ToolsCatalog {
  pythonBanners: Readonly<Record<string, string>>;
  /** Programs an image's environment says it carries, beyond these (REDIS_VERSION: redis-cli). */
  extra?(env: readonly string[]): CommandSpec[];
}

/** The lines Python prints when its prompt starts: the image's own, for the same version. */
function pythonBanner(catalog: ToolsCatalog, version: string): string {
  return catalog.pythonBanners[version] ?? `Python ${version} (main, Dec 24 2024, 22:20:41) [GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.`;
}

/** Where each image's own programs live, as `which` and runc find them. */
const PROGRAM_DIRS: Record<string, string> = {
  python: '/usr/local/bin', pip: '/usr/local/bin', node: '/usr/local/bin', npm: '/usr/local/bin', 'redis-cli': '/usr/local/bin',
  'apt-get': '/usr/bin', apt: '/usr/bin', apk: '/sbin', nginx: '/usr/sbin',
};

/**
 * The programs a running container of this image has beyond the shell's everyday commands: its
 * package manager, and python/pip, node/npm, redis-cli or nginx, read from the image's ENV the way
 * its Dockerfile set them (so images built FROM python have them too).
 */
export function imageTools(env: readonly string[], distro: Distro | undefined, catalog: ToolsCatalog): CommandSpec[] {
  return imageToolSpecs(env, distro, catalog).map((spec) => {
    const dir = PROGRAM_DIRS[spec.name];
    return dir ? { ...spec, paths: [spec.name, ...(spec.aliases ?? [])].map((name) => `${dir}/${name}`) } : spec;
  });
}

function imageToolSpecs(env: readonly string[], distro: Distro | undefined, catalog: ToolsCatalog): CommandSpec[] {
  const sink: Sink = { bytes: 0, interactive: true };
  const out: CommandSpec[] = [];
  // The package manager, for `apt-get install -y curl` in a running Debian-based container or
  // `apk add curl` in an Alpine one. (Ubuntu's archive, with its own versions, is not modelled.)
  if (distro === 'debian') out.push(aptTool('apt-get', sink), aptTool('apt', sink));
  if (distro === 'alpine') out.push(apkTool(sink));
  if (distro === 'ubuntu') {
    // The programs are there; Ubuntu's archive (its own package versions) is not modelled: say so.
    const refuse = (name: string) =>
      tool(name, (ctx) => {
        ctx.err(`berth: ${name} is in this image, but Ubuntu's package archive is not simulated here; Debian-based images (nginx, python:3.12-slim, node:22) have a working apt-get, alpine has apk\n`);
        return 100;
      });
    out.push(refuse('apt-get'), refuse('apt'));
  }
  if (env.some((e) => e.startsWith('PYTHON_VERSION='))) {
    const pip = pipTool(sink);
    out.push(pip, pythonTool(sink, pip, catalog));
  }
  const node = env.find((e) => e.startsWith('NODE_VERSION='));
  if (node) out.push(npmTool(sink), nodeTool(sink, node.slice('NODE_VERSION='.length)));
  out.push(...(catalog.extra?.(env) ?? []));
  const nginx = env.find((e) => e.startsWith('NGINX_VERSION='));
  if (nginx) out.push(nginxTool(nginx.slice('NGINX_VERSION='.length)));
  return out;
}

/** Which tools an image has, beyond the shell's builtins. */
export function toolsFor(image: StepImage, sink: Sink, catalog: ToolsCatalog): CommandSpec[] {
  const distro = distroOf(image.base);
  if (distro === 'scratch') return [];
  const has = (path: string) => path in image.files;
  const out: CommandSpec[] = [];
  const debianLike = distro === 'debian' || distro === 'ubuntu';
  const generic = ['sed', 'awk', 'find', 'xargs', 'tar', 'gzip', 'gunzip', 'ln', 'id', 'chgrp', 'install', 'test', '[', 'expr', 'basename', 'dirname', 'readlink', 'realpath', 'stat', 'tr', 'cut', 'uniq', 'diff', 'set', ':', 'source', '.', 'umask', 'ulimit', 'trap', 'command', 'hash', 'ldconfig', 'sync', 'su', 'usermod', 'mktemp', 'getent', 'update-ca-certificates', 'nproc'];
  out.push(...generic.map(quiet));
  out.push(...userTools(distro));
  if (debianLike) out.push(aptTool('apt-get', sink), aptTool('apt', sink), ...['dpkg', 'apt-mark', 'apt-cache', 'perl', 'locale-gen', 'dpkg-reconfigure', 'debconf-set-selections'].map(quiet));
  if (distro === 'alpine') out.push(apkTool(sink), ...['wget', 'unzip', 'scanelf'].map(quiet));
  if (distro === 'busybox') out.push(...['wget', 'unzip'].map(quiet));
  const full = !image.slim && distro === 'debian';
  if (image.repository === 'python') {
    const pip = pipTool(sink);
    out.push(pip, pythonTool(sink, pip, catalog));
  }
  if (image.repository === 'node') out.push(npmTool(sink), nodeTool(sink), quiet('npx'), quiet('yarn'), quiet('corepack'));
  if (full) out.push(...['gcc', 'g++', 'cc', 'make', 'git', 'curl', 'wget', 'ssh', 'unzip', 'zip', 'bzip2', 'xz', 'file', 'pkg-config', 'autoconf', 'automake'].map(quiet));
  for (const name of ['curl', 'wget', 'git', 'gcc', 'g++', 'make', 'unzip', 'jq', 'vim', 'nano', 'bash', 'ping', 'netstat']) {
    if (has(`/usr/bin/${name}`) && !out.some((s) => s.name === name)) out.push(quiet(name));
  }
  return out;
}

