// The layers of simulators/ point one way (DESIGN.md, CONTRIBUTING.md): no files import each other
// in a circle, core/ imports nothing above it, shell/ imports only core/, network/ and workloads/
// import no runtime. Read from the files themselves, type-only imports included.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../../simulators');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** file (relative to simulators/) -> the files it imports (relative), from `import`/`export ... from` lines. */
function graph(): Map<string, string[]> {
  const all = files(ROOT);
  const known = new Set(all.map((f) => path.relative(ROOT, f)));
  const edges = new Map<string, string[]>();
  for (const file of all) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gms)) {
      const resolved = path.relative(ROOT, path.resolve(path.dirname(file), m[1]));
      const candidates = [`${resolved}.ts`, `${resolved}/index.ts`];
      const hit = candidates.find((c) => known.has(c));
      if (hit) targets.push(hit);
      else if (!resolved.startsWith('..')) throw new Error(`${path.relative(ROOT, file)}: cannot resolve ${m[1]}`);
    }
    edges.set(path.relative(ROOT, file), targets);
  }
  return edges;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function circles(edges: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

const top = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file);

/** Which top-level folders (or root files) each layer may import. */
const ALLOWED: Record<string, readonly string[]> = {
  core: ['core'],
  shell: ['core', 'shell', 'world.ts'],
  network: ['core', 'shell', 'network', 'world.ts'],
  workloads: ['core', 'shell', 'network', 'workloads', 'world.ts'],
};

describe('the layers of the simulator', () => {
  const edges = graph();

  it('has no circles of files importing each other', () => {
    expect(circles(edges)).toEqual([]);
  });

  it('points one way: core imports nothing above it; shell, network and workloads import no runtime', () => {
    const wrong: string[] = [];
    for (const [file, targets] of edges) {
      const allowed = ALLOWED[top(file)];
      if (!allowed) continue;
      for (const t of targets) if (!allowed.includes(top(t))) wrong.push(`${file} -> ${t}`);
    }
    expect(wrong).toEqual([]);
  });
});
