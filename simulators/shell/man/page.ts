// A manual page as data, in the shape the man macros give one: a title line, sections with a bold
// heading, and in them filled paragraphs, tagged paragraphs (an option and what it does) and lines
// kept as they are. Text is runs of plain, bold and italic (which a terminal shows underlined).

export type Face = 'R' | 'B' | 'I';

export interface Run {
  text: string;
  face: Face;
}

export type Block =
  /** Filled and justified to the line (.PP). */
  | { kind: 'para'; text: Run[] }
  /** A tag (an option) and its filled description indented below it, or beside it when the tag is short (.TP). */
  | { kind: 'tagged'; tag: Run[]; text: Run[] }
  /** Lines left as they are (.nf), each at the section's indent. */
  | { kind: 'lines'; lines: Run[][] };

export interface Section {
  heading: string;
  blocks: Block[];
}

export interface ManPage {
  /** As the page names itself: LS, GREP, DOCKER, curl. */
  title: string;
  section: string;
  /** The centre of the title line: User Commands, Docker User Manuals. */
  manual: string;
  /** The footer's left and centre: the package and version, and the page's date. */
  source: string;
  date: string;
  sections: Section[];
}

export const roman = (text: string): Run => ({ text, face: 'R' });
export const bold = (text: string): Run => ({ text, face: 'B' });
export const italic = (text: string): Run => ({ text, face: 'I' });

/**
 * Runs from a usage line: the command's own words bold, metavariables in capitals (FILE, OPTION,
 * IMAGE) in italic, the brackets and dots between them plain, as man pages set a synopsis.
 */
export function synopsisRuns(command: string, usage: string): Run[] {
  const runs: Run[] = [bold(command)];
  if (!usage) return runs;
  runs.push(roman(' '));
  for (const part of usage.split(/([A-Z][A-Z0-9_-]*[A-Z0-9]|[A-Z])/)) {
    if (!part) continue;
    runs.push(/^[A-Z][A-Z0-9_-]*$/.test(part) ? italic(part) : roman(part));
  }
  return runs;
}
