// BusyBox 1.37.0's sed in its own words (editors/sed.c and libbb): the usage its banner opens,
// every message it dies with (`sed: ` before each, exit 1), and what each libc's regerror calls a
// pattern it refuses, since xregcomp passes that on (`bad regex 'x': ...`).
import type { BusyboxBuild } from '../busybox';

/** sed's trivial and full usage (usage.h), after `Usage: sed `. */
export const SED_USAGE =
  '[-i[SFX]] [-nrE] [-f FILE]... [-e CMD]... [FILE]...\n' +
  'or: sed [-i[SFX]] [-nrE] CMD [FILE]...\n\n' +
  '\t-e CMD\tAdd CMD to sed commands to be executed\n' +
  '\t-f FILE\tAdd FILE contents to sed commands to be executed\n' +
  '\t-i[SFX]\tEdit files in-place (otherwise write to stdout)\n' +
  '\t\tOptionally back files up, appending SFX\n' +
  '\t-n\tSuppress automatic printing of pattern space\n' +
  '\t-r,-E\tUse extended regex syntax\n\n' +
  'If no -e or -f, the first non-option argument is the sed command string.\n' +
  'Remaining arguments are input files (stdin if none).';

/** What `sed --version` (and nothing else after it) prints, to keep autoconf from asking further. */
export const SED_VERSION = 'This is not GNU sed version 4.0\n';

export const SED_MESSAGES = {
  unmatched: (delimiter: string) => `unmatched '${delimiter}'`,
  badFormat: 'bad format in substitution expression',
  noPreviousRegexp: 'no previous regexp',
  emptyFilename: 'empty filename',
  badSubstOption: 'bad option in substitution expression',
  oneAddress: (command: string) => `command '${command}' uses only one address`,
  unsupported: (command: string) => `unsupported command ${command}`,
  noAddressAfterComma: 'no address after comma',
  missingCommand: 'missing command',
  noLabel: (label: string) => `can't find label for jump to '${label}'`,
  unterminatedBlock: 'unterminated {',
  inPlaceNeedsFile: '-i requires an argument',
  badRegex: (pattern: string, why: string) => `bad regex '${pattern}': ${why}`,
  /** xfopen's complaint (-f FILE, w FILE). */
  cantOpen: (name: string, why: string) => `can't open '${name}': ${why}`,
  /** bb_simple_perror_msg: an input file that cannot be opened. */
  perror: (name: string, why: string) => `${name}: ${why}`,
  /** xrename's, when -i cannot put the result in place. */
  cantMove: (from: string, to: string, why: string) => `can't move '${from}' to '${to}': ${why}`,
} as const;

/** musl's regerror for the errors glibc's regcomp names (alpine's build); glibc's own words pass through. */
const MUSL_REGERROR: Readonly<Record<string, string>> = {
  'Invalid regular expression': 'Invalid regexp',
  'Invalid character class name': 'Unknown character class name',
  'Trailing backslash': 'Trailing backslash character',
  'Invalid back reference': 'Invalid back reference',
  'Unmatched [, [^, [:, [., or [=': "Missing ']'",
  'Unmatched ( or \\(': "Missing ')'",
  'Unmatched ) or \\)': "Missing ')'",
  'Unmatched \\{': "Missing '}'",
  'Invalid content of \\{\\}': 'Invalid contents of {}',
  'Invalid range end': 'Invalid character range',
  'Invalid preceding regular expression': 'Repetition not preceded by valid expression',
  'Premature end of regular expression': 'Invalid regexp',
  'Regular expression too big': 'Out of memory',
};

/** A regcomp error (in glibc's words, as the shared regex reader gives them) as this build's libc says it. */
export const regerror = (libc: BusyboxBuild['libc'], glibcWords: string) => (libc === 'musl' ? MUSL_REGERROR[glibcWords] ?? glibcWords : glibcWords);
