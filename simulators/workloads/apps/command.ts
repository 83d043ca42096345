// A container's command as its program sees it: the official images' entrypoint scripts and a
// `sh -c "..."` unwrapped to the program that finally runs, words split as a shell splits them.

/** argv of a command, with a `sh -c "..."` unwrapped to its last simple command. */
export function defaultArgv(command: string[]): string[] {
  let argv = [...command];
  // The official images' entrypoint scripts run the command they are given (node's runs `node`
  // first when the command starts with a flag).
  if (/(^|\/)docker-entrypoint\.sh$/.test(argv[0] ?? '') && argv.length > 1) argv = argv[1].startsWith('-') ? ['node', ...argv.slice(1)] : argv.slice(1);
  if (argv.length >= 3 && /(^|\/)(sh|bash|ash)$/.test(argv[0]) && argv[1] === '-c') {
    const segments = argv[2].split(/&&|;/).map((s) => s.trim()).filter(Boolean);
    argv = shellWords(segments[segments.length - 1] ?? '');
    if (argv[0] === 'exec') argv = argv.slice(1);
  }
  return argv;
}

export function shellWords(text: string): string[] {
  const out: string[] = [];
  let word = '';
  let quote = '';
  let any = false;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = '';
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      any = true;
    } else if (/\s/.test(c)) {
      if (word || any) out.push(word);
      word = '';
      any = false;
    } else word += c;
  }
  if (word || any) out.push(word);
  return out;
}

/** A path made absolute against cwd, with . and .. resolved. */
export const resolvePath = (cwd: string, p: string) => {
  const parts: string[] = [];
  for (const part of (p.startsWith('/') ? p : `${cwd || '/'}/${p}`).split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
};
