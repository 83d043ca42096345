// The record of what the learner ran: every simple command of every line (inside pipes, && chains,
// loops, and shells inside containers), with its words after expansion, its exit code, when it
// started and ended on the simulated clock, and the machine it ran on. Exercise checks and the
// timeline read it. It is plain data in the world, bounded, and separate from bash's `history`,
// which keeps bash's own rules (ignoredups, ignorespace, HISTSIZE).

export interface RecordedCommand {
  /** Increasing over the whole life of the world, in the order commands ended (a pipe's stages, then the line). */
  id: number;
  /** The words after expansion: argv[0] is the command as typed (`docker`, `/bin/ls`). */
  argv: string[];
  exitCode: number;
  /** Simulated ms. */
  start: number;
  end: number;
  /** Where it ran: `laptop`, `container/<id>`; later `pod/<namespace>/<name>/<container>`, `node/<name>`. */
  machine: string;
  /** Run by the scenario before the learner arrived. */
  setup?: true;
}

export interface CommandRecord {
  /** Oldest first; at least the last RECORD_LIMIT are kept (the oldest go in batches, past a quarter more). */
  commands: RecordedCommand[];
  /** The id the next command gets. */
  nextId: number;
}

export const RECORD_LIMIT = 2_000;
/** Longest word kept (a pasted file as one argument is kept by its start). */
export const RECORD_WORD_LIMIT = 1_000;
export const RECORD_WORDS_LIMIT = 200;

export const emptyRecord = (): CommandRecord => ({ commands: [], nextId: 1 });

/** Appends in place (the record belongs to the live world); the oldest go past the limit. */
export function appendCommand(record: CommandRecord, entry: Omit<RecordedCommand, 'id'>): RecordedCommand {
  const argv = entry.argv.slice(0, RECORD_WORDS_LIMIT).map((w) => (w.length > RECORD_WORD_LIMIT ? w.slice(0, RECORD_WORD_LIMIT) : w));
  const recorded: RecordedCommand = { ...entry, argv, id: record.nextId++ };
  record.commands.push(recorded);
  // Dropping in batches keeps an append O(1) on average, even for a loop that runs a million commands.
  if (record.commands.length > RECORD_LIMIT + RECORD_LIMIT / 4) record.commands.splice(0, record.commands.length - RECORD_LIMIT);
  return recorded;
}
