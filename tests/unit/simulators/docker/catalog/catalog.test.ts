import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_PLACEHOLDERS } from '../../../../../simulators/docker/catalog';
import type { CatalogImage } from '../../../../../simulators/docker/catalog/types';
import { DISTRIBUTION_LINE } from '../../../../../simulators/docker/catalog/registry';

const SHA256 = /^sha256:[0-9a-f]{64}$/;
const byteLength = (s: string) => new TextEncoder().encode(s).length;

function find(ref: string): CatalogImage | undefined {
  const [repository, tag] = ref.split(':');
  return CATALOG.find((img) => img.repository === repository && img.tags.includes(tag));
}

describe('docker image catalog', () => {
  it('has well-formed digests and ids', () => {
    for (const img of CATALOG) {
      expect(img.digest, `${img.repository} digest`).toMatch(SHA256);
      expect(img.id, `${img.repository} id`).toMatch(SHA256);
      for (const l of img.layers) expect(l.digest, `${img.repository} layer`).toMatch(SHA256);
    }
  });

  it('never gives one tag to two images of a repository', () => {
    const seen = new Set<string>();
    for (const img of CATALOG) {
      expect(img.tags.length, `${img.repository} has tags`).toBeGreaterThan(0);
      for (const tag of img.tags) {
        const ref = `${img.repository}:${tag}`;
        expect(seen.has(ref), `${ref} appears twice`).toBe(false);
        seen.add(ref);
      }
    }
  });

  it('gives every image distinct ids and index digests', () => {
    expect(new Set(CATALOG.map((i) => i.id)).size).toBe(CATALOG.length);
    expect(new Set(CATALOG.map((i) => i.digest)).size).toBe(CATALOG.length);
  });

  it('has layers with positive compressed sizes and a positive total size', () => {
    for (const img of CATALOG) {
      expect(img.layers.length, `${img.repository} layers`).toBeGreaterThan(0);
      expect(img.sizeBytes, `${img.repository} size`).toBeGreaterThan(0);
      for (const l of img.layers) {
        expect(l.compressedBytes).toBeGreaterThan(0);
        // Layers such as BuildKit's empty WORKDIR layer are 0B uncompressed, as docker history shows them.
        expect(l.sizeBytes).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('has one non-empty history step per layer, with matching sizes, newest first', () => {
    for (const img of CATALOG) {
      const filesystemSteps = img.history.filter((h) => !h.emptyLayer);
      expect(filesystemSteps.length, `${img.repository}:${img.tags[0]}`).toBe(img.layers.length);
      // history is newest first, layers oldest first
      const sizes = [...filesystemSteps].reverse().map((h) => h.sizeBytes);
      expect(sizes).toEqual(img.layers.map((l) => l.sizeBytes));
      for (const h of img.history) {
        if (h.emptyLayer) expect(h.sizeBytes).toBe(0);
        expect(Number.isNaN(Date.parse(h.created)), h.created).toBe(false);
      }
      const times = img.history.map((h) => Date.parse(h.created));
      for (let i = 1; i < times.length; i++) expect(times[i - 1]).toBeGreaterThanOrEqual(times[i]);
    }
  });

  it('keeps the image size equal to the sum of its layers', () => {
    for (const img of CATALOG) {
      const sum = img.layers.reduce((n, l) => n + l.sizeBytes, 0);
      expect(sum, `${img.repository}:${img.tags[0]}`).toBe(img.sizeBytes);
    }
  });

  it.each([
    'registry:2',
    'registry:3',
    'registry:3.0.0',
    'registry:latest',
    'nginx:latest',
    'nginx:mainline',
    'nginx:1.27',
    'nginx:1.27.3',
    'nginx:1.26',
    'nginx:1.26.2',
    'nginx:stable',
    'nginx:alpine',
    'httpd:latest',
    'httpd:2.4',
    'redis:latest',
    'redis:7.4',
    'postgres:latest',
    'postgres:17',
    'postgres:16',
    'python:latest',
    'python:3.12',
    'python:3.12-slim',
    'node:22',
    'node:22-alpine',
    'node:latest',
    'node:23',
    'node:current',
    'alpine:latest',
    'alpine:3.21',
    'busybox:latest',
    'ubuntu:latest',
    'ubuntu:24.04',
    'ubuntu:noble',
    'hello-world:latest',
  ])('has %s', (ref) => {
    expect(find(ref)).toBeDefined();
  });

  it('points nginx:latest, mainline and 1.27 at one image', () => {
    expect(find('nginx:mainline')).toBe(find('nginx:latest'));
    expect(find('nginx:1.27')).toBe(find('nginx:latest'));
    expect(find('nginx:1.26')).not.toBe(find('nginx:latest'));
  });

  it('points registry:latest at the 3 line, as Docker Hub has since April 2025; registry:2 stays 2.8.3', () => {
    expect(find('registry:latest')).toBe(find('registry:3'));
    expect(find('registry:3')!.digest).toBe('sha256:cd92709b4191c5779cd7215ccd695db6c54652e7a62843197e367427efb84d0e');
    expect(find('registry:2')).toBe(find('registry:2.8.3'));
    expect(find('registry:2')!.digest).toBe('sha256:319881be2ee9e345d5837d15842a04268de6a139e23be42654fc7664fc6eaf52');
    expect(find('registry:2')).not.toBe(find('registry:latest'));
    // Each registry image says which line of distribution it runs (its API answers differ a little).
    for (const img of CATALOG.filter((i) => i.repository === 'registry')) expect(DISTRIBUTION_LINE[img.id], img.tags[0]).toBe(Number(img.tags[0][0]));
  });

  it('points node:latest at the 23.x current line of January 2025, not the 22 LTS', () => {
    expect(find('node:latest')).toBe(find('node:23.6.0'));
    expect(find('node:current')).toBe(find('node:latest'));
    expect(find('node:22')).not.toBe(find('node:latest'));
    expect(find('node:latest')!.digest).toBe('sha256:e6959489e7af6d1338f71cdd046ca4c9b35fdf723cf20e054f9114875e29ef40');
  });

  it('serves a welcome page whose Content-Length is its byte length', () => {
    for (const ref of ['nginx:latest', 'nginx:1.26', 'nginx:alpine', 'httpd:latest']) {
      const b = find(ref)!.behaviour;
      if (b.kind !== 'server' || !b.http) throw new Error(`${ref} has no http behaviour`);
      for (const [path, res] of Object.entries(b.http)) {
        expect(Number(res.headers['Content-Length']), `${ref} ${path}`).toBe(byteLength(res.body));
      }
    }
    const nginx = find('nginx:latest')!.behaviour;
    if (nginx.kind !== 'server' || !nginx.http) throw new Error('no http');
    expect(nginx.http['/'].headers['Content-Length']).toBe('615');
    expect(nginx.http['/'].body.startsWith('<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>')).toBe(true);
    expect(nginx.http['*'].status).toBe(404);
  });

  it('describes what each kind of image does', () => {
    const hello = find('hello-world:latest')!.behaviour;
    expect(hello.kind).toBe('print');
    if (hello.kind === 'print') {
      expect(hello.output.startsWith('\nHello from Docker!\n')).toBe(true);
      expect(hello.exitCode).toBe(0);
    }
    const pg = find('postgres:latest')!.behaviour;
    expect(pg.kind === 'server' && pg.requiredEnv?.exitCode).toBe(1);
    expect(find('alpine:latest')!.behaviour).toEqual({ kind: 'shell', shell: '/bin/sh' });
    expect(find('ubuntu:latest')!.behaviour).toEqual({ kind: 'shell', shell: '/bin/bash' });
    const py = find('python:3.12')!.behaviour;
    expect(py.kind === 'interpreter' && py.version).toBe('3.12.8');
    const node = find('node:22')!.behaviour;
    expect(node.kind === 'interpreter' && node.replBanner.startsWith('Welcome to Node.js v22.12.0.')).toBe(true);
  });

  it('uses only documented placeholders', () => {
    const known = new Set(Object.keys(CATALOG_PLACEHOLDERS));
    for (const img of CATALOG) {
      const b = img.behaviour;
      if (b.kind !== 'server') continue;
      const texts = [
        ...b.startupLogs,
        ...(b.shutdownLogs ?? []),
        b.accessLog ?? '',
        ...Object.values(b.http ?? {}).flatMap((r) => Object.values(r.headers)),
      ];
      for (const t of texts) {
        for (const m of t.match(/\{[a-z0-9_]+\}/g) ?? []) expect(known.has(m), `${img.repository}: ${m}`).toBe(true);
      }
    }
  });
});
