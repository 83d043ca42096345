// .dockerignore, as moby/patternmatcher reads it: one pattern a line, `#` comments, a leading `/`
// ignored, `!` to bring a path back, Go's filepath.Match wildcards plus `**` for any number of
// directories. The last pattern that matches a path (or one of its parent directories) decides.

export interface IgnorePattern {
  text: string;
  negate: boolean;
  regex: RegExp;
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

function toRegex(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        // `**/` matches zero or more directories; a trailing `**` anything at all.
        if (pattern[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let cls = pattern.slice(i + 1, close);
        if (cls.startsWith('^') || cls.startsWith('!')) cls = `^${cls.slice(1)}`;
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (ch === '\\' && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else re += ch.replace(/[.+^${}()|]/g, '\\$&');
  }
  return new RegExp(`${re}$`);
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
    out.push({ text: pattern, negate, regex: toRegex(pattern) });
  }
  return out;
}

/** Whether a context path (relative, `/`-separated, no leading `./`) is left out of the build. */
export function isIgnored(patterns: readonly IgnorePattern[], path: string): boolean {
  const parts = path.split('/');
  let excluded = false;
  for (const p of patterns) {
    let match = p.regex.test(path);
    // A pattern naming a directory leaves out everything below it.
    for (let n = 1; !match && n < parts.length; n++) match = p.regex.test(parts.slice(0, n).join('/'));
    if (match) excluded = !p.negate;
  }
  return excluded;
}
