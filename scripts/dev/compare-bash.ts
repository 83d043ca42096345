// Runs lines of bash both in the simulator and in the real bash of this machine (5.2, interactive,
// as the learner's terminal is), each case in a fresh shell and a fresh directory, and prints where
// they differ: output (stdout and stderr together, as a terminal shows them) and the last status.
// The cases are data: add one to CASES to check one more thing.
//
//   npx tsx scripts/dev/compare-bash.ts             every case
//   npx tsx scripts/dev/compare-bash.ts case arith  only cases whose lines contain one of the words
//   npx tsx scripts/dev/compare-bash.ts --all       also print the cases that agree
//
// The real side is `bash --norc --noediting -i` reading the lines from a pipe, with empty prompts
// and a clean environment: an interactive shell words its errors as the terminal's does (`bash:
// x: unbound variable`, no `line 1:`), and a failed expansion ends only its own line. Each of a
// case's lines is one line typed; the simulator runs them one by one in one session.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../../simulators';

interface Case {
  /** The lines typed, in order (one string for a single line). */
  lines: string | string[];
  /** Lines that make its files first; they must succeed on both sides. */
  setup?: string;
  /** Why a known difference is accepted (printed with it, not counted as a failure). */
  known?: string;
}

const FILES = "printf 'one\\ntwo\\nthree\\n' > three.txt && printf 'echo sourced \"$#\" \"$1\"\\nsrc_var=set\\nreturn 4\\necho not here\\n' > lib.sh && mkdir -p d && touch d/a.txt d/b.log";

const CASES: Case[] = [
  // $(( )) arithmetic: operators, precedence, bases, wraparound
  { lines: 'echo $((1+2*3)) $(( (1+2)*3 )) $((7/2)) $((-7/2)) $((7%3)) $((-7%3)) $((2**10)) $((2**0))' },
  { lines: 'echo $((1<<4)) $((256>>2)) $((-1>>1)) $((5&3)) $((5|3)) $((5^3)) $((~5)) $(( ! 5 )) $(( ! 0 ))' },
  { lines: 'echo $((1<2)) $((2<=2)) $((3>4)) $((4>=4)) $((1==1)) $((1!=1)) $((1&&0)) $((1||0)) $((0||0))' },
  { lines: 'echo $((5>3?10:20)) $((0?1:0?2:3)) $((1,2,3)) $((a=3, b=a*2, a+b))' },
  { lines: 'echo $((2**63)) $((2**64)) $((1<<63)) $((1<<64)) $((9223372036854775807+1)) $((-9223372036854775807-1))' },
  { lines: 'echo $((9223372036854775808)) $((99999999999999999999)) $((-2**63/-1)) $(( -(-9223372036854775807-1) % -1 ))' },
  { lines: 'echo $((0x1F)) $((0X10)) $((010)) $((2#101)) $((36#z)) $((64#@)) $((64#_)) $((16#ff)) $((0))' },
  { lines: 'x=5; echo $((x)) $(($x)) $((x+1)) $((x*x)) ${x}' },
  { lines: 'x=1+2; echo $((x*2)) $(($x*2))' },
  { lines: 'a=b; b=c; c=7; echo $((a+1))' },
  { lines: 'unset u; echo $((u+1)) $((u)); e=; echo $((e+2))' },
  { lines: 'i=5; echo $((i++)) $i $((i--)) $i $((++i)) $i $((--i)) $i' },
  { lines: 'i=5; echo $((i++ + ++i)) $i' },
  { lines: 'x=10; echo $((x+=5)) $((x-=3)) $((x*=2)) $((x/=4)) $((x%=4)) $((x<<=3)) $((x>>=1)) $((x&=6)) $((x|=9)) $((x^=3)) $x' },
  { lines: 'x=" 3 "; echo $((x+1))' },
  { lines: 'echo $(( "1" + 2 )) $(( 1 + 2 ))' },
  { lines: 'n=3; echo $(( n > 2 ? n * 10 : -1 ))' },
  { lines: 'echo $((1/0)); echo after' },
  { lines: ['echo $((1/0)); echo after', 'echo $?'] },
  { lines: 'echo $((5%0))' },
  { lines: 'echo $((2**-1))' },
  { lines: 'echo $((08))' },
  { lines: 'echo $((1+))' },
  { lines: 'echo $((a b))' },
  { lines: 'echo $(( 1 +  ))' },
  { lines: 'echo $((3#4))' },
  { lines: 'echo $((65#1))' },
  { lines: 'echo $((1#1))' },
  { lines: 'echo $((2#))' },
  { lines: 'echo $((0x1#1))' },
  { lines: "echo $(( '1' + 2 ))" },
  { lines: 'echo $((1 ? : 2))' },
  { lines: 'echo $((1 ? 2 ))' },
  { lines: 'echo $((x=))' },
  { lines: 'echo $((3=4))' },
  { lines: 'echo $((--x++))' },
  { lines: 'echo $((5 $ 3))' },
  { lines: 'echo $(( 1 @ 2 ))' },
  { lines: 'x=x; echo $((x))' },
  { lines: 'x=1/0; echo $((x))' },
  { lines: 'echo $((1+(2*3))) $(( ((4)) ))' },
  { lines: 'echo $((  ))x' },
  { lines: 'echo "$((1+1))" "sum: $((2+3))"' },
  { lines: 'echo $(( $(echo 6) * 7 ))' },
  // (( )) and let
  { lines: ['(( 1 )); echo $?', '(( 0 )); echo $?', '(( 5 > 3 )) && echo yes'] },
  { lines: 'i=0; (( i++ )); echo $? $i; (( i++ )); echo $? $i' },
  { lines: '((1/0)); echo st=$?' },
  { lines: '(( x = 4 * 5 )); echo $x' },
  { lines: 'let x=2+3 "y = x * 2"; echo $? $x $y' },
  { lines: 'let 0; echo $?; let 1 0; echo $?; let 0 1; echo $?' },
  { lines: 'let; echo $?' },
  { lines: 'let 1/0; echo st=$?' },
  { lines: 'let "x=1/0" y=2; echo $? $y' },
  { lines: 'let -x; echo $?' },
  { lines: 'i=3; let i++ i*=2; echo $i' },
  // C-style for
  { lines: 'for ((i=0; i<3; i++)); do echo $i; done' },
  { lines: 'for ((i=10; i>0; i-=4)); do echo $i; done; echo end $i' },
  { lines: 'for ((;;)); do echo once; break; done' },
  { lines: 'for (( i=0 ; i<2 ; i++ )) do echo $i; done' },
  { lines: 'for ((i=0; i<5; i++)); do (( i == 1 )) && continue; (( i == 3 )) && break; echo $i; done' },
  { lines: 'for ((i=0; i<1/0; i++)); do echo x; done; echo st=$?' },
  // functions
  { lines: 'f() { echo "in f: $# [$1] [$2]"; }; f a "b c"' },
  { lines: 'function g { echo kw $1; }; g x' },
  { lines: 'function h() { echo both; }; h' },
  { lines: 'f() { return 3; }; f; echo $?' },
  { lines: 'f() { false; return; }; f; echo $?' },
  { lines: 'f() { echo "$@"; echo "$*"; echo $#; }; f 1 "2 3" 4' },
  { lines: 'f() { for a in "$@"; do echo "<$a>"; done; }; f x "y z" ""' },
  { lines: 'f() { for a; do echo "<$a>"; done; }; f p q' },
  { lines: 'f() { shift; echo "$@"; shift 2; echo $? "$@"; }; f 1 2 3' },
  { lines: 'fact() { if (( $1 <= 1 )); then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 10' },
  { lines: 'fib() { local n=$1; if (( n < 2 )); then echo $n; return; fi; local a=$(fib $((n-1))) b=$(fib $((n-2))); echo $((a+b)); }; fib 10' },
  { lines: 'x=global; f() { local x=local; g; }; g() { echo $x; }; f; echo $x' },
  { lines: 'f() { local x; echo "[${x-unset}]"; x=in; }; x=out; f; echo $x' },
  { lines: 'f() { local a=1 b; b=2; echo $a $b; }; f; echo "[${a-}] [${b-}]"' },
  { lines: 'local x=1' },
  { lines: ['f() { x=1; }; f; echo $x'] },
  { lines: 'FUNCNEST=5; g() { g; }; g; echo after' },
  { lines: 'f() { return abc; echo no; }; f; echo $?' },
  { lines: ['f() { return 1 2; echo no; }; f; echo $?', 'echo $?'] },
  { lines: ['return', 'echo $?'] },
  { lines: 'f() { echo $FUNCNAME; g; }; g() { echo $FUNCNAME ${FUNCNAME[1]}; }; f' },
  { lines: 'f() { echo hi; }; type f' },
  { lines: 'f() { echo "x $1" > out.txt 2>&1; ls -l | wc -l && echo ok || echo no; ! false; }; declare -f f' },
  { lines: 'b() { if [ -f x ]; then echo yes; elif true; then echo mid; else echo no; fi; }; declare -f b' },
  { lines: 'c() { for i in 1 2 "a b"; do echo $i; done; for j; do :; done; while read l; do echo "$l"; done < in; until false; do break; done; }; declare -f c' },
  { lines: 'd() { case "$1" in a|b) echo ab;; c) echo c;& d) echo d;;& *) echo star;; esac; }; declare -f d' },
  { lines: 'e() { (( i++ )); for ((i=0; i<3; i++)); do echo $i; done; x=$(( 1 + 2 )); local y=3 z; arr=(1 2 "3 4"); arr[1]=x; }; declare -f e' },
  { lines: 'h() { echo hi >&2; cat < in 2>/dev/null >> log; echo $((1+2)) `date` $(pwd); }; declare -f h' },
  { lines: 'g() ( echo sub ); declare -f g; g' },
  { lines: 'f() { :; }; g() { :; }; declare -F; declare -F f nope; echo $?' },
  { lines: 'f() { :; }; unset -f f; f', known: "the laptop has Ubuntu's command-not-found handler, which words it `f: command not found`" },
  { lines: 'f() { echo in; }; f() { echo again; }; f' },
  { lines: 'f() { break; }; for i in 1 2; do f; echo $i; done' },
  { lines: 'x=1 f() { :; }' },
  { lines: 'f() { echo "[$VAR]"; }; VAR=temp f; echo "[$VAR]"' },
  { lines: 'f() { echo a; } > out.txt; f; cat out.txt' },
  // positional parameters at the prompt
  { lines: ['set -- a "b c" d', 'echo $# $1 "$2" $3 ${10-none}', 'shift; echo $@', 'shift 5; echo $? $#', 'set --; echo $#'] },
  { lines: ['set x y z', 'echo "$*" "${@:2}" "${@: -1}" ${#@}'] },
  { lines: 'shift abc; echo $?' },
  { lines: 'shift -1; echo $?' },
  { lines: 'shift 1 2' },
  // case
  { lines: 'case abc in a*) echo A;; *) echo other;; esac' },
  { lines: 'case xyz in a*) echo A;; *) echo other;; esac' },
  { lines: 'case b in a|b|c) echo abc;; esac' },
  { lines: 'case x in (x) echo paren;; esac' },
  { lines: 'case "a b" in "a b") echo quoted;; esac' },
  { lines: 'case "*" in "*") echo star;; *) echo any;; esac' },
  { lines: 'case abc in "a*") echo literal;; a*) echo glob;; esac' },
  { lines: 'x=hello; case $x in h?llo) echo q;; esac' },
  { lines: 'case 5 in [0-9]) echo digit;; esac' },
  { lines: 'case a in a) echo one;& b) echo two;& c) echo three;; d) echo four;; esac' },
  { lines: 'case a in a) echo one;;& a*) echo two;;& b) echo three;; *) echo four;; esac' },
  { lines: 'case z in a) echo a;; esac; echo st=$?' },
  { lines: 'case a in a) false;; esac; echo st=$?' },
  { lines: 'case a in a) ;; esac; echo st=$?' },
  { lines: 'case a in\na)\necho multi\n;;\nesac' },
  { lines: 'p=b*; case bob in $p) echo var-pattern;; esac' },
  { lines: 'case x in x) echo no-dsemi\nesac' },
  { lines: 'case x in x) echo a;; esac | cat' },
  { lines: 'case x' },
  { lines: 'case x in x echo;; esac' },
  // arrays
  { lines: 'a=(x y "z w"); echo ${#a[@]} "${a[@]}" ${a[1]} ${!a[@]}' },
  { lines: 'a=(x y z); echo $a ${a} ${a[0]} ${a[2]} ${a[-1]} ${a[-3]}' },
  { lines: 'a=(x y z); echo ${a[5]}; echo ${a[-9]}; echo after' },
  { lines: 'a=(1 2 3); a[5]=six; echo ${#a[@]} ${!a[@]} "${a[@]}"' },
  { lines: 'a[3]=w; declare -p a' },
  { lines: 'a=(1 2); a+=(3 "4 5"); declare -p a; echo ${#a[@]}' },
  { lines: 'a=(1 2 3); unset "a[1]"; declare -p a; echo ${#a[@]}' },
  { lines: 'a=(1 2 3); unset a; echo "[${a[@]}]"' },
  { lines: 'a=(1 2 3); i=1; unset "a[i]"; declare -p a' },
  { lines: 's=str; s[2]=t; declare -p s; echo $s ${s[@]}' },
  { lines: 'b=(x y); b=q; declare -p b' },
  { lines: 'c+=abc; c+=def; echo $c; n=5; n+=3; echo $n' },
  { lines: 'd=([3]=a b [1]=c); declare -p d' },
  { lines: 'e=(1 2 3); e[-1]=L; declare -p e' },
  { lines: 'f=(); f[-1]=x' },
  { lines: 'a[1 + 1]=x; a[i+3]=y; declare -p a' },
  { lines: 'i=2; a[i*2]=z a[$i]=w; declare -p a' },
  { lines: 'a=(a b c d e); echo ${a[@]:1} / ${a[@]:1:2} / ${a[*]: -2} / ${a[@]:9}' },
  { lines: 'a=(apple banana cherry); echo "${a[@]/a/A}" "${a[@]//a/A}" "${a[@]^}" "${a[@]#*a}" ${#a[1]}' },
  { lines: 'x=(1 2); echo "${x[*]}" "${x[@]}"; IFS=,; echo "${x[*]}"; unset IFS' },
  { lines: 'a=(1 2 3); for v in "${a[@]}"; do echo "<$v>"; done' },
  { lines: 'a=("a b" c); printf "[%s]\\n" "${a[@]}" ${a[@]} "${a[*]}"' },
  { lines: 'files=(d/*); echo ${#files[@]} ${files[@]}' },
  { lines: 'words=($(echo one two three)); echo ${#words[@]} ${words[2]}' },
  { lines: 'a=(); echo ${#a[@]} "[${a[@]}]"; declare -p a' },
  { lines: 'a=(x); echo "${a[@]:-empty}" "${b[@]:-empty}" "${b[@]-unset}"' },
  { lines: 'a=(1 2 3); echo $((a[0] + a[2])) $((a[1]*10))' },
  { lines: 'a=(1 2 3); (( a[1] += 5 )); echo ${a[@]}' },
  { lines: 'declare -a h; declare -p h', known: 'a declared array with no value yet is kept as an empty one: `declare -a h=()`' },
  { lines: 'declare -a q=(1 2) r=x; declare -p q r' },
  { lines: 'a=(1 2 "x y"); s="it\'s"; echo ${s@Q} ${a[@]@Q} ${s@U} ${s@u} ${s@L} ${a@a}' },
  { lines: 'echo ${a[}' },
  // here-strings
  { lines: 'cat <<< "here string"' },
  { lines: 'x=world; cat <<< "hello $x"' },
  { lines: 'wc -c <<< abc' },
  { lines: "read a b <<< 'one two three'; echo \"$a|$b\"" },
  { lines: 'tr a-z A-Z <<< $(echo shout)' },
  // set -e / -u / -x / pipefail
  { lines: ['set -e', 'false', 'echo still'], known: 'real bash exits at the failure: the rest of its input is not read; ours stays at the prompt' },
  { lines: 'set -e; if false; then echo t; else echo f; fi; false || echo caught; ! true; echo alive' },
  { lines: 'set -e; f() { false; echo in-f; }; f || echo failed; echo after' },
  { lines: 'set -e; x=$(false; echo out); echo "x=$x"' },
  { lines: 'set -e; false && echo no; echo yes' },
  { lines: 'set -e; (false); echo not-here' },
  { lines: 'set -e; { false; } || echo grouped' },
  { lines: 'set -u; echo $nope; echo after' },
  { lines: 'set -u; echo ${nope:-default} ${nope-x}' },
  { lines: 'set -u; echo $1' },
  { lines: 'set -u; a=(1); echo ${a[5]}' },
  { lines: 'set -u; echo "${b[@]}" end' },
  { lines: 'set -u; echo $((nope + 1)); echo after' },
  { lines: 'set -u; f() { echo $2; }; f x' },
  { lines: 'set -x; echo "a b" c \'\' x=1' },
  { lines: 'set -x; x=1 y="a b"; echo $x' },
  { lines: 'set -x; for i in 1 2; do :; done' },
  { lines: 'set -x; echo $(echo inner)' },
  { lines: 'set -x; case a in a) echo m;; esac' },
  { lines: 'set -x; if [ 1 = 1 ]; then echo t; fi' },
  { lines: 'set -x; f() { echo in; }; f x' },
  { lines: 'set -x; i=0; while ((i<2)); do ((i++)); done' },
  { lines: 'set -x; for ((j=0;j<2;j++)); do :; done' },
  { lines: 'set -x; a=(1 2 "x y"); a[3]=z' },
  { lines: 'set -x; let x=1+2 "y = 3"; echo $((x+y))' },
  { lines: "set -x; echo 'it'\\''s' $'\\t' '*' a*b '~' '#x' a#b" },
  { lines: 'set -x; PS4="[dbg] "; echo z' },
  { lines: 'set -x; { echo g; }; (echo sub)' },
  { lines: ['set -x', 'echo a', 'set +x', 'echo b'] },
  { lines: 'set -o pipefail; false | true; echo $?; true | false | true; echo $?' },
  { lines: 'false | true; echo $?' },
  { lines: 'set -o pipefail; (exit 3) | (exit 4) | true; echo $?' },
  { lines: 'set -eu; echo $-', known: "the real side reads a pipe and has no job control: no `m` (the learner's terminal has it)" },
  { lines: 'set -o errexit -o nounset; echo ${-//m/}; set +o errexit +u; echo ${-//m/}' },
  { lines: 'set -q' },
  { lines: 'set -o nosuch' },
  { lines: 'set -o | grep -E "errexit|pipefail|xtrace" | cat' },
  { lines: 'set -e; set +o | grep -E "errexit|nounset" | cat' },
  { lines: 'set -f; echo d/*; set +f; echo d/*' },
  { lines: ['set -- p q', 'set -e +e; echo $#', 'set -; echo $#', 'set -x -; echo ${-//m/} $#'] },
  // source and .
  { lines: 'source lib.sh a b; echo $? $src_var' },
  { lines: '. ./lib.sh; echo $?' },
  { lines: 'set -- p q; source lib.sh; echo $1' },
  { lines: 'source nosuch.sh; echo $?' },
  { lines: 'source d; echo $?' },
  { lines: 'source' },
  { lines: '. -x' },
  { lines: "printf 'echo one\\nif then\\n' > bad.sh; source bad.sh; echo $?" },
  { lines: "printf 'f() { echo from-file \"$1\"; }\\n' > fns.sh; . fns.sh; f z" },
  // groups and subshells
  { lines: '{ echo a; echo b; } | wc -l' },
  { lines: '{ echo out; echo err >&2; } 2>/dev/null' },
  { lines: 'x=1; { x=2; }; echo $x; (x=3; echo in $x); echo $x' },
  { lines: '(cd d; pwd) | sed "s|.*/||"; cd d; cd ..; ls | cat' },
  { lines: '(exit 3); echo $?' },
  { lines: 'echo $( (echo nested) )' },
  { lines: 'x=$(exit 4); echo $?' },
  { lines: 'x=$(y=in; echo $y); echo "$x [${y-}]"' },
  { lines: '( )' },
  // declare
  { lines: "x=$'a\\tb'; declare -p x" },
  { lines: 'y="q\\"\\$\\`\\\\z"; declare -p y' },
  { lines: 'export z=1; declare -p z' },
  { lines: 'a=(1 "x y"); export a; declare -p a' },
  { lines: 'declare -p nope; echo $?' },
  { lines: 'declare -q' },
  { lines: 'declare -x w=5; declare -p w' },
  { lines: 'f() { declare q=1; echo $q; }; f; echo ${q-gone}' },
  { lines: 'f() { declare -g q=1; }; f; echo ${q-gone}' },
  { lines: 'declare 1x=5; echo $?' },
  { lines: 'f() { local v="a b"; local w=$v; echo "$w"; }; f' },
  // unset
  { lines: 'unset "a b"; echo $?' },
  { lines: 'unset -v "a b"; echo $?' },
  { lines: 'g() { :; }; g=1; unset g; type -t g; echo ${g-unset}' },
  { lines: 'unset -fv x' },
  // more expansions
  { lines: 'x=abcdef; i=2; echo ${x:i:2} ${x: -3} ${x:(-2)} ${x:1:-1} ${x:$((1+1))} ${x:10}' },
  { lines: 'x=abc; echo ${x:1:-5}' },
  { lines: 'set -- a b c d; echo ${@:2:2} ${*:3} ${@:0:1} ${#} ${#*} ${#@}' },
  { lines: 'set -- "a b" c; for w in "$@"; do echo "[$w]"; done; for w in $@; do echo "<$w>"; done; for w in "$*"; do echo "{$w}"; done' },
  { lines: 'set -- "a b" c; for w; do echo "[$w]"; done' },
  { lines: 'set -- x y; echo "pre$@post" "pre$*post"' },
  { lines: 'set --; echo "[$@]" "[$*]" [$@]; printf "<%s>" "$@"; echo' },
  { lines: 'echo "$(( $((1+2)) * $((3+4)) ))" $(( `echo 2` + 1 ))' },
  { lines: 'a=(one two); echo "${a[@]}x" "x${a[@]}" "${#a}" ${#a[0]}' },
  { lines: 'a=(1 2 3); b=("${a[@]}"); b[0]=9; echo ${a[0]} ${b[@]}' },
  { lines: 'a=(x y); a=("${a[@]}" z); echo ${a[@]}; a=(${a[@]/y}); echo ${#a[@]}' },
  { lines: 'name=a; a=(p q); echo ${!name} "${!name}"' },
  { lines: 'ref="a[1]"; a=(p q); echo ${!ref}' },
  { lines: 'a=(p q r); echo ${a[@]: -1} ${a[1+1]} ${a[$((0))]}' },
  { lines: 'a=(1 2 3); echo ${#a[*]} ${!a[*]} "${!a[@]}"' },
  { lines: 'unset a; a[2]=x; a[0]=y; for i in "${!a[@]}"; do echo "$i=${a[$i]}"; done' },
  { lines: 'arr=(b a c); for i in "${!arr[@]}"; do echo $i ${arr[i]}; done' },
  { lines: 'x=5; (( x > 3 )) && echo big || echo small' },
  { lines: 'if (( 2 > 1 )); then echo yes; fi; while (( n++ < 3 )); do echo n=$n; done' },
  { lines: 'for i in {1..3}; do (( sum += i )); done; echo $sum' },
  { lines: 'i=0; until (( i >= 3 )); do echo $i; ((i++)); done' },
  { lines: 'echo $(( 10 / 3 * 3 + 10 % 3 ))' },
  // functions and scripts, together
  { lines: 'greet() { local name=${1:-world}; echo "Hello, $name!"; }; greet; greet Ada' },
  { lines: 'count() { echo $#; }; count; count ""; count a b "c d"' },
  { lines: 'f() { echo "$1"; shift; [ $# -gt 0 ] && f "$@"; }; f a b c' },
  { lines: 'sum() { local t=0 n; for n in "$@"; do (( t += n )); done; echo $t; }; sum 1 2 3 4' },
  { lines: 'f() { local -a items=(x y z); echo ${#items[@]} ${items[1]}; }; f; echo "[${items[@]}]"' },
  { lines: 'f() { return 300; }; f; echo $?' },
  { lines: 'f() { return -1; }; f; echo $?' },
  { lines: 'f() { echo "$0"; }; f' },
  { lines: 'f() { cat; }; echo piped | f' },
  { lines: 'f() { echo out; echo err >&2; }; f 2>/dev/null; f >/dev/null' },
  { lines: 'f() { x=changed; }; x=orig; f | cat; echo $x; f; echo $x' },
  { lines: 'outer() { inner() { echo nested; }; inner; }; outer; inner' },
  { lines: 'f() {\n  echo line1\n  echo line2\n}\nf' },
  { lines: 'f() { cat <<EOF\nhi $1\nEOF\n}; f you; declare -f f' },
  { lines: 'f() { echo $1; }; f "$(echo a b)"; f $(echo a b)' },
  { lines: 'f() { local IFS=,; echo "$*"; }; f a b c' },
  { lines: 'printf "echo hi\\n" > greet.sh; f() { source greet.sh; echo after; }; f' },
  { lines: "printf 'return 5\n' > r.sh; f() { . ./r.sh; echo in-f $?; return 2; }; f; echo $?" },
  { lines: 'f() { exit 3; }; (f); echo $?' },
  { lines: 'f() { (return 7); echo sub=$?; }; f' },
  { lines: 'type -t f; f() { :; }; type -t f' },
  // case, more
  { lines: 'for x in apple Banana 42 ""; do case $x in [a-z]*) echo "$x lower";; [A-Z]*) echo "$x upper";; *[0-9]*) echo "$x digits";; "") echo empty;; esac; done' },
  { lines: 'case $(echo hi) in hi) echo subst;; esac' },
  { lines: 'case a in *) echo default;; a) echo never;; esac' },
  { lines: 'x=yes; case "$x" in y|yes|Y) echo affirmative;; n|no) echo negative;; esac' },
  { lines: 'case a.txt in *.txt|*.md) echo doc;; esac' },
  { lines: 'case [x] in "[x]") echo brackets;; esac' },
  { lines: "case 'a\\b' in *\\\\*) echo backslash;; esac" },
  { lines: 'case x in x) echo one; echo two;; esac' },
  { lines: 'case x in x) if true; then echo nested; fi;; esac' },
  { lines: 'case x in\n  x) echo a ;;\n  *) echo b ;;\nesac' },
  { lines: 'case x in esac' },
  { lines: 'case x in x) echo;; y' },
  // errors around the new syntax
  { lines: 'echo $((' },
  { lines: 'f() echo hi' },
  { lines: 'function' },
  { lines: '{ echo a }' },
  { lines: '}' },
  { lines: 'for ((i=0; i<3)); do :; done' },
  { lines: 'a=(1 2', known: 'the real side meets the end of its input there (status 1); a terminal would ask for more, and the simulator reports it as bash does at end of input, with 2' },
  { lines: '((' },
  { lines: 'echo $(( 1 + ( 2 ))' },
  // [[ ]]
  { lines: '[[ -f three.txt ]]; echo $?; [[ -d three.txt || -e three.txt ]] && echo or' },
  { lines: '[[ abc == a* ]]; echo $?; [[ abc == "a*" ]]; echo $?; p="a*"; [[ abc == $p ]]; echo $?; [[ abc == "$p" ]]; echo $?' },
  { lines: '[[ abc != b* ]] && echo ne; [[ a = b ]] || echo differ' },
  { lines: '[[ 1+1 -eq 2 ]]; echo $?; [[ x -eq 0 ]]; echo $?; [[ 010 -eq 8 ]]; echo $?; [[ a -lt b ]]; echo $?' },
  { lines: '[[ 1/0 -eq 1 ]]; echo $?' },
  { lines: '[[ b > a ]]; echo $?; [[ a < b ]]; echo $?; [[ B < a ]]; echo $?' },
  { lines: '[[ abc =~ ^a(b)(c)$ ]]; echo $? ${BASH_REMATCH[@]} ${#BASH_REMATCH[@]}' },
  { lines: '[[ abc =~ "a.c" ]]; echo $?; [[ a.c =~ "a.c" ]]; echo $?; [[ abc =~ a\.c ]]; echo $?' },
  { lines: 're="^[0-9]+$"; [[ 123 =~ $re ]] && echo num; [[ 12a =~ $re ]] || echo not-num' },
  { lines: 'v=release-1.22.3; [[ $v =~ ([0-9]+)\.([0-9]+)\.([0-9]+) ]] && echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]} ${BASH_REMATCH[3]}"' },
  { lines: '[[ abc =~ b ]] && echo ${BASH_REMATCH[0]}; [[ abc =~ z ]]; echo ${#BASH_REMATCH[@]}' },
  { lines: '[[ x =~ [ ]]; echo $?' },
  { lines: '[[ x =~ (a|x) ]] && echo alt' },
  { lines: '[[ ! -z "" ]]; echo $?; [[ ( a == a ) && ! ( b == c ) ]]; echo $?' },
  { lines: '[[ -n $nope ]]; echo $?; [[ $nope ]]; echo $?; [[ x ]]; echo $?' },
  { lines: 'x="a b"; [[ $x == "a b" ]] && echo nosplit; [[ $x == a?b ]] && echo glob' },
  { lines: 'x=5; [[ $x -gt 3 && $x -lt 10 ]] && echo in; [[ -z $x ]] || echo set' },
  { lines: '[[ -v HOME ]]; echo $?; [[ -v nope ]]; echo $?; a=(1); [[ -v a[0] ]]; echo $?; [[ -v a[3] ]]; echo $?' },
  { lines: ['false', '[[ -f ]]', 'echo $?'] },
  { lines: ['false', '[[ ]]', 'echo $?'] },
  { lines: '[[ a -eq ]]' },
  { lines: '[[ a == b c ]]' },
  { lines: '[[ a b ]]' },
  { lines: '[[ a == (b|c) ]]; echo $?' },
  { lines: 'set -x; [[ abc == "a*" ]]; [[ x ]]; [[ $nope ]]; [[ abc =~ ^a(b) ]]; [[ ! -f nope ]]; [[ 1 -eq 01 ]]; [[ a < b ]]' },
  { lines: 'f() { [[ -n $1 && $1 == y* ]] && echo yes || echo no; }; f yes; f no; declare -f f' },
  { lines: 'if [[ -d d && ! -e nope ]]; then echo ok; fi; while [[ $i != xxx ]]; do i+=x; done; echo $i' },
  // eval and command
  { lines: 'eval "echo a; echo b"; echo $?; x="echo hi"; eval $x' },
  { lines: ['eval "if"; echo $?', 'eval', 'echo $?'] },
  { lines: 'f(){ eval "return 3"; echo no; }; f; echo $?' },
  { lines: 'eval "a=(1 2)"; echo ${a[1]}; eval "echo \$((1+1))"' },
  { lines: 'eval "echo \$((1/0))"; echo after' },
  { lines: 'f(){ echo fn; }; command -v ls cd f; command -v nope; echo $?; command f; echo $?', known: "the laptop has Ubuntu's command-not-found handler, which words it `f: command not found`" },
  { lines: 'f(){ echo fn; }; command -V ls cd f nope; echo $?' },
  { lines: 'ls(){ echo fake; }; command ls -d / | cat; ls' },
  { lines: ['command', 'echo $?', 'command -x', 'command true; echo $?'] },
  { lines: 'if command -v docker >/dev/null; then echo have-docker; fi' },
  // scripts a learner might write
  { lines: 'usage() { echo "usage: $0 [-v] NAME" >&2; return 2; }; parse() { local verbose=0; while [ $# -gt 0 ]; do case $1 in -v|--verbose) verbose=1; shift;; -h) usage; return;; -*) echo "unknown: $1"; return 1;; *) break;; esac; done; echo "verbose=$verbose name=${1:-none}"; }; parse -v web; parse db; parse -x; echo $?; parse -h; echo $?' },
  { lines: 'images=(nginx:1.27 redis:7 "python:3.12-slim"); for i in "${!images[@]}"; do printf "%d: %s (repo %s, tag %s)\n" $((i+1)) "${images[i]}" "${images[i]%%:*}" "${images[i]#*:}"; done' },
  { lines: 'count=0; for f in d/*; do [[ -f $f ]] && (( count++ )); done; echo "$count files"; total=$(( count * 10 )); echo "total $total"' },
  { lines: 'retry() { local n=0 max=$1; shift; until "$@"; do (( n++ )); if (( n >= max )); then echo "gave up after $n"; return 1; fi; done; }; retry 3 false; echo $?; retry 3 true; echo $?' },
  { lines: 'declare -a ports=(); for p in 80 443 8080; do ports+=("$p/tcp"); done; echo "${ports[*]}"; IFS=,; echo "${ports[*]}"; unset IFS; echo ${#ports[@]}' },
  { lines: 'log() { local level=$1; shift; printf "[%-5s] %s\n" "${level^^}" "$*"; }; log info starting up; log error "disk full"' },
  { lines: 'max() { local m=$1 x; for x; do (( x > m )) && m=$x; done; echo $m; }; max 3 9 2 7' },
  { lines: 'join() { local IFS="$1"; shift; echo "$*"; }; join , a b c; join "" x y' },
  { lines: 'while IFS=: read -r user _ uid _; do (( uid == 0 )) && echo "root is $user"; done <<< "root:x:0:0\ndaemon:x:1:1"' },
  { lines: 'n=0; while read -r line; do n=$((n + ${#line})); done < three.txt; echo "chars: $n"' },
  // read with IFS and -a
  { lines: 'IFS=: read a b <<< "x:y:z"; echo "[$a][$b]"; IFS=: read a b c <<< "x::z"; echo "[$a][$b][$c]"; IFS=", " read a b <<< "x, y , z"; echo "[$a][$b]"' },
  { lines: 'IFS=: read a b <<< "x:y:"; echo "[$a][$b]"; IFS=: read a b <<< "x:y:z:"; echo "[$a][$b]"; IFS=: read a b <<< "x:y::"; echo "[$a][$b]"; IFS=: read a <<< "x:y:"; echo "[$a]"' },
  { lines: 'read -ra parts <<< "  a b   c "; echo ${#parts[@]} "${parts[@]}"; IFS=: read -a p <<< "a:b::c"; declare -p p; read -r -a q <<< ""; declare -p q' },
  { lines: 'IFS= read -r line <<< "  keep  "; echo "[$line]"; read a b <<< "one"; echo "[$a][$b]"' },
  { lines: 'read -a' },
  // mapfile and readarray
  { lines: 'printf "a\\nb\\n\\nc" | { mapfile -t arr; declare -p arr; }; mapfile -t x < /dev/null; declare -p x' },
  { lines: 'printf "a\\nb\\n" | { mapfile y; declare -p y; }; printf "1\\n2\\n3\\n4\\n" | { readarray -t -s 1 -n 2 z; declare -p z; }' },
  { lines: 'mapfile -t lines < three.txt; echo ${#lines[@]} "${lines[1]}"; printf "q\\nr\\n" | { mapfile; declare -p MAPFILE; }' },
  { lines: ['mapfile -q', 'mapfile -t 1bad < /dev/null'] },
  // set -e, further
  { lines: 'set -e; false | true; echo x' },
  { lines: 'set -eo pipefail; false | true; echo x' },
  { lines: 'set -e; a=1; ((a--)); echo reached; ((a--)); echo not-reached' },
  { lines: 'set -e; f(){ return 1; }; if f; then :; fi; echo yes; f; echo no' },
  { lines: 'set -e; for i in 1 2; do [[ $i == 2 ]] && false; echo "i=$i"; done; echo end' },
  { lines: 'set -e; case x in x) false;; esac; echo no' },
  { lines: 'set -e; while false; do :; done; until true; do :; done; echo fine' },
  { lines: 'set -e; echo $(false) survived' },
  { lines: 'set -e; x=$(false); echo no' },
  { lines: 'set -e; local_test() { local v=$(false); echo "local hides it"; }; local_test' },
  { lines: 'set -e; ! false; echo after-bang; false || true; echo after-or' },
  { lines: 'set -u; f() { echo ${1:-none} $#; }; f; unset x; echo ${x:+set}${x-unset}' },
  { lines: 'set -u; arr=(); echo "${#arr[@]}"; for a in "${arr[@]}"; do echo $a; done; echo ok' },
  { lines: 'set -x; f() { local n=$1; echo $((n*2)); }; r=$(f 4); echo $r' },
  // time (the real side's clock ticks; these formats do not show it)
  { lines: 'time -p true' },
  { lines: 'TIMEFORMAT="u=%U s=%3lS p=%%"; time true; time -p true' },
  { lines: 'TIMEFORMAT=; time (exit 3); echo $?; time ! false; echo $?' },
  { lines: 'f() { time echo x; }; declare -f f' },
  // process substitution <( )
  { lines: 'echo <(true) <(true); x=<(true); echo $x' },
  { lines: 'cat <(echo hi); cat < <(echo one) | wc -l' },
  { lines: 'while read l; do echo "[$l]"; done < <(printf "a\\nb\\n")' },
  { lines: 'diff <(echo a) <(echo b); echo $?' },
  { lines: 'sort <(printf "b\\na\\n") | head -1' },
  // hostile, bounded
  { lines: 'echo $((2**62 * 4)) $((-1 << 63 >> 63))' },
];

const SIM_HOME = '/home/learner';

/** Runs the lines in a fresh interactive bash, in a fresh directory with FILES. */
function real(setup: string, lines: readonly string[]): { output: string; exitCode: number } {
  const dir = mkdtempSync(join(tmpdir(), 'berth-bash-'));
  const env = { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: dir, PS1: '', PS2: '', TERM: 'dumb', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', USER: 'learner' } as unknown as NodeJS.ProcessEnv;
  try {
    spawnSync('bash', ['-c', setup], { cwd: dir, env });
    // stdout and stderr together, as a terminal shows them.
    const merged = spawnSync('bash', ['-c', 'exec 2>&1; exec env PS1= PS2= bash --norc --noprofile --noediting -i'], { cwd: dir, env, input: `${lines.join('\n')}\n`, encoding: 'utf8', maxBuffer: 1 << 26 });
    let output = merged.stdout
      .split('\n')
      .filter((l) => !/^bash: (cannot set terminal process group|no job control in this shell)/.test(l))
      .join('\n');
    // At the end of its input an interactive bash says `exit`.
    output = output.replace(/exit\n$/, '');
    return { output: output.split(dir).join(SIM_HOME), exitCode: merged.status ?? -1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function simulated(setup: string, lines: readonly string[]): { output: string; exitCode: number } {
  const s = createSession();
  const prepared = s.run(setup);
  if (prepared.exitCode !== 0) return { output: `setup failed: ${prepared.output}`, exitCode: -1 };
  let output = '';
  let exitCode = 0;
  for (const line of lines) {
    const r = s.run(line);
    output += r.output;
    exitCode = r.exitCode;
  }
  return { output, exitCode };
}

const argv = process.argv.slice(2);
const showAll = argv.includes('--all');
const filters = argv.filter((a) => a !== '--all');
let differ = 0;
let known = 0;
let same = 0;
for (const c of CASES) {
  const lines = typeof c.lines === 'string' ? [c.lines] : c.lines;
  if (filters.length && !filters.some((f) => lines.some((l) => l.includes(f)))) continue;
  const setup = c.setup ?? FILES;
  const want = real(setup, lines);
  const got = simulated(setup, lines);
  const agree = want.output === got.output && want.exitCode === got.exitCode;
  if (agree) same++;
  else if (c.known) known++;
  else differ++;
  if (agree && !showAll) continue;
  console.log(`${agree ? 'SAME' : c.known ? 'KNOWN' : 'DIFF'}  ${lines.join(' ⏎ ')}${c.known ? `   (${c.known})` : ''}`);
  if (!agree) {
    console.log(`  real (exit ${want.exitCode}): ${JSON.stringify(want.output)}`);
    console.log(`  sim  (exit ${got.exitCode}): ${JSON.stringify(got.output)}`);
  }
}
console.log(`\n${same} same, ${differ} different, ${known} known differences`);
