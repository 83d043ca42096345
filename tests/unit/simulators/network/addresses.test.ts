// The network asks the providers the session composes, in order, and serves whatever endpoint one
// returns, knowing nothing of the runtime behind it: here a made-up provider for a cluster-style
// address serves a program from its own files, as Kubernetes' will.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { composeNetwork, type AddressProvider, type Endpoint } from '../../../../simulators/network/addresses';
import { serve } from '../../../../simulators/network/http';
import { makeDir, makeFile } from '../../../../simulators/shell/fs';
import type { World } from '../../../../simulators/world';

const world = (): World => createSession().snapshot();

function clusterProvider(log: string[]): AddressProvider {
  const at = Date.UTC(2025, 0, 2);
  const files = { ...makeDir('root', at), children: { srv: { ...makeDir('root', at), children: { 'index.html': makeFile('<h1>from a pod</h1>\n', 'root', at) } } } };
  const endpoint: Endpoint = {
    ip: '10.96.0.10',
    clientIp: '10.244.0.1',
    port: 80,
    place: 'pod/default/web-1/web',
    server: { protocol: 'http', port: 80, docroot: '/srv', accessLog: '{remote_addr} "{method} {path}" {status}', http: { '/': { status: 200, headers: { Server: 'demo' }, body: 'default\n' }, '*': { status: 404, headers: { Server: 'demo' }, body: 'missing\n' } } },
    files: () => files,
    log: (w, line) => (log.push(line), w),
  };
  return {
    name: 'cluster',
    resolve: (_w, host, port) => (host === 'web.default.svc.cluster.local' || host === '10.96.0.10' ? (port === 80 ? { kind: 'endpoint', endpoint } : { kind: 'refused', ip: '10.96.0.10' }) : undefined),
  };
}

describe('composed address providers', () => {
  it('asks each provider in turn and serves the endpoint one returns, runtime unknown', () => {
    const log: string[] = [];
    const network = composeNetwork([{ name: 'nothing', resolve: () => undefined }, clusterProvider(log)]);
    const w = world();
    const found = network.connect(w, 'web.default.svc.cluster.local', 80, 'laptop');
    expect(found.kind).toBe('endpoint');
    if (found.kind !== 'endpoint') return;
    const page = serve(w, found.endpoint, { method: 'GET', host: 'web', port: 80, path: '/', headers: {} });
    expect(page.kind === 'response' && [page.status, page.body, page.headers.find(([k]) => k === 'Content-Type')?.[1]]).toEqual([200, '<h1>from a pod</h1>\n', 'text/html']);
    const missing = serve(w, found.endpoint, { method: 'GET', host: 'web', port: 80, path: '/nope', headers: {} });
    expect(missing.kind === 'response' && [missing.status, missing.body]).toEqual([404, 'missing\n']);
    expect(log).toEqual(['10.244.0.1 "GET /" 200', '10.244.0.1 "GET /nope" 404']);
  });

  it('refuses what no provider claims: local names and addresses are refused, other names unknown', () => {
    const network = composeNetwork([]);
    const w = world();
    expect(network.connect(w, 'localhost', 8080, 'laptop')).toEqual({ kind: 'refused', ip: '127.0.0.1' });
    expect(network.connect(w, '[::1]', 8080, 'laptop')).toEqual({ kind: 'refused', ip: '::1' });
    expect(network.connect(w, '10.1.2.3', 80, 'laptop')).toEqual({ kind: 'refused', ip: '10.1.2.3' });
    expect(network.connect(w, 'example.internal', 80, 'laptop')).toEqual({ kind: 'unresolved' });
    expect(network.connect(w, 'laptop', 80, 'laptop')).toEqual({ kind: 'refused', ip: '127.0.0.1' });
  });

  it('lets the first provider that knows a host answer for it', () => {
    const network = composeNetwork([clusterProvider([]), { name: 'second', resolve: () => ({ kind: 'hang', ip: '10.96.0.10' }) }]);
    expect(network.connect(world(), '10.96.0.10', 443, 'laptop')).toEqual({ kind: 'refused', ip: '10.96.0.10' });
  });
});
