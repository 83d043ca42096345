import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';

// The simulated clock starts at Mon Mar  3 09:00:00 UTC 2025 (1740992400).
describe('date', () => {
  it('prints the simulated time as GNU date does in the C locale', () => {
    expect(run('date')).toEqual({ output: 'Mon Mar  3 09:00:00 UTC 2025\n', exitCode: 0 });
    expect(run('date -u').output).toBe('Mon Mar  3 09:00:00 UTC 2025\n');
  });

  it('follows the clock as time passes', () => {
    const s = session();
    s.run('sleep 90');
    expect(s.run('date').output).toBe('Mon Mar  3 09:01:30 UTC 2025\n');
    s.advance(24 * 3600 * 1000);
    expect(s.run('date').output).toBe('Tue Mar  4 09:01:30 UTC 2025\n');
  });

  it('formats with +FORMAT', () => {
    expect(run('date +%Y-%m-%d').output).toBe('2025-03-03\n');
    expect(run("date '+%H:%M:%S'").output).toBe('09:00:00\n');
    expect(run('date +%s').output).toBe('1740992400\n');
    expect(run('date +%A,%B,%a,%b,%h,%e,%j,%u,%w,%y,%C,%Z,%z,%F,%T,%R,%%').output).toBe('Monday,March,Mon,Mar,Mar, 3,062,1,1,25,20,UTC,+0000,2025-03-03,09:00:00,09:00,%\n');
    expect(run('date +%D/%x/%X/%c').output).toBe('03/03/25/03/03/25/09:00:00/Mon Mar  3 09:00:00 2025\n');
    expect(run('date +%I%p/%l%P/%k/%r').output).toBe('09AM/ 9am/ 9/09:00:00 AM\n');
    expect(run('date +%U/%W/%V/%G/%g/%q').output).toBe('09/09/10/2025/25/1\n');
    expect(run('date +%N').output).toBe('000000000\n');
    expect(run("date '+%:z %::z %:::z'").output).toBe('+00:00 +00:00:00 +00\n');
    expect(run("date '+a%nb%tc'").output).toBe('a\nb\tc\n');
    expect(run('date +').output).toBe('\n');
  });

  it('understands GNU flags and widths in conversions', () => {
    expect(run('date +%-d/%-m/%_H/%05Y/%^a/%#b/%10A/%-j/%3d').output).toBe('3/3/ 9/02025/MON/MAR/    Monday/62/003\n');
  });

  it('leaves unknown conversions as they are', () => {
    expect(run('date +%Q%E%O%+').output).toBe('%Q%E%O%+\n');
  });

  it('-I, --iso-8601, -R and --rfc-3339 print standard formats', () => {
    expect(run('date -I').output).toBe('2025-03-03\n');
    expect(run('date -Iseconds').output).toBe('2025-03-03T09:00:00+00:00\n');
    expect(run('date --iso-8601=minutes').output).toBe('2025-03-03T09:00+00:00\n');
    expect(run('date -Ih').output).toBe('2025-03-03T09+00:00\n');
    expect(run('date -Ins').output).toBe('2025-03-03T09:00:00,000000000+00:00\n');
    expect(run('date -R').output).toBe('Mon, 03 Mar 2025 09:00:00 +0000\n');
    expect(run('date --rfc-3339=seconds').output).toBe('2025-03-03 09:00:00+00:00\n');
    expect(run('date --rfc-3339=date').output).toBe('2025-03-03\n');
    expect(run('date --rfc-3339=ns').output).toBe('2025-03-03 09:00:00.000000000+00:00\n');
  });

  it('-d shows another time: @seconds, relative words and items, ISO dates', () => {
    expect(run('date -d @0').output).toBe('Thu Jan  1 00:00:00 UTC 1970\n');
    expect(run('date -d yesterday +%F').output).toBe('2025-03-02\n');
    expect(run('date -d tomorrow +%F').output).toBe('2025-03-04\n');
    expect(run("date -d '2 days ago' +%F").output).toBe('2025-03-01\n');
    expect(run("date -d '+3 hours' +%T").output).toBe('12:00:00\n');
    expect(run("date -d '1 month ago' +%F").output).toBe('2025-02-03\n');
    expect(run("date -d '2024-02-29 13:45'").output).toBe('Thu Feb 29 13:45:00 UTC 2024\n');
    expect(run("date -d '2025-12-25' +%A").output).toBe('Thursday\n');
    expect(run("date -d 'tomorrow 10:00'").output).toBe('Tue Mar  4 10:00:00 UTC 2025\n');
    expect(run("date --date='1 week' +%F").output).toBe('2025-03-10\n');
  });

  it('-r shows the time a file was changed', () => {
    const s = session('touch f');
    s.advance(3_600_000);
    expect(s.run('date -r f +%T').output).toBe('09:00:00\n');
    expect(s.run('date -r nope')).toEqual({ output: 'date: nope: No such file or directory\n', exitCode: 1 });
  });

  it('refuses what it cannot read', () => {
    expect(run('date tomorrow')).toEqual({ output: 'date: invalid date ‘tomorrow’\n', exitCode: 1 });
    expect(run('date -d nonsense')).toEqual({ output: 'date: invalid date ‘nonsense’\n', exitCode: 1 });
    expect(run('date -d 2024-13-01')).toEqual({ output: 'date: invalid date ‘2024-13-01’\n', exitCode: 1 });
    expect(run('date +%Y extra')).toEqual({ output: "date: extra operand ‘extra’\nTry 'date --help' for more information.\n", exitCode: 1 });
    expect(run('date -I +%Y')).toEqual({ output: 'date: multiple output formats specified\n', exitCode: 1 });
    expect(run('date -d')).toEqual({ output: "date: option requires an argument -- 'd'\nTry 'date --help' for more information.\n", exitCode: 1 });
    expect(run('date --rfc-3339=bogus')).toEqual({
      output: "date: invalid argument ‘bogus’ for ‘--rfc-3339’\nValid arguments are:\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’\nTry 'date --help' for more information.\n",
      exitCode: 1,
    });
    expect(run('date --iso-8601=x')).toEqual({
      output: "date: invalid argument ‘x’ for ‘--iso-8601’\nValid arguments are:\n  - ‘hours’\n  - ‘minutes’\n  - ‘date’\n  - ‘seconds’\n  - ‘ns’\nTry 'date --help' for more information.\n",
      exitCode: 1,
    });
  });
});
