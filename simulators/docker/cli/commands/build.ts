// docker build / docker image build: Docker 28 hands both to buildx (`docker buildx build`), so
// the flags, the argument error and the output are buildx's and BuildKit's. The build itself is
// worked out by build/builder.ts; here it is played back: the final progress screen (or, in a
// live terminal, the screen redrawn as the build goes), the plain `#n` lines with
// --progress=plain, just the image id with -q, then the engine's state is updated.
import type { CommandSpec, FlagSpec } from '../../../core/command/spec';
import type { CommandContext, Effect } from '../../../core/process';
import { lookup, mkdir, resolvePath, writeFile } from '../../../shell/fs';
import { parseReference, ReferenceError_ } from '../../reference';
import { planBuild, type BuildOutcome } from '../../build/builder';
import { errorTrailer, plainOutput, ttyFinal, ttyScreen, warningsBlock } from '../../build/progress';
import { dockerCommand } from '../spec';

type Run = Generator<Effect, number, string | null>;

const USAGE = 'docker buildx build [OPTIONS] PATH | URL | -';

/** buildx's own flags (`docker buildx build --help`, buildx v0.21 as bundled with Docker 28.0). */
const FLAGS: FlagSpec[] = [
  { long: 'add-host', type: 'stringArray', valueName: 'strings', description: 'Add a custom host-to-IP mapping (format: "host:ip")' },
  { long: 'allow', type: 'stringArray', valueName: 'stringArray', description: 'Allow extra privileged entitlement (e.g., "network.host", "security.insecure")' },
  { long: 'annotation', type: 'stringArray', valueName: 'stringArray', description: 'Add annotation to the image' },
  { long: 'attest', type: 'stringArray', valueName: 'stringArray', description: 'Attestation parameters (format: "type=sbom,generator=image")' },
  { long: 'build-arg', type: 'stringArray', valueName: 'stringArray', description: 'Set build-time variables' },
  { long: 'build-context', type: 'stringArray', valueName: 'stringArray', description: 'Additional build contexts (e.g., name=path)' },
  { long: 'builder', type: 'string', valueName: 'string', description: 'Override the configured builder instance (default "default")' },
  { long: 'cache-from', type: 'stringArray', valueName: 'stringArray', description: 'External cache sources (e.g., "user/app:cache", "type=local,src=path/to/dir")' },
  { long: 'cache-to', type: 'stringArray', valueName: 'stringArray', description: 'Cache export destinations (e.g., "user/app:cache", "type=local,dest=path/to/dir")' },
  { long: 'call', type: 'string', valueName: 'string', description: 'Set method for evaluating build ("check", "outline", "targets") (default "build")' },
  { long: 'cgroup-parent', type: 'string', valueName: 'string', description: 'Set the parent cgroup for the "RUN" instructions during build' },
  { long: 'check', type: 'bool', description: 'Shorthand for "--call=check" (default )' },
  { long: 'debug', short: 'D', type: 'bool', description: 'Enable debug logging' },
  { long: 'file', short: 'f', type: 'string', valueName: 'string', description: 'Name of the Dockerfile (default: "PATH/Dockerfile")', complete: 'path' },
  { long: 'iidfile', type: 'string', valueName: 'string', description: 'Write the image ID to a file', complete: 'path' },
  { long: 'label', type: 'stringArray', valueName: 'stringArray', description: 'Set metadata for an image' },
  { long: 'load', type: 'bool', description: 'Shorthand for "--output=type=docker"' },
  { long: 'metadata-file', type: 'string', valueName: 'string', description: 'Write build result metadata to a file' },
  { long: 'network', type: 'string', valueName: 'string', description: 'Set the networking mode for the "RUN" instructions during build (default "default")' },
  { long: 'no-cache', type: 'bool', description: 'Do not use cache when building the image' },
  { long: 'no-cache-filter', type: 'stringArray', valueName: 'stringArray', description: 'Do not cache specified stages' },
  { long: 'output', short: 'o', type: 'stringArray', valueName: 'stringArray', description: 'Output destination (format: "type=local,dest=path")' },
  { long: 'platform', type: 'stringArray', valueName: 'stringArray', description: 'Set target platform for build' },
  { long: 'progress', type: 'string', valueName: 'string', description: 'Set type of progress output ("auto", "quiet", "plain", "tty", "rawjson"). Use plain to show container output (default "auto")', complete: ['auto', 'quiet', 'plain', 'tty', 'rawjson'] },
  { long: 'provenance', type: 'string', valueName: 'string', description: 'Shorthand for "--attest=type=provenance"' },
  { long: 'pull', type: 'bool', description: 'Always attempt to pull all referenced images' },
  { long: 'push', type: 'bool', description: 'Shorthand for "--output=type=registry"' },
  { long: 'quiet', short: 'q', type: 'bool', description: 'Suppress the build output and print image ID on success' },
  { long: 'sbom', type: 'string', valueName: 'string', description: 'Shorthand for "--attest=type=sbom"' },
  { long: 'secret', type: 'stringArray', valueName: 'stringArray', description: 'Secret to expose to the build (format: "id=mysecret[,src=/local/secret]")' },
  { long: 'shm-size', type: 'string', valueName: 'bytes', description: 'Shared memory size for build containers' },
  { long: 'ssh', type: 'stringArray', valueName: 'stringArray', description: 'SSH agent socket or keys to expose to the build (format: "default|<id>[=<socket>|<key>[,<key>]]")' },
  { long: 'tag', short: 't', type: 'stringArray', valueName: 'stringArray', description: 'Name and optionally a tag (format: "name:tag")' },
  { long: 'target', type: 'string', valueName: 'string', description: 'Set the target build stage to build' },
  { long: 'ulimit', type: 'stringArray', valueName: 'ulimit', description: 'Ulimit options (default [])' },
];

function buildxError(ctx: CommandContext, message: string): number {
  ctx.err(`ERROR: ${message}\n`);
  return 1;
}

/** Plays the build back: the display as it would appear, with the simulated time it takes. */
function* show(ctx: CommandContext, outcome: BuildOutcome, mode: 'tty' | 'plain' | 'quiet'): Run {
  const total = outcome.durationMs;
  if (mode === 'quiet') {
    yield { type: 'wait', ms: total };
    return 0;
  }
  if (mode === 'plain') {
    if (!ctx.live) {
      yield { type: 'wait', ms: total };
      ctx.err(plainOutput(outcome));
      return 0;
    }
    // Live: each step's lines as it finishes.
    const text = plainOutput(outcome);
    const blocks = text.split('\n\n');
    ctx.err(`${blocks[0]}\n`);
    let at = 0;
    for (let i = 0; i < outcome.vertices.length; i++) {
      const v = outcome.vertices[i];
      if (v.end > at) {
        yield { type: 'wait', ms: v.end - at };
        at = v.end;
      }
      ctx.err(`\n${blocks[i + 1]}${i === outcome.vertices.length - 1 ? '' : '\n'}`);
    }
    return 0;
  }
  const width = ctx.tty?.cols ?? 80;
  if (!ctx.live) {
    yield { type: 'wait', ms: total };
    ctx.err(ttyFinal(outcome, width));
    return 0;
  }
  const rows = ctx.tty?.rows ?? 24;
  let drawn = 0;
  const draw = (lines: string[]) => {
    const up = drawn ? `\x1b[${drawn}A\r` : '';
    ctx.err(`${up}${lines.map((l) => `${l}\x1b[0m\x1b[K\n`).join('')}${lines.length < drawn ? '\x1b[J' : ''}`);
    drawn = lines.length;
  };
  ctx.err('\x1b[?25l');
  try {
    for (let now = 0; now < total; now += 150) {
      draw(ttyScreen(outcome, now, width, rows, false));
      yield { type: 'wait', ms: Math.min(150, total - now) };
    }
    draw(ttyScreen(outcome, total, width, rows, true));
  } finally {
    ctx.err('\x1b[?25h');
  }
  return 0;
}

const spec = dockerCommand('build', {
  args: [{ name: 'PATH | URL | -', optional: true, variadic: true, complete: 'dir' }],
  *run(ctx): Run {
    const f = ctx.command.flags;
    const args = ctx.command.args;
    if (args.length !== 1) {
      ctx.err(`ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\nUsage:  ${USAGE}\n\nStart a build\n`);
      return 1;
    }
    const [contextArg] = args;
    const tags = f.tag as string[];
    for (const tag of tags) {
      try {
        const ref = parseReference(tag);
        if (ref.digest) return buildxError(ctx, `invalid tag "${tag}": invalid reference format`);
      } catch (e) {
        if (!(e instanceof ReferenceError_)) throw e;
        return buildxError(ctx, `invalid tag "${tag}": ${e.message.replace(/^invalid reference format: repository name \(.*\) must be lowercase$/, 'repository name must be lowercase')}`);
      }
    }
    if (f.push) return buildxError(ctx, 'push is not simulated in this terminal: build, then `docker push` the image');
    if (/^(https?|git):\/\/|^git@/.test(contextArg)) return buildxError(ctx, `building from a URL (${contextArg}) is not simulated in this terminal`);

    let fs = ctx.machine.fs();
    let contextDir = resolvePath(ctx.cwd, contextArg);
    let dockerfile: string;
    // A Dockerfile given on stdin (`-` as the context, or `-f -`) is read into a scratch copy of
    // the file system the build sees; nothing is written to the machine.
    const fromStdin = (): string | undefined => {
      if (ctx.stdin === null) return undefined;
      const dir = '/.buildkit-stdin';
      const made = mkdir(fs, dir, { user: 'root', now: ctx.world().clock.now });
      const written = made.ok ? writeFile(made.value, `${dir}/Dockerfile`, ctx.stdin, { user: 'root', now: ctx.world().clock.now }) : made;
      if (!written.ok) return undefined;
      fs = written.value;
      return dir;
    };
    if (contextArg === '-') {
      const dir = fromStdin();
      if (!dir) return buildxError(ctx, 'failed to read dockerfile from stdin: no input');
      contextDir = dir;
      dockerfile = `${dir}/Dockerfile`;
    } else {
      const node = lookup(fs, contextDir);
      if (!node.ok) return buildxError(ctx, `unable to prepare context: path "${contextArg}" not found`);
      if (node.value.kind !== 'dir') return buildxError(ctx, `unable to prepare context: context must be a directory: ${contextDir}`);
      const file = f.file === undefined ? undefined : String(f.file);
      const base = contextDir === '/' ? '' : contextDir;
      if (file === '-') {
        const dir = fromStdin();
        if (!dir) return buildxError(ctx, 'failed to read dockerfile from stdin: no input');
        dockerfile = `${dir}/Dockerfile`;
      } else if (file !== undefined) dockerfile = resolvePath(ctx.cwd, file);
      // BuildKit falls back to a lower-case `dockerfile`.
      else dockerfile = !lookup(fs, `${base}/Dockerfile`).ok && lookup(fs, `${base}/dockerfile`).ok ? `${base}/dockerfile` : `${base}/Dockerfile`;
    }

    const buildArgs: Record<string, string> = {};
    for (const a of f['build-arg'] as string[]) {
      const eq = a.indexOf('=');
      if (eq > 0) buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
      else if (ctx.env[a] !== undefined) buildArgs[a] = ctx.env[a];
    }
    const outcome = planBuild(ctx.world(), {
      contextDir,
      dockerfile,
      tags,
      noCache: Boolean(f['no-cache']),
      pull: Boolean(f.pull),
      buildArgs,
      target: f.target === undefined ? undefined : String(f.target),
      fs,
      labels: Object.fromEntries((f.label as string[]).map((l) => [l.split('=')[0], l.slice(l.indexOf('=') + 1)])),
    });

    const progress = String(f.progress ?? 'auto');
    const mode: 'tty' | 'plain' | 'quiet' = f.quiet || progress === 'quiet' ? 'quiet' : progress === 'plain' || progress === 'rawjson' || (progress !== 'tty' && !ctx.tty) ? 'plain' : 'tty';
    yield* show(ctx, outcome, mode);
    ctx.update((w) => outcome.commit(w));
    if (outcome.error) {
      ctx.err(mode === 'quiet' ? errorTrailer({ ...outcome, error: { ...outcome.error, vertex: undefined } }, 'tty') : errorTrailer(outcome, mode === 'plain' ? 'plain' : 'tty'));
      return 1;
    }
    if (mode !== 'quiet') ctx.err(warningsBlock(outcome.warnings));
    if (f.iidfile) {
      const written = writeFile(ctx.machine.fs(), resolvePath(ctx.cwd, String(f.iidfile)), outcome.imageId!, { user: ctx.machine.identity().user, now: ctx.world().clock.now });
      if (written.ok) ctx.machine.setFs(written.value);
    }
    if (mode === 'quiet') ctx.out(`${outcome.imageId}\n`);
    return 0;
  },
});

export const build: CommandSpec = { ...spec, flags: FLAGS, usage: '[OPTIONS] PATH | URL | -', summary: 'Build an image from a Dockerfile', description: 'Start a build' };
