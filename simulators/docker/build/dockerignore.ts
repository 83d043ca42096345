// .dockerignore, as moby/patternmatcher reads it: one pattern a line, `#` comments, a leading `/`
// ignored, `!` to bring a path back, Go's filepath.Match wildcards plus `**` for any number of
// directories. The last pattern that matches a path (or one of its parent directories) decides.
import { UNLIMITED } from '../../core/budget';
import { compileGlob, type GlobPattern } from '../../shell/glob-match';

export interface IgnorePattern {
  text: string;
  negate: boolean;
  /** Matched without backtracking: a .dockerignore is a learner's file, and a pattern may be anything. */
  glob: GlobPattern;
}

function clean(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/') || '.';
}

export function parseDockerignore(text: string): IgnorePattern[] {
  const out: IgnorePattern[] = [];
  for (const raw of text.split('\n')) {
    let line = raw.replace(/\r$/, '');
    if (line.startsWith('#')) continue;
    line = line.trim();
    if (!line) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1).trim();
    }
    if (!line) continue;
    const pattern = clean(line.replace(/^\/+/, ''));
    out.push({ text: pattern, negate, glob: compileGlob(pattern, UNLIMITED, { paths: true, doubleStar: true }) });
  }
  return out;
}

/** Whether a context path (relative, `/`-separated, no leading `./`) is left out of the build. */
export function isIgnored(patterns: readonly IgnorePattern[], path: string): boolean {
  const parts = path.split('/');
  let excluded = false;
  for (const p of patterns) {
    let match = p.glob.matches(path);
    // A pattern naming a directory leaves out everything below it.
    for (let n = 1; !match && n < parts.length; n++) match = p.glob.matches(parts.slice(0, n).join('/'));
    if (match) excluded = !p.negate;
  }
  return excluded;
}
