"""Types steps into an interactive bash on a pseudo-terminal and prints what the terminal showed.

Job control (`&`, fg, Ctrl-Z, the notices before a prompt) needs a shell with a terminal, which
node cannot give; scripts/dev/compare-jobs.ts runs this for its real side.

    python3 scripts/dev/bash-pty.py < steps.json

Standard input is a JSON list of steps: a line of text is typed and Enter pressed; "@ms" waits
that many real milliseconds; "^Z" and "^C" press Ctrl-Z and Ctrl-C. After each typed line or key
the terminal is read for SETTLE_MS more. bash is `bash --norc --noprofile -i` with the caller's
environment (PS1='$ ' comes from it), in the caller's directory, on a terminal COLS wide so that
readline never scrolls a long line sideways. At the end bash gets SIGHUP, and every process left
in its session (a disowned job) is killed. The output is the terminal's text with CR LF as LF.
"""
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

SETTLE_MS = 300
COLS, ROWS = 250, 50


def pids_above(floor):
    """Real pids are told apart from other numbers by having four digits or more: pass 999 first."""
    with open('/proc/sys/kernel/ns_last_pid') as f:
        last = int(f.read())
    while last < floor:
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
        last = pid


def read_for(fd, ms, out):
    """Appends what the terminal prints during `ms` milliseconds."""
    end = time.monotonic() + ms / 1000
    while True:
        left = end - time.monotonic()
        if left <= 0:
            return
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return
            if not data:
                return
            out.extend(data)


def read_until_prompt(fd, out, ms=3000):
    """The first prompt: bash's start takes its own time, which the steps should not count."""
    end = time.monotonic() + ms / 1000
    while not out.endswith(b'$ ') and time.monotonic() < end:
        read_for(fd, 20, out)


def session_members(sid):
    members = []
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid:
            members.append(int(entry))
    return members


def main():
    steps = json.load(sys.stdin)
    pids_above(999)
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp('bash', ['bash', '--norc', '--noprofile', '-i'])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', ROWS, COLS, 0, 0))
    out = bytearray()
    read_until_prompt(fd, out)
    for step in steps:
        if step.startswith('@'):
            read_for(fd, int(step[1:]), out)
            continue
        os.write(fd, {'^Z': b'\x1a', '^C': b'\x03'}.get(step) or step.encode() + b'\r')
        read_for(fd, SETTLE_MS, out)
    # pty.fork made bash a session leader: its session is everything the steps started.
    os.kill(pid, signal.SIGHUP)
    read_for(fd, 100, bytearray())
    for member in session_members(pid):
        try:
            os.kill(member, signal.SIGKILL)
        except ProcessLookupError:
            pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    sys.stdout.write(out.decode(errors='replace').replace('\r\n', '\n'))


main()
