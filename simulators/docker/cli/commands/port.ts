// docker port: a container's published ports, as `80/tcp -> 0.0.0.0:8080` lines (IPv4 and IPv6),
// or the host addresses of one private port.
import { findContainer, isRunning } from '../../engine/container-table';
import { daemonError } from '../output';
import { dockerCommand } from '../spec';

/** Go's net.JoinHostPort: IPv6 addresses in brackets. */
const joinHostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** sortorder.NaturalLess: digit runs compare as numbers, the rest byte by byte. */
export function naturalLess(a: string, b: string): number {
  const parts = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const bothDigits = /^\d/.test(x[i]) && /^\d/.test(y[i]);
    if (bothDigits && Number(x[i]) !== Number(y[i])) return Number(x[i]) - Number(y[i]);
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

export const port = dockerCommand('port', {
  args: [{ name: 'CONTAINER' }, { name: 'PRIVATE_PORT[/PROTO]', optional: true }],
  *run(ctx) {
    const [ref, wanted] = ctx.command.args;
    yield { type: 'wait', ms: 20 };
    const container = findContainer(ctx.world().docker, ref);
    if (!container) return daemonError(ctx, `No such container: ${ref}`);
    // The ports in NetworkSettings: only a running container has them.
    const frontends = isRunning(container)
      ? container.hostConfig.portBindings.flatMap((b) => [
          { key: `${b.containerPort}/${b.protocol}`, address: joinHostPort(b.hostIp, b.hostPort) },
          ...(b.hostIp === '0.0.0.0' ? [{ key: `${b.containerPort}/${b.protocol}`, address: joinHostPort('::', b.hostPort) }] : []),
        ])
      : [];
    let out: string[];
    if (wanted !== undefined) {
      const [num, proto = 'tcp'] = wanted.split('/');
      if (!/^\d+$/.test(num) || Number(num) > 65535) {
        const reason = /^\d+$/.test(num) ? 'value out of range' : 'invalid syntax';
        ctx.err(`Error: invalid port (${num}): strconv.ParseUint: parsing "${num}": ${reason}\n`);
        return 1;
      }
      const matching = frontends.filter((f) => f.key === `${Number(num)}/${proto}`);
      if (!matching.length) {
        ctx.err(`Error: No public port '${wanted}' published for ${ref}\n`);
        return 1;
      }
      out = matching.map((f) => f.address);
    } else out = frontends.map((f) => `${f.key} -> ${f.address}`);
    out.sort(naturalLess);
    if (out.length) ctx.out(`${out.join('\n')}\n`);
    return 0;
  },
});
