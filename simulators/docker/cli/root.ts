// The `docker` command itself: its global flags, `docker --version`, and every subcommand the real
// client lists. The ones this engine does not model say so plainly, and name what it does model.
import type { CommandSpec } from '../../core/command/spec';
import type { CommandBody } from '../../core/process';
import { DOCKER_REFERENCE } from './reference';
import { dockerCommand, referenceFlags } from './spec';
import { dockerDialect } from './dialect';
import { withCompleters } from './completers';
import { GROUPED, GROUP_SHARES, TOP_LEVEL } from './commands';

export const DOCKER_VERSION = '28.0.1';
export const DOCKER_BUILD = '068a01e';
export const BUILDX_VERSION = 'v0.21.1';
export const COMPOSE_VERSION = 'v2.33.1';

const modeledNames = () => Object.keys(TOP_LEVEL).sort().join(', ');

const notModeled = (line: string): CommandBody => (ctx) => {
  ctx.err(`docker: '${line}' is not simulated in this terminal. The simulated engine supports: ${modeledNames()}, and the container, image, network, volume and system groups.\n`);
  return 1;
};

const stub = (group: string, name: string, summary: string): CommandSpec => {
  const key = group ? `${group} ${name}` : name;
  return { name, summary, dialect: dockerDialect, args: [{ name: 'ARG', optional: true, variadic: true }], flags: DOCKER_REFERENCE[key] ? referenceFlags(key) : [], run: notModeled(`docker ${key}`) };
};

function groupSpec(group: string): CommandSpec {
  const reference = DOCKER_REFERENCE[group];
  const subcommands = reference.commands.map(([, name, summary]): CommandSpec => {
    const shared = GROUP_SHARES[group]?.[name];
    const spec = GROUPED[group]?.[name] ?? (shared ? TOP_LEVEL[shared] : undefined);
    return spec ? withCompleters({ ...spec, name, summary }, `${group} ${name}`, ...(shared ? [shared] : [])) : stub(group, name, summary);
  });
  return { ...dockerCommand(group), subcommands };
}

/**
 * The two CLI plugins `docker info` lists: they answer `version`; anything else is said to be
 * outside the simulation (docker build already is BuildKit, through buildx).
 */
function plugin(name: string, summary: string, version: string): CommandSpec {
  const outside = notModeled(`docker ${name}`);
  return {
    name,
    summary,
    dialect: dockerDialect,
    // Left out of `docker --help`, which matches the captured plugin-less client.
    hidden: true,
    args: [{ name: 'COMMAND', optional: true, variadic: true }],
    rawArgs: true,
    run(ctx) {
      if (ctx.command.args[0] !== 'version') return outside(ctx);
      ctx.out(version);
      return 0;
    },
  };
}

export function dockerRoot(): CommandSpec {
  const root = DOCKER_REFERENCE[''];
  const subcommands: CommandSpec[] = root.commands.map(([section, name, summary]) => {
    if (GROUPED[name]) return { ...groupSpec(name), section };
    const spec = TOP_LEVEL[name];
    return { ...(spec ? withCompleters(spec, name) : stub('', name, summary)), summary, section };
  });
  subcommands.push(plugin('buildx', 'Docker Buildx', `github.com/docker/buildx ${BUILDX_VERSION} 7c2359c\n`), plugin('compose', 'Docker Compose', `Docker Compose version ${COMPOSE_VERSION}\n`));
  const spec: CommandSpec = {
    name: 'docker',
    summary: 'A self-sufficient runtime for containers',
    dialect: dockerDialect,
    // The client's default config folder is in the user's home: here, the learner's.
    flags: referenceFlags('').map((f) => ({ ...f, description: f.description.replace('/root/', '/home/learner/') })),
    subcommands,
    args: [{ name: 'COMMAND', optional: true, variadic: true }],
    run(ctx) {
      if (ctx.command.flags.version) {
        ctx.out(`Docker version ${DOCKER_VERSION}, build ${DOCKER_BUILD}\n`);
        return 0;
      }
      if (ctx.command.args.length) {
        const { message, exitCode } = dockerDialect.unknownSubcommand!([spec], ctx.command.args[0]);
        ctx.err(message);
        return exitCode;
      }
      ctx.out(dockerDialect.help([spec], ctx.tty?.cols));
      return 0;
    },
  };
  return spec;
}
