// Cutting input into records by RS, as mawk does (FIN in fin.c): a single character, a regular
// expression, or "" for paragraphs (blank lines between records). Input may still be arriving
// (lines typed at the terminal): then a record that could grow asks for more.
import type { AwkRegex } from './regex';

export type RecordSeparator = { kind: 'char'; c: string } | { kind: 're'; re: AwkRegex } | { kind: 'paragraph'; re: AwkRegex };

export class RecordReader {
  private buf: string;
  private pos = 0;

  constructor(
    text: string,
    private ended: boolean,
  ) {
    this.buf = text;
  }

  feed(chunk: string): void {
    this.buf = this.buf.slice(this.pos) + chunk;
    this.pos = 0;
  }

  end(): void {
    this.ended = true;
  }

  get atEnd(): boolean {
    return this.ended;
  }

  /** The next record, 'more' when it depends on input still to come, null at the end. */
  next(rs: RecordSeparator): string | 'more' | null {
    const { buf } = this;
    if (rs.kind === 'paragraph') {
      // Blank lines before a record are no part of it.
      let start = this.pos;
      while (buf[start] === '\n') start++;
      this.pos = start;
      if (start >= buf.length) return this.ended ? null : 'more';
      const m = rs.re.find(buf, start);
      if (m && (m[1] < buf.length || this.ended)) {
        this.pos = m[1];
        return buf.slice(start, m[0]);
      }
      if (!this.ended) return 'more';
      this.pos = buf.length;
      return buf.slice(start).replace(/\n+$/, '');
    }
    if (this.pos >= buf.length) return this.ended ? null : 'more';
    if (rs.kind === 'char') {
      const at = buf.indexOf(rs.c, this.pos);
      if (at >= 0) {
        const record = buf.slice(this.pos, at);
        this.pos = at + 1;
        return record;
      }
    } else {
      // Only a separator of some length ends a record.
      let from = this.pos;
      for (;;) {
        const m = rs.re.find(buf, from);
        if (!m) break;
        if (m[1] > m[0]) {
          if (m[1] === buf.length && !this.ended) return 'more';
          const record = buf.slice(this.pos, m[0]);
          this.pos = m[1];
          return record;
        }
        if (m[0] >= buf.length) break;
        from = m[0] + 1;
      }
    }
    if (!this.ended) return 'more';
    const record = buf.slice(this.pos);
    this.pos = buf.length;
    return record;
  }
}
