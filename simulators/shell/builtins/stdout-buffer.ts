// A C program's standard output (awk, jq): flushed line by line to a terminal and in 4 KiB blocks
// to a pipe or a file, while its errors go out at once. So an error shows before the lines printed
// ahead of it when both go to a pipe, and a line cut by Ctrl-C loses what was still buffered.

export interface StdoutBuffer {
  write(text: string): void;
  flush(): void;
}

export function stdoutBuffer(write: (text: string) => void, tty: boolean): StdoutBuffer {
  let pending = '';
  return {
    write(text) {
      pending += text;
      if (tty) {
        const end = pending.lastIndexOf('\n') + 1;
        if (end > 0) {
          write(pending.slice(0, end));
          pending = pending.slice(end);
        }
      } else if (pending.length >= 4096) {
        const end = pending.length - (pending.length % 4096);
        write(pending.slice(0, end));
        pending = pending.slice(end);
      }
    },
    flush() {
      if (pending) write(pending);
      pending = '';
    },
  };
}
