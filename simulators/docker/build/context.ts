// The build context: the files under the directory `docker build` is given, as BuildKit's
// fsutil sends them (relative paths, `/`-separated), minus what .dockerignore leaves out; and
// COPY's source matching over them (Go's filepath.Match per segment, `.` for everything).
import { UNLIMITED } from '../../core/budget';
import { compileGlob } from '../../shell/glob-match';
import { lookup, type DirNode } from '../../shell/fs';
import { isIgnored, parseDockerignore, type IgnorePattern } from './dockerignore';

export interface ContextFile {
  path: string;
  content: string;
  mode: number;
  mtime: number;
}

export interface BuildContext {
  /** Every file under the context directory, ignored or not, by relative path. */
  all: Map<string, ContextFile>;
  /** Relative paths of the directories (for `COPY somedir/ ...`). */
  dirs: Set<string>;
  patterns: IgnorePattern[];
  dockerignore?: string;
}

export function readContext(root: DirNode, dir: string): BuildContext | undefined {
  const node = lookup(root, dir);
  if (!node.ok || node.value.kind !== 'dir') return undefined;
  const all = new Map<string, ContextFile>();
  const dirs = new Set<string>();
  const walk = (d: DirNode, prefix: string) => {
    for (const name of Object.keys(d.children).sort()) {
      const child = d.children[name];
      const path = prefix ? `${prefix}/${name}` : name;
      if (child.kind === 'dir') {
        dirs.add(path);
        walk(child, path);
      } else all.set(path, { path, content: child.content, mode: child.mode, mtime: child.mtime });
    }
  };
  walk(node.value, '');
  const dockerignore = all.get('.dockerignore')?.content;
  return { all, dirs, patterns: dockerignore === undefined ? [] : parseDockerignore(dockerignore), dockerignore };
}

export const included = (ctx: BuildContext, path: string) => !isIgnored(ctx.patterns, path);

/** `./src/`, `/app.py`, `src//x` -> `src`, `app.py`, `src/x`; `.` and `/` -> ''. */
export function cleanSource(src: string): string {
  const parts: string[] = [];
  for (const p of src.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

/** One segment of a COPY source as Go's filepath.Match reads it, matched without backtracking. */
const segmentPattern = (segment: string) => compileGlob(segment, UNLIMITED, { paths: true });

export interface SourceMatch {
  /** The source as matched (relative path of a file or directory). */
  path: string;
  isDir: boolean;
}

/** What a COPY source names in the context: one path, a wildcard's matches, or nothing. */
export function matchSource(ctx: BuildContext, source: string): SourceMatch[] {
  const clean = cleanSource(source);
  if (clean === '') return [{ path: '', isDir: true }];
  if (!/[*?[]/.test(clean)) {
    if (ctx.all.has(clean)) return [{ path: clean, isDir: false }];
    if (ctx.dirs.has(clean)) return [{ path: clean, isDir: true }];
    return [];
  }
  const segs = clean.split('/').map(segmentPattern);
  const out: SourceMatch[] = [];
  const candidates = [...[...ctx.dirs].map((p) => ({ path: p, isDir: true })), ...[...ctx.all.keys()].map((p) => ({ path: p, isDir: false }))];
  for (const c of candidates) {
    const parts = c.path.split('/');
    if (parts.length === segs.length && parts.every((p, i) => segs[i].matches(p))) out.push(c);
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Files of a source, each with its path relative to the source (a file's own name for a file). */
export function filesOf(ctx: BuildContext, match: SourceMatch): { rel: string; file: ContextFile }[] {
  if (!match.isDir) {
    const file = ctx.all.get(match.path)!;
    return included(ctx, match.path) ? [{ rel: match.path.split('/').pop()!, file }] : [];
  }
  const prefix = match.path ? `${match.path}/` : '';
  const out: { rel: string; file: ContextFile }[] = [];
  for (const [path, file] of ctx.all) {
    if (!path.startsWith(prefix) || !included(ctx, path)) continue;
    out.push({ rel: path.slice(prefix.length), file });
  }
  return out;
}
