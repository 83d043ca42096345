// Every duration a learner types stays within what the world's clock can hold: waits longer than
// it are waits without end (cut by Ctrl-C, or here by run()'s maxSimMs), as the real tools sleep
// "for ever", and no date or age ever reads NaN.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../simulators';
import { CLOCK_LIMIT_MS, EPOCH_MS, finiteWait } from '../../../simulators/core/clock';

const cut = { output: '^C\n', exitCode: 130 };

describe('finiteWait', () => {
  it('keeps waits that end within the clock, and calls the rest endless', () => {
    expect(finiteWait(EPOCH_MS, 1500.4)).toBe(1500);
    expect(finiteWait(EPOCH_MS, -5)).toBe(0);
    expect(finiteWait(EPOCH_MS, CLOCK_LIMIT_MS - EPOCH_MS)).toBe(CLOCK_LIMIT_MS - EPOCH_MS);
    expect(finiteWait(EPOCH_MS, CLOCK_LIMIT_MS - EPOCH_MS + 1)).toBeUndefined();
    expect(finiteWait(EPOCH_MS, Infinity)).toBeUndefined();
    expect(finiteWait(EPOCH_MS, NaN)).toBeUndefined();
    expect(new Date(CLOCK_LIMIT_MS).toISOString()).toBe('9999-12-31T23:59:59.999Z');
  });
});

describe('sleep takes what coreutils takes, and sleeps for ever past the clock', () => {
  it.each(['sleep 1e9d', 'sleep inf', 'sleep INFINITY', 'sleep 99999999999999999', 'sleep 1e400', 'sleep 1e9999d'])('%s waits until Ctrl-C', (line) => {
    const s = createSession();
    expect(s.run(line, { maxSimMs: 3000 })).toEqual(cut);
    expect(s.run('date')).toEqual({ output: 'Mon Mar  3 09:00:03 UTC 2025\n', exitCode: 0 });
  });

  it('reads numbers as strtod does: hexadecimal, binary exponents, leading blanks (checked against GNU sleep)', () => {
    const s = createSession();
    expect(s.run('sleep 0x10; date +%T')).toEqual({ output: '09:00:16\n', exitCode: 0 });
    expect(s.run('sleep 0x1p-2; date +%T.%N')).toEqual({ output: '09:00:16.250000000\n', exitCode: 0 });
    expect(s.run("sleep ' 1' 1.d; date '+%F %T'")).toEqual({ output: '2025-03-04 09:00:17\n', exitCode: 0 });
    expect(s.run('sleep nan')).toEqual({ output: "sleep: invalid time interval ‘nan’\nTry 'sleep --help' for more information.\n", exitCode: 1 });
    expect(s.run('sleep 1e')).toEqual({ output: "sleep: invalid time interval ‘1e’\nTry 'sleep --help' for more information.\n", exitCode: 1 });
  });

  it('a long sleep within the clock ends, and dates stay dates (GNU date agrees)', () => {
    const s = createSession();
    expect(s.run('sleep 99999999999; date')).toEqual({ output: 'Sun Jan 16 18:46:39 UTC 5194\n', exitCode: 0 });
  });
});

describe('docker stop -t, curl -m and wget -T within the clock', () => {
  it('docker stop waits for ever on a negative or endless timeout, only for what ignores SIGTERM', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('docker pull nginx');
    s.run('docker run -d --name sl busybox sleep 100000');
    s.run('docker run -d --name web nginx');
    expect(s.run('docker stop -t 999999999999 sl', { maxSimMs: 2000 })).toEqual(cut);
    expect(s.run('docker stop -t -1 sl', { maxSimMs: 2000 })).toEqual(cut);
    expect(s.run('docker stop -t -1 web')).toEqual({ output: 'web\n', exitCode: 0 });
    expect(s.run('docker ps -a --format "{{.Names}} {{.Status}}"')).toEqual({ output: 'web Exited (0) Less than a second ago\nsl Up 5 seconds\n', exitCode: 0 });
  });

  it('curl refuses -m as curl does (curl 7.88 and 8.5 word it alike)', () => {
    const s = createSession();
    const refusal = (option: string, why: string) => ({ output: `curl: option ${option}: ${why}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, exitCode: 2 });
    expect(s.run('curl -m abc http://localhost')).toEqual(refusal('-m', 'expected a proper numerical parameter'));
    expect(s.run('curl --max-time -1 http://localhost')).toEqual(refusal('--max-time', 'expected a positive numerical parameter'));
    expect(s.run('curl -m inf http://localhost')).toEqual(refusal('-m', 'too large number'));
    expect(s.run('curl -m 1e400 http://localhost')).toEqual(refusal('-m', 'too large number'));
  });

  it('curl to an address that never answers waits -m, or for ever when -m is 0 or past the clock', () => {
    const s = createSession();
    s.run('docker pull nginx');
    s.run('docker run -d --name web nginx');
    s.run('docker pause web');
    const ip = s.run("docker inspect -f '{{.NetworkSettings.IPAddress}}' web").output.trim();
    expect(s.run(`curl -m 1.5 http://${ip}/`)).toEqual({ output: 'curl: (28) Connection timed out after 1500 milliseconds\n', exitCode: 28 });
    expect(s.run(`curl -m 0 http://${ip}/`, { maxSimMs: 2000 })).toEqual(cut);
    expect(s.run(`curl -m 99999999999999 http://${ip}/`, { maxSimMs: 2000 })).toEqual(cut);
  });

  it('wget refuses -T as GNU wget and BusyBox word it', () => {
    const s = createSession();
    s.run('docker pull alpine');
    s.run('docker pull python:3.12');
    expect(s.run('docker run --rm alpine wget -T abc http://x')).toEqual({ output: "wget: invalid number 'abc'\n", exitCode: 1 });
    expect(s.run('docker run --rm python:3.12 wget -T abc http://x').output).toBe('wget: --timeout: Invalid time period ‘abc’\n');
    expect(s.run('docker run --rm python:3.12 wget -T -1 http://x').output).toBe('wget: --timeout: Negative time period ‘-1’\n');
  });
});

describe('date -d never prints what is not a date', () => {
  it('refuses times JavaScript cannot hold, in GNU’s words', () => {
    const s = createSession();
    expect(s.run('date -d @8640000000000')).toEqual({ output: 'Sat Sep 13 00:00:00 UTC 275760\n', exitCode: 0 });
    expect(s.run('date -d @99999999999999999')).toEqual({ output: 'date: time ‘99999999999999999’ is out of range\n', exitCode: 1 });
    expect(s.run("date -d '+999999999999 days'")).toEqual({ output: 'date: invalid date ‘+999999999999 days’\n', exitCode: 1 });
  });
});
