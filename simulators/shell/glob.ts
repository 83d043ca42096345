// Pathname expansion (`ls *.py`, `rm log?.txt`, `cat [ab].txt`) over the virtual file system.
// Like bash: a pattern that matches nothing stays as typed, and `*` skips dot-files.
import type { WorkBudget } from '../core/budget';
import { childNames, lookup, resolvePath, type DirNode } from './fs';
import { compileGlob } from './glob-match';

/** Quoted characters are marked with a backslash in `pattern`, so `"*".txt` matches only `*.txt`. */
export function hasGlob(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '*' || pattern[i] === '?' || pattern[i] === '[') return true;
  }
  return false;
}

export const unescapeGlob = (pattern: string) => pattern.replace(/\\(.)/gs, '$1');

function isDir(root: DirNode, abs: string): boolean {
  const node = lookup(root, abs);
  return node.ok && node.value.kind === 'dir';
}

/** Expands `pattern` (relative to `cwd` unless absolute); returns [] when nothing matches. */
export function expandGlob(root: DirNode, cwd: string, pattern: string, budget: WorkBudget): string[] {
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p, i) => p !== '' || i === 0);
  let candidates: { shown: string; real: string }[] = [{ shown: absolute ? '' : '', real: absolute ? '' : cwd === '/' ? '' : cwd }];
  if (absolute) parts.shift();
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    const next: typeof candidates = [];
    for (const c of candidates) {
      const sep = c.shown === '' && !absolute ? '' : '/';
      if (!hasGlob(part)) {
        const name = unescapeGlob(part);
        const real = resolvePath(c.real || '/', name);
        if (lookup(root, real).ok) next.push({ shown: `${c.shown}${sep}${name}`, real: real === '/' ? '' : real });
        continue;
      }
      const dir = lookup(root, c.real || '/');
      if (!dir.ok || dir.value.kind !== 'dir') continue;
      const glob = compileGlob(part, budget);
      const showDots = part.startsWith('.') || part.startsWith('\\.');
      for (const name of childNames(dir.value).sort()) {
        budget.spend();
        if (name.startsWith('.') && !showDots) continue;
        if (!glob.matches(name)) continue;
        const real = `${c.real}/${name}`;
        if (index < parts.length - 1 && !isDir(root, real)) continue;
        next.push({ shown: `${c.shown}${sep}${name}`, real });
      }
    }
    candidates = next;
  }
  // `*/` names directories only.
  if (pattern.endsWith('/')) candidates = candidates.filter((c) => isDir(root, c.real || '/'));
  return candidates.map((c) => c.shown + (pattern.endsWith('/') ? '/' : ''));
}
