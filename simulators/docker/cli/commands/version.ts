// docker version: the client's and the daemon's versions, as docker-ce 28.0.1 from Docker's apt
// repository prints them on Ubuntu 24.04 (Feb 26 2025 builds: client 068a01e, engine bbd0a17,
// containerd 1.7.25, runc 1.2.4, docker-init 0.19.0), and --format with Go templates.
import type { CommandContext } from '../../../core/process';
import { goMap, goStruct, TemplateError, type TemplateValue } from '../../../core/template';
import { executeTemplatePartial, parseTemplate } from '../../format/templates';
import { dockerCommand } from '../spec';

export const ENGINE = {
  platform: 'Docker Engine - Community',
  version: '28.0.1',
  apiVersion: '1.48',
  minApiVersion: '1.24',
  goVersion: 'go1.23.6',
  clientCommit: '068a01e',
  engineCommit: 'bbd0a17',
  /** Both packages were built in the same run. */
  built: 'Wed Feb 26 10:41:12 2025',
  builtIso: '2025-02-26T10:41:12.000000000+00:00',
  containerd: { version: '1.7.25', commit: 'bcc810d6b9066471b0b6fa75f557a15a1cbf31bb' },
  runc: { version: '1.2.4', commit: 'v1.2.4-0-g6c52b3f' },
  init: { version: '0.19.0', commit: 'de40ad0' },
} as const;

/**
 * Runs a user's --format template over `data` the way docker version and docker info do: a bad
 * template is "template parsing error: ..." (exit 64); a failing one prints what it wrote, a
 * newline, then the error (exit 1). `name` is the template's name in messages ("version" or "").
 */
export function printTemplate(ctx: CommandContext, format: string, data: TemplateValue, name: string, typeName: string): number {
  const named = (message: string) => (name ? message.replace(/^template: :/, `template: ${name}:`).replace('executing ""', `executing "${name}"`) : message);
  let template;
  try {
    template = parseTemplate(format === 'json' ? '{{json .}}' : format);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    ctx.err(`template parsing error: ${named(e.message)}\n`);
    return 64;
  }
  const { output, error } = executeTemplatePartial(template, data, { typeName });
  ctx.out(`${output}\n`);
  if (error) {
    ctx.err(`${named(error.message)}\n`);
    return 1;
  }
  return 0;
}

function versionData(ctx: CommandContext): TemplateValue {
  const kernel = ctx.world().host.kernel.release;
  const platform = goStruct({ Name: ENGINE.platform }, 'struct { Name string }');
  const engineDetails = goMap({
    ApiVersion: ENGINE.apiVersion,
    Arch: 'amd64',
    BuildTime: ENGINE.built,
    Experimental: 'false',
    GitCommit: ENGINE.engineCommit,
    GoVersion: ENGINE.goVersion,
    KernelVersion: kernel,
    MinAPIVersion: ENGINE.minApiVersion,
    Os: 'linux',
  });
  const component = (Name: string, Version: string, Details: Record<string, string>) => goStruct({ Name, Version, Details: goMap(Details) }, 'types.ComponentVersion');
  const client = goStruct(
    {
      Platform: platform,
      Version: ENGINE.version,
      ApiVersion: ENGINE.apiVersion,
      DefaultAPIVersion: ENGINE.apiVersion,
      GitCommit: ENGINE.clientCommit,
      GoVersion: ENGINE.goVersion,
      Os: 'linux',
      Arch: 'amd64',
      BuildTime: ENGINE.built,
      Context: 'default',
    },
    'system.clientVersion',
  );
  const server = goStruct(
    {
      Platform: platform,
      Components: [
        goStruct({ Name: 'Engine', Version: ENGINE.version, Details: engineDetails }, 'types.ComponentVersion'),
        component('containerd', ENGINE.containerd.version, { GitCommit: ENGINE.containerd.commit }),
        component('runc', ENGINE.runc.version, { GitCommit: ENGINE.runc.commit }),
        component('docker-init', ENGINE.init.version, { GitCommit: ENGINE.init.commit }),
      ],
      Version: ENGINE.version,
      ApiVersion: ENGINE.apiVersion,
      MinAPIVersion: ENGINE.minApiVersion,
      GitCommit: ENGINE.engineCommit,
      GoVersion: ENGINE.goVersion,
      Os: 'linux',
      Arch: 'amd64',
      KernelVersion: kernel,
      BuildTime: ENGINE.builtIso,
    },
    '*types.Version',
  );
  return goStruct({ Client: client, Server: server }, 'system.versionInfo');
}

function versionText(): string {
  const row = (label: string, value: string, indent: string, width: number) => `${indent}${`${label}:`.padEnd(width)}${value}\n`;
  const client = (l: string, v: string) => row(l, v, ' ', 19);
  const server = (l: string, v: string) => row(l, v, '  ', 18);
  return (
    `Client: ${ENGINE.platform}\n` +
    client('Version', ENGINE.version) +
    client('API version', ENGINE.apiVersion) +
    client('Go version', ENGINE.goVersion) +
    client('Git commit', ENGINE.clientCommit) +
    client('Built', ENGINE.built) +
    client('OS/Arch', 'linux/amd64') +
    client('Context', 'default') +
    `\nServer: ${ENGINE.platform}\n Engine:\n` +
    server('Version', ENGINE.version) +
    server('API version', `${ENGINE.apiVersion} (minimum version ${ENGINE.minApiVersion})`) +
    server('Go version', ENGINE.goVersion) +
    server('Git commit', ENGINE.engineCommit) +
    server('Built', ENGINE.built) +
    server('OS/Arch', 'linux/amd64') +
    server('Experimental', 'false') +
    ' containerd:\n' +
    server('Version', ENGINE.containerd.version) +
    server('GitCommit', ENGINE.containerd.commit) +
    ' runc:\n' +
    server('Version', ENGINE.runc.version) +
    server('GitCommit', ENGINE.runc.commit) +
    ' docker-init:\n' +
    server('Version', ENGINE.init.version) +
    server('GitCommit', ENGINE.init.commit)
  );
}

export const version = dockerCommand('version', {
  *run(ctx) {
    yield { type: 'wait', ms: 30 };
    const format = ctx.command.flags.format === undefined ? '' : String(ctx.command.flags.format);
    if (!format) {
      ctx.out(versionText());
      return 0;
    }
    // Older templates say .APIVersion; the client still accepts it for .ApiVersion.
    return printTemplate(ctx, format.replace(/\.APIVersion\b/g, '.ApiVersion'), versionData(ctx), 'version', 'system.versionInfo');
  },
});
