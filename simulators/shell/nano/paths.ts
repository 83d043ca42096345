// Resolving the names typed at "File Name to Write:" to absolute paths, with plain string work
// (no Node path module: this runs in the browser).

/** Collapses `.`, `..` and repeated slashes of an absolute path. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export function dirname(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

/**
 * The directory relative names are resolved against, when the caller did not say: the part of
 * `path` before `displayName` if the one ends with the other, otherwise the file's directory.
 */
export function guessCwd(path: string, displayName: string): string {
  if (!path.startsWith('/')) return '/';
  if (displayName !== '' && !displayName.startsWith('/') && !displayName.startsWith('~')) {
    const tail = '/' + normalizePath('/' + displayName).slice(1);
    if (!displayName.includes('..') && path.endsWith(tail) && path.length > tail.length) {
      return path.slice(0, path.length - tail.length);
    }
  }
  return dirname(path);
}

/** Expands a leading `~` or `~/` the way nano's real_dir_from_tilde() does for the current user. */
export function expandTilde(name: string, home: string | null): string {
  if (home === null) return name;
  if (name === '~') return home;
  if (name.startsWith('~/')) return home.replace(/\/$/, '') + name.slice(1);
  return name;
}

export function resolvePath(name: string, cwd: string, home: string | null): string {
  const expanded = expandTilde(name, home);
  return normalizePath(expanded.startsWith('/') ? expanded : cwd + '/' + expanded);
}
