// What checks ask of the world and the record of commands, written so that every reasonable way
// of doing a step counts: `docker container ls` as well as `docker ps`, `--publish` as well as
// `-p`, `nginx:1.27` as well as `nginx`, a name or none.
import type { RecordedCommand } from '../core/record';
import type { World } from '../world';
import type { Container } from '../docker/state';
import { isRunning } from '../docker/engine/container-table';
import { readLogs } from '../docker/engine/logs';
import { dockerRoot } from '../docker/cli/root';
import { parseCommand } from '../core/command/flags';

const DOCKER = dockerRoot();

/** Group commands that are the same as a top-level one (`docker container ls` is `docker ps`). */
const SAME_AS: Record<string, string> = {
  'container ls': 'ps', 'container list': 'ps', 'container ps': 'ps', 'container run': 'run', 'container create': 'create', 'container start': 'start',
  'container stop': 'stop', 'container rm': 'rm', 'container remove': 'rm', 'container logs': 'logs', 'container inspect': 'inspect', 'container exec': 'exec',
  'container kill': 'kill', 'container restart': 'restart', 'image ls': 'images', 'image list': 'images', 'image rm': 'rmi', 'image remove': 'rmi',
  'image pull': 'pull', 'image push': 'push', 'image tag': 'tag', 'image build': 'build', 'image history': 'history', 'builder build': 'build', 'buildx build': 'build',
};

export interface DockerCall {
  /** The subcommand in its short form: `ps`, `run`, `images`, `network create`. */
  verb: string;
  flags: Record<string, unknown>;
  /** Its arguments: for `run`, the image and then the container's command. */
  args: string[];
}

/**
 * Each recorded command is parsed once: checks run after every change of the world, and a record
 * keeps its entries (and their argv) as they were, so the parse is remembered by the argv itself.
 */
const parsedCalls = new WeakMap<readonly string[], DockerCall | null>();

/** A recorded command read as the docker client reads it, or undefined if it is not one it accepts. */
export function dockerCall(argv: readonly string[]): DockerCall | undefined {
  if ((argv[0] ?? '').split('/').pop() !== 'docker') return undefined;
  const known = parsedCalls.get(argv);
  if (known !== undefined) return known ?? undefined;
  const parsed = parseCommand(DOCKER, argv.slice(1));
  let call: DockerCall | null = null;
  if (parsed.kind === 'ok') {
    const name = parsed.command.path.slice(1).map((s) => s.name).join(' ');
    call = { verb: SAME_AS[name] ?? name, flags: parsed.command.flags, args: parsed.command.args };
  }
  parsedCalls.set(argv, call);
  return call ?? undefined;
}

/** The Docker subcommand a recorded command ran, in its short form, or undefined. */
export const dockerVerb = (argv: readonly string[]): string | undefined => dockerCall(argv)?.verb;

/** The repository an image reference names, as Docker Hub's familiar name (`nginx` for `docker.io/library/nginx:1.27`). */
export function repositoryOf(ref: string): string {
  const withoutDigest = ref.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const name = colon > lastSlash ? withoutDigest.slice(0, colon) : withoutDigest;
  return name.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
}

export interface ContainerQuery {
  /** The repository it was made from (`nginx`), whatever tag or digest. */
  image?: string;
  /** A host port it publishes (tcp), and optionally the container port behind it. */
  publishes?: { host: number; container?: number };
  name?: string;
}

export function matches(c: Container, q: ContainerQuery): boolean {
  if (q.image !== undefined && repositoryOf(c.image) !== q.image) return false;
  if (q.name !== undefined && c.name !== q.name) return false;
  if (q.publishes && !c.hostConfig.portBindings.some((b) => b.protocol === 'tcp' && b.hostPort === q.publishes!.host && (q.publishes!.container === undefined || b.containerPort === q.publishes!.container))) return false;
  return true;
}

/** Containers running now that match. */
export const runningContainers = (world: World, q: ContainerQuery = {}): Container[] => Object.values(world.docker.containers).filter((c) => c.state.status === 'running' && matches(c, q));

/** Containers, running or not, that match. */
export const allContainers = (world: World, q: ContainerQuery = {}): Container[] => Object.values(world.docker.containers).filter((c) => matches(c, q));

/** What the learner ran (not the scenario's setup). */
export const learnerCommands = (world: World): RecordedCommand[] => world.record.commands.filter((c) => !c.setup);

/** Docker commands the learner ran with this verb that succeeded (on the laptop), optionally started after a moment. */
export function dockerRan(world: World, verb: string, options: { after?: number; where?: (call: DockerCall) => boolean } = {}): RecordedCommand[] {
  return learnerCommands(world).filter((c) => {
    if (c.exitCode !== 0 || c.machine !== 'laptop' || (options.after !== undefined && c.start < options.after)) return false;
    const call = dockerCall(c.argv);
    return call?.verb === verb && (!options.where || options.where(call));
  });
}

/**
 * Whether a request reached `container`'s server and got `status` at or after `since`: its access
 * log holds the line (what curl, wget or a browser caused), so the page was really served.
 */
export function served(world: World, container: Container, options: { status?: number; since?: number } = {}): boolean {
  const status = options.status ?? 200;
  return readLogs(world, container).some((l) => l.stream === 'stdout' && (options.since === undefined || l.at >= options.since) && new RegExp(`"(GET|HEAD) [^"]*" ${status} `).test(l.text));
}

/** Whether the container ran, or runs, from `since`: started before it and not stopped before it. */
export const isUp = (c: Container) => isRunning(c) && c.state.status === 'running';
