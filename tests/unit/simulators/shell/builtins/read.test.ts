// read's splitting by $IFS and read -a, checked against bash 5.2.
import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('read splits by IFS', () => {
  it('other IFS characters end one field each; blanks run together', () => {
    expect(run('IFS=: read a b <<< "x:y:z"; echo "[$a][$b]"; IFS=: read a b c <<< "x::z"; echo "[$a][$b][$c]"; IFS=", " read a b <<< "x, y , z"; echo "[$a][$b]"').output).toBe('[x][y:z]\n[x][][z]\n[x][y , z]\n');
  });

  it('the last name takes the rest, less one trailing delimiter after a single field', () => {
    expect(run('IFS=: read a b <<< "x:y:"; echo "[$a][$b]"; IFS=: read a b <<< "x:y:z:"; echo "[$a][$b]"; IFS=: read a b <<< "x:y::"; echo "[$a][$b]"; IFS=: read a <<< "x:y:"; echo "[$a]"').output).toBe('[x][y]\n[x][y:z:]\n[x][y::]\n[x:y:]\n');
  });

  it('an empty IFS keeps the line whole; a missing field is empty', () => {
    expect(run('IFS= read -r line <<< "  keep  "; echo "[$line]"; read a b <<< "one"; echo "[$a][$b]"').output).toBe('[  keep  ]\n[one][]\n');
  });

  it('reads in a loop with IFS set for it alone', () => {
    expect(run('while IFS=: read -r user _ uid _; do (( uid == 0 )) && echo "root is $user"; done <<< "root:x:0:0\ndaemon:x:1:1"; echo $?').output).toBe('root is root\n1\n');
  });
});

describe('read -a', () => {
  it('puts every field in an array, options bundled or not', () => {
    expect(run('read -ra parts <<< "  a b   c "; echo ${#parts[@]} "${parts[@]}"; IFS=: read -a p <<< "a:b::c"; declare -p p; read -r -a q <<< ""; declare -p q').output).toBe(
      '3 a b c\ndeclare -a p=([0]="a" [1]="b" [2]="" [3]="c")\ndeclare -a q=()\n',
    );
  });

  it('needs the array’s name', () => {
    expect(run('read -a')).toEqual({
      output: 'bash: read: -a: option requires an argument\nread: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n',
      exitCode: 2,
    });
  });
});

describe('mapfile and readarray', () => {
  it('read every line into an array, -t without its newline', () => {
    expect(run('printf "a\\nb\\n\\nc" | { mapfile -t arr; declare -p arr; }; mapfile -t x < /dev/null; declare -p x').output).toBe('declare -a arr=([0]="a" [1]="b" [2]="" [3]="c")\ndeclare -a x=()\n');
    expect(run('printf "a\\nb\\n" | { mapfile y; declare -p y; }').output).toBe("declare -a y=([0]=$'a\\n' [1]=$'b\\n')\n");
    expect(run('printf "q\\nr\\n" | { mapfile; declare -p MAPFILE; }').output).toBe("declare -a MAPFILE=([0]=$'q\\n' [1]=$'r\\n')\n");
  });

  it('-s skips lines and -n stops after some', () => {
    expect(run('printf "1\\n2\\n3\\n4\\n" | { readarray -t -s 1 -n 2 z; declare -p z; }').output).toBe('declare -a z=([0]="2" [1]="3")\n');
  });

  it('refuses a bad option or name', () => {
    expect(run('mapfile -q')).toEqual({
      output: 'bash: mapfile: -q: invalid option\nmapfile: usage: mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]\n',
      exitCode: 2,
    });
    expect(run('mapfile -t 1bad < /dev/null')).toEqual({ output: "bash: mapfile: `1bad': not a valid identifier\n", exitCode: 1 });
  });
});
