// Escapes such as \xc3\xa9 or \303\251 (printf, echo -e, $'...') make bytes, not characters. Bytes
// written in a row are read back as UTF-8, as the terminal would show them: \xc3\xa9 is "é".

export class TextBuilder {
  private text = '';
  private bytes: number[] = [];

  /** Adds text as it is. */
  add(s: string): void {
    this.flush();
    this.text += s;
  }

  /** Adds one byte: ASCII at once, anything higher waits for the rest of its UTF-8 sequence. */
  byte(b: number): void {
    if (b < 0x80) this.add(String.fromCharCode(b));
    else this.bytes.push(b);
  }

  toString(): string {
    this.flush();
    return this.text;
  }

  private flush() {
    if (!this.bytes.length) return;
    this.text += new TextDecoder().decode(new Uint8Array(this.bytes));
    this.bytes = [];
  }
}
