// What Ubuntu 24.04's manual says about each page beyond a command's spec: the one-line
// description of its NAME section (what `whatis` prints), the package and date in its footer, the
// manual named in its title line, and the shape of the page. Versions are noble's (coreutils 9.4,
// grep 3.11, procps-ng 4.0.4, less 590, util-linux 2.39.3, man-db 2.12.0, Docker 28).

/** How a page is laid out, after the tool that made it. */
export type Layout =
  /** help2man (coreutils, sed, diffutils): the options inside DESCRIPTION, a SEE ALSO to info. */
  | 'help2man'
  /** A page written by hand: DESCRIPTION, then OPTIONS. */
  | 'handwritten'
  /** cobra's generator (docker): every subcommand its own page, docker-run(1). */
  | 'cobra';

export interface PageSource {
  /** The NAME line's description. */
  what: string;
  /** The footer's left part: the package and version. */
  source: string;
  date: string;
  manual: string;
  layout: Layout;
  /** The page's title when it is not the name in capitals (curl's is `curl`). */
  title?: string;
  /** help2man's SEE ALSO points at the package's info manual. */
  info?: string;
}

const COREUTILS = { source: 'GNU coreutils 9.4', date: 'April 2024', manual: 'User Commands', layout: 'help2man', info: 'coreutils' } as const;
const handwritten = (source: string, date: string, manual = 'User Commands') => ({ source, date, manual, layout: 'handwritten' as const });

const coreutils = (what: string): PageSource => ({ what, ...COREUTILS });

export const SOURCES: Readonly<Record<string, PageSource>> = {
  cat: coreutils('concatenate files and print on the standard output'),
  ls: coreutils('list directory contents'),
  head: coreutils('output the first part of files'),
  tail: coreutils('output the last part of files'),
  wc: coreutils('print newline, word, and byte counts for each file'),
  sort: coreutils('sort lines of text files'),
  tee: coreutils('read from standard input and write to standard output and files'),
  date: coreutils('print or set the system date and time'),
  sleep: coreutils('delay for a specified amount of time'),
  echo: coreutils('display a line of text'),
  printf: coreutils('format and print data'),
  pwd: coreutils('print name of current/working directory'),
  mkdir: coreutils('make directories'),
  rmdir: coreutils('remove empty directories'),
  touch: coreutils('change file timestamps'),
  rm: coreutils('remove files or directories'),
  cp: coreutils('copy files and directories'),
  mv: coreutils('move (rename) files'),
  env: coreutils('run a program in a modified environment'),
  whoami: coreutils('print effective user name'),
  uname: coreutils('print system information'),
  true: coreutils('do nothing, successfully'),
  false: coreutils('do nothing, unsuccessfully'),
  test: coreutils('check file types and compare values'),
  '[': coreutils('check file types and compare values'),
  base64: coreutils('base64 encode/decode data and print to standard output'),
  cut: coreutils('remove sections from each line of files'),
  tr: coreutils('translate or delete characters'),
  seq: coreutils('print a sequence of numbers'),
  yes: coreutils('output a string repeatedly until killed'),
  uniq: coreutils('report or omit repeated lines'),
  nl: coreutils('number lines of files'),
  basename: coreutils('strip directory and suffix from filenames'),
  dirname: coreutils('strip last component from file name'),
  realpath: coreutils('print the resolved path'),
  grep: { what: 'print lines that match patterns', ...handwritten('GNU grep 3.11', '2019-12-29') },
  sed: { what: 'stream editor for filtering and transforming text', source: 'GNU sed 4.9', date: 'January 2024', manual: 'User Commands', layout: 'help2man' },
  diff: { what: 'compare files line by line', source: 'diffutils 3.10', date: 'March 2024', manual: 'User Commands', layout: 'help2man' },
  envsubst: { what: 'substitutes environment variables in shell format strings', source: 'GNU gettext-runtime 0.21', date: 'March 2024', manual: 'User Commands', layout: 'help2man' },
  awk: { what: 'pattern scanning and text processing language', title: 'MAWK', ...handwritten('Version 1.3.4', '2024-01-23', 'USER COMMANDS') },
  find: { what: 'search for files in a directory hierarchy', ...handwritten('', '', 'General Commands Manual') },
  xargs: { what: 'build and execute command lines from standard input', ...handwritten('', '', 'General Commands Manual') },
  jq: { what: 'Command-line JSON processor', ...handwritten('', 'December 2023', '') },
  ps: { what: 'report a snapshot of the current processes.', ...handwritten('procps-ng', '2023-08-19') },
  watch: { what: 'execute a program periodically, showing output fullscreen', ...handwritten('procps-ng', '2023-01-17') },
  less: { what: 'opposite of more', ...handwritten('', 'Version 590: 03 Jun 2021', 'General Commands Manual') },
  more: { what: 'display the contents of a file in a terminal', ...handwritten('util-linux 2.39.3', '2023-12-01') },
  man: { what: 'an interface to the system reference manuals', ...handwritten('2.12.0', '2023-09-23', 'Manual pager utils') },
  nano: { what: "Nano's ANOther editor, inspired by Pico", ...handwritten('version 7.2', 'January 2023', 'General Commands Manual') },
  hostname: { what: "show or set the system's host name", ...handwritten('net-tools', '2009-09-16', "Linux Programmer's Manual") },
  which: { what: 'locate a command', ...handwritten('Debian', '29 Jun 2016', 'General Commands Manual') },
  clear: { what: 'clear the terminal screen', title: 'clear', ...handwritten('', '', 'General Commands Manual') },
  curl: { what: 'transfer a URL', title: 'curl', ...handwritten('curl 8.5.0', 'December 06 2023', 'curl Manual') },
  wget: { what: 'The non-interactive network downloader.', ...handwritten('GNU Wget 1.21.4', 'March 2024', 'GNU Wget') },
  docker: { what: 'Docker image and container command line interface', source: 'Docker Community', date: 'Feb 2025', manual: 'Docker User Manuals', layout: 'cobra' },
};

/** A command without an entry: its spec's summary, as its own page would say it. */
export function sourceOf(name: string, summary: string): PageSource {
  if (Object.prototype.hasOwnProperty.call(SOURCES, name)) return SOURCES[name];
  return { what: summary.replace(/\.$/, ''), ...handwritten('', '') };
}
