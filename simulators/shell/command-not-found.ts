// Ubuntu's command-not-found, which /etc/bash.bashrc hooks into an interactive bash as
// command_not_found_handle: for a name the PATH search did not find it says which package ships it,
// or which near name the user may have meant, else `NAME: command not found`; always status 127.
// The wording and layout follow command-not-found 23.04 (CommandNotFound/CommandNotFound.py, as in
// Ubuntu 24.04) and snapd's `snap advise-snap` (advisor/cmdfinder.go), over the data in
// ubuntu-archive.ts. Names this simulator leaves out of a machine that has them get Berth's plain
// words instead. A container's shell has no such handler: it keeps bash's or ash's own message.
import { ARCHIVE, LATER, ON_UBUNTU, type ArchiveSource } from './ubuntu-archive';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz-_0123456789';
/** Shorter names get no spelling suggestions (CommandNotFound.spelling_suggestions, snapd's minLen). */
const MIN_LEN = 3;
const MAX_LEN = 256;
/** More similar commands than this and the handler only counts them. */
const MAX_ALT = 15;

/**
 * Every name one edit away (Norvig's spelling corrector, as both tools use it): a deletion, a
 * transposition of neighbours, a replacement or an insertion from ALPHABET. Python's version
 * inserts at every position up to the end; snapd's Go port stops one short of the end
 * (`for i := range word`). Both tools iterate a hash set; here the order is the order of making,
 * first seen first, so the same typo always reads the same.
 */
export function similarWords(word: string, insertAtEnd = true): string[] {
  const chars = [...word];
  const at = (i: number, j = i) => chars.slice(i, j).join('');
  const n = chars.length;
  const out = new Set<string>();
  for (let i = 0; i < n; i++) out.add(at(0, i) + at(i + 1, n));
  for (let i = 0; i < n - 1; i++) out.add(at(0, i) + chars[i + 1] + chars[i] + at(i + 2, n));
  for (let i = 0; i < n; i++) for (const c of ALPHABET) out.add(at(0, i) + c + at(i + 1, n));
  for (let i = 0; i < (insertAtEnd ? n + 1 : n); i++) for (const c of ALPHABET) out.add(at(0, i) + c + at(i, n));
  return [...out];
}

interface Found {
  command: string;
  source: ArchiveSource;
}

const lookup = (command: string, kind: ArchiveSource['kind']): ArchiveSource[] =>
  (Object.prototype.hasOwnProperty.call(ARCHIVE, command) ? ARCHIVE[command] : []).filter((s) => s.kind === kind);

/** One edit changes the length by one at most: a longer name has no near name in the archive. */
const LONGEST = Math.max(...Object.keys(ARCHIVE).map((name) => [...name].length));

function misspelled(word: string, kind: ArchiveSource['kind']): Found[] {
  const length = [...word].length;
  if (length < MIN_LEN || length > MAX_LEN || length > LONGEST + 1) return [];
  return similarWords(word, kind === 'deb').flatMap((command) => lookup(command, kind).map((source) => ({ command, source })));
}

export interface NotFoundAnswer {
  /** What the handler writes to standard error. */
  text: string;
  exitCode: 127;
}

/**
 * What typing `name` at the laptop's prompt answers when no command has that name. `user` decides
 * the `sudo ` the advice carries (root gets none; a desktop's first user is in the sudo group).
 */
export function ubuntuCommandNotFound(name: string, user: string): NotFoundAnswer {
  const answer = (lines: string[]): NotFoundAnswer => ({ text: lines.map((l) => `${l}\n`).join(''), exitCode: 127 });
  const own = (table: object) => Object.prototype.hasOwnProperty.call(table, name);

  // Berth's own words: a program every Ubuntu has, or a tool of a later chapter.
  if (own(ON_UBUNTU)) {
    const { builtin, hint } = ON_UBUNTU[name];
    const lines = [`berth: ${name} is ${builtin ? "one of bash's builtins" : 'part of Ubuntu'}, but it is not simulated in this terminal; \`help\` lists the commands that are`];
    if (hint) lines.push(`berth: ${hint}`);
    return answer(lines);
  }
  if (own(LATER)) return answer([`berth: ${name} is not on this simulated laptop yet: ${LATER[name]}; \`help\` lists the commands it has`]);

  const sudo = user === 'root' ? '' : 'sudo ';
  if ([...name].length > MAX_LEN) return answer([`${name}: command not found`]);
  // Hard-wired in the handler: Ubuntu ships python3 and no `python`.
  if (name === 'python') {
    return answer(["Command 'python' not found, did you mean:", "  command 'python3' from deb python3", "  command 'python' from deb python-is-python3"]);
  }

  const debs = lookup(name, 'deb');
  const snaps = lookup(name, 'snap');
  const header = `Command '${name}' not found, but can be installed with:`;
  const pad = Math.max(0, ...[...snaps, ...debs].map((s) => s.name.length));

  if (!debs.length && !snaps.length) {
    const wrongDebs = misspelled(name, 'deb');
    const wrongSnaps = misspelled(name, 'snap');
    if (!wrongDebs.length && !wrongSnaps.length) return answer([`${name}: command not found`]);
    // The count names the debs alone, as the handler's own message does.
    if (wrongDebs.length + wrongSnaps.length > MAX_ALT) return answer([`Command '${name}' not found, but there are ${wrongDebs.length} similar ones.`]);
    const lines = [`Command '${name}' not found, did you mean:`];
    for (const { command, source } of wrongSnaps) lines.push(`  command '${command}' from snap ${source.name} (${source.version})`);
    for (const { command, source } of wrongDebs) lines.push(`  command '${command}' from deb ${source.name} (${source.version})`);
    lines.push(wrongSnaps.length ? "See 'snap info <snapname>' for additional versions." : `Try: ${sudo}apt install <deb name>`);
    return answer(lines);
  }
  if (!debs.length && snaps.length === 1) return answer([header, `${sudo}snap install ${snaps[0].name}`]);
  if (!debs.length) {
    const lines = [header, ...snaps.map((s, i) => `${sudo}snap install ${s.name.padEnd(pad)}  # version ${s.version}${i === 0 ? ', or' : ''}`)];
    return answer([...lines, "See 'snap info <snapname>' for additional versions."]);
  }
  if (debs.length === 1 && !snaps.length) return answer([header, `${sudo}apt install ${debs[0].name}`]);
  if (!snaps.length) return answer([header, ...debs.map((d, i) => `${sudo}apt install ${d.name.padEnd(pad)}  # version ${d.version}${i === 0 ? ', or' : ''}`)]);
  const lines = [header];
  snaps.forEach((s, i) => lines.push(`${sudo}snap install ${s.name.padEnd(pad)}  # version ${s.version}${i === 0 ? ', or' : ''}`));
  debs.forEach((d) => lines.push(`${sudo}apt  install ${d.name.padEnd(pad)}  # version ${d.version}`));
  lines.push(snaps.length === 1 ? `See 'snap info ${snaps[0].name}' for additional versions.` : "See 'snap info <snapname>' for additional versions.");
  return answer(lines);
}
