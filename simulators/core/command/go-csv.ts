// The first record of Go's encoding/csv, which is how pflag splits a stringSlice value
// (`--image=a,b`, `--image='"a,b",c'`): fields by commas, quotes with `""` inside, and the
// reader's own errors (`parse error on line 1, column 2: bare " in non-quoted-field`).
import type { GoParse } from './go-strconv';

const bytes = (s: string) => new TextEncoder().encode(s).length;

/** Lines as Go's csv reader sees them: each keeps its `\n`; `\r\n` becomes `\n`; a final `\r` goes. */
function lines(text: string): string[] {
  const out = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  return out.map((l) => (l.endsWith('\r\n') ? `${l.slice(0, -2)}\n` : l.endsWith('\r') ? l.slice(0, -1) : l));
}

const newlineLength = (s: string) => (s.endsWith('\n') ? 1 : 0);

export function readCsvRecord(text: string): GoParse<string[]> {
  const all = lines(text);
  let lineNo = 0;
  // Empty lines before the record are skipped.
  let line: string | undefined;
  while ((line = all[lineNo++]) !== undefined && line.length === newlineLength(line));
  if (line === undefined) return { ok: false, error: 'EOF' };
  const startLine = lineNo;
  const failure = (at: number, column: number, what: string): GoParse<string[]> => ({
    ok: false,
    error: `${startLine !== at ? `record on line ${startLine}; ` : ''}parse error on line ${at}, column ${column}: ${what}`,
  });
  const fields: string[] = [];
  let col = 1;
  for (;;) {
    if (!line.startsWith('"')) {
      const comma = line.indexOf(',');
      const field = comma >= 0 ? line.slice(0, comma) : line.slice(0, line.length - newlineLength(line));
      const quote = field.indexOf('"');
      if (quote >= 0) return failure(lineNo, col + bytes(field.slice(0, quote)), 'bare " in non-quoted-field');
      fields.push(field);
      if (comma < 0) return { ok: true, value: fields };
      col += bytes(field) + 1;
      line = line.slice(comma + 1);
      continue;
    }
    // A quoted field, which may run over several lines.
    let field = '';
    line = line.slice(1);
    col += 1;
    for (;;) {
      const quote = line.indexOf('"');
      if (quote >= 0) {
        field += line.slice(0, quote);
        col += bytes(line.slice(0, quote)) + 1;
        line = line.slice(quote + 1);
        if (line.startsWith('"')) {
          field += '"';
          line = line.slice(1);
          col += 1;
        } else if (line.startsWith(',')) {
          line = line.slice(1);
          col += 1;
          fields.push(field);
          break;
        } else if (line.length === newlineLength(line)) {
          fields.push(field);
          return { ok: true, value: fields };
        } else return failure(lineNo, col - 1, 'extraneous or missing " in quoted-field');
      } else if (line.length > 0) {
        field += line;
        col += bytes(line);
        const next = all[lineNo];
        if (next === undefined) return failure(lineNo, col, 'extraneous or missing " in quoted-field');
        lineNo++;
        line = next;
        col = 1;
      } else return failure(lineNo, col, 'extraneous or missing " in quoted-field');
    }
  }
}
