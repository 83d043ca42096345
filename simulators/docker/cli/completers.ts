// What Tab offers after docker's commands, as the v28 client's own completion (cobra's
// ValidArgsFunction, cli/command/completion) does: local image references (RepoTags) for the
// image commands; container names for the container commands, running or all as each command
// asks (stop lists running ones, start stopped ones, rm all); networks and volumes by name.
import type { CommandSpec, Completer, CompleterFn, CompletionRequest } from '../../core/command/spec';
import type { World } from '../../world';
import type { Container } from '../state';

const docker = (request: CompletionRequest) => (request.world() as World).docker;

/**
 * ImageNames(limit): every tag of every local image; nothing once `limit` arguments are typed
 * (run and history take one image, tag two; -1 for no limit, as rmi and create).
 */
export const imageNames =
  (limit = -1): CompleterFn =>
  (request) => {
    if (limit > 0 && request.args.length >= limit) return [];
    return Object.values(docker(request).images).flatMap((image) => image.tags);
  };

/** What the daemon lists without `all`: `docker ps` shows paused and restarting containers too. */
const listedWithoutAll = (c: Container) => c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting';

/** ContainerNames(all, filter): container names, from every container or only the running ones. */
export const containerNames =
  (all: boolean, keep: (c: Container, request: CompletionRequest) => boolean = () => true): CompleterFn =>
  (request) =>
    Object.values(docker(request).containers)
      .filter((c) => (all || listedWithoutAll(c)) && keep(c, request))
      .sort((a, b) => b.created - a.created)
      .map((c) => c.name);

const stopped = (c: Container) => c.state.status === 'exited' || c.state.status === 'created';
const notPaused = (c: Container) => c.state.status !== 'paused';

export const networkNames: CompleterFn = (request) => Object.values(docker(request).networks).map((n) => n.name);
export const volumeNames: CompleterFn = (request) => Object.values(docker(request).volumes).map((v) => v.name);

/** `docker network connect NETWORK CONTAINER`: a network first, then containers not yet on it (disconnect: those on it). */
const networkThenContainers =
  (connected: boolean): CompleterFn =>
  (request) => {
    if (request.args.length === 0) return networkNames(request);
    const network = request.args[0];
    return containerNames(true, (c) => (network in c.networks) === connected)(request);
  };

/** The completer of each command's arguments, by its place in the CLI (`stop`, `image inspect`). */
export const ARG_COMPLETERS: Record<string, CompleterFn | 'path'> = {
  run: imageNames(1),
  create: imageNames(),
  rmi: imageNames(),
  'image rm': imageNames(),
  'image inspect': imageNames(),
  tag: imageNames(2),
  history: imageNames(1),
  push: imageNames(1),
  exec: containerNames(false, notPaused),
  pause: containerNames(false, notPaused),
  unpause: containerNames(false, (c) => c.state.status === 'paused'),
  stop: containerNames(false),
  kill: containerNames(false),
  port: containerNames(false),
  top: containerNames(false),
  stats: containerNames(false),
  start: containerNames(true, stopped),
  restart: containerNames(true),
  logs: containerNames(true),
  'container inspect': containerNames(true),
  // Without --force only containers that can go without it are offered.
  rm: containerNames(true, (c, request) => request.flags.force === true || stopped(c)),
  // docker inspect names any kind of object: the client leaves it to the shell's file completion.
  inspect: 'path',
  'network rm': networkNames,
  'network inspect': networkNames,
  'network connect': networkThenContainers(false),
  'network disconnect': networkThenContainers(true),
  'volume rm': volumeNames,
  'volume inspect': volumeNames,
};

const RUN_FLAGS: Record<string, Completer> = {
  network: networkNames,
  'volumes-from': containerNames(true),
  restart: ['no', 'always', 'on-failure', 'unless-stopped'],
  pull: ['always', 'missing', 'never'],
  attach: ['stderr', 'stdin', 'stdout'],
};

/** Completers for flag values, by command and long flag name (run's and create's come from addCompletions). */
export const FLAG_COMPLETERS: Record<string, Record<string, Completer>> = { run: RUN_FLAGS, create: RUN_FLAGS };

/**
 * The spec with the completers of `keys` (the first that has one: `container stop` falls back to
 * `stop`) on every argument, as cobra asks one function for every position.
 */
export function withCompleters(spec: CommandSpec, ...keys: string[]): CommandSpec {
  const argCompleter = keys.map((k) => ARG_COMPLETERS[k]).find((c) => c !== undefined);
  const flagCompleters = keys.map((k) => FLAG_COMPLETERS[k]).find((c) => c !== undefined);
  if (!argCompleter && !flagCompleters) return spec;
  return {
    ...spec,
    args: argCompleter ? spec.args?.map((a) => ({ ...a, complete: argCompleter })) : spec.args,
    flags: flagCompleters ? spec.flags?.map((f) => (flagCompleters[f.long] ? { ...f, complete: flagCompleters[f.long] } : f)) : spec.flags,
  };
}
