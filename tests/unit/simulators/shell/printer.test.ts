// Functions as bash prints them (`declare -f`, `type`): the world keeps each in this form and
// parses it again to run it, so printing must be bash's and must read back as the same function.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { parseScript } from '../../../../simulators/shell/parser';
import { printFunction } from '../../../../simulators/shell/printer';
import type { FunctionDefinition } from '../../../../simulators/shell/ast';

/** Definitions covering each kind of block, their output checked against bash 5.2's `declare -f`. */
const DEFINITIONS = "a() { echo \"x $1\" > out.txt 2>&1; ls -l | wc -l && echo ok || echo no; ! false; }\nb() { if [ -f x ]; then echo yes; elif true; then echo mid; else echo no; fi; }\nc() { for i in 1 2 \"a b\"; do echo $i; done; for j; do :; done; while read l; do echo \"$l\"; done < in; until false; do break; done; }\nd() { case \"$1\" in a|b) echo ab;; c) echo c;& d) echo d;;& *) echo star;; esac; }\ne() { (( i++ )); for ((i=0; i<3; i++)); do echo $i; done; x=$(( 1 + 2 )); local y=3 z; arr=(1 2 \"3 4\"); arr[1]=x; }\ng() ( echo sub )\nh() { echo hi >&2; cat < in 2>/dev/null >> log; echo $((1+2)) `date` $(pwd); }\nk() { echo a; echo b\necho c\n}\nm() { { echo g; echo h; } > out; }\nn() { cat <<EOT\nhello $x\nEOT\necho after; }";

const BASH_PRINTS = "a () \n{ \n    echo \"x $1\" > out.txt 2>&1;\n    ls -l | wc -l && echo ok || echo no;\n    ! false\n}\nb () \n{ \n    if [ -f x ]; then\n        echo yes;\n    else\n        if true; then\n            echo mid;\n        else\n            echo no;\n        fi;\n    fi\n}\nc () \n{ \n    for i in 1 2 \"a b\";\n    do\n        echo $i;\n    done;\n    for j in \"$@\";\n    do\n        :;\n    done;\n    while read l; do\n        echo \"$l\";\n    done < in;\n    until false; do\n        break;\n    done\n}\nd () \n{ \n    case \"$1\" in \n        a | b)\n            echo ab\n        ;;\n        c)\n            echo c\n        ;&\n        d)\n            echo d\n        ;;&\n        *)\n            echo star\n        ;;\n    esac\n}\ne () \n{ \n    (( i++ ));\n    for ((i=0; i<3; i++))\n    do\n        echo $i;\n    done;\n    x=$(( 1 + 2 ));\n    local y=3 z;\n    arr=(1 2 \"3 4\");\n    arr[1]=x\n}\ng () \n{ \n    ( echo sub )\n}\nh () \n{ \n    echo hi 1>&2;\n    cat < in 2> /dev/null >> log;\n    echo $((1+2)) `date` $(pwd)\n}\nk () \n{ \n    echo a;\n    echo b;\n    echo c\n}\nm () \n{ \n    { \n        echo g;\n        echo h\n    } > out\n}\nn () \n{ \n    cat <<EOT\nhello $x\nEOT\n\n    echo after\n}\n";

function printed(definition: string): string {
  const parsed = parseScript(definition);
  if (parsed.kind !== 'ok') throw new Error(`${definition}: ${parsed.kind}`);
  return printFunction(parsed.script.items[0].first.commands[0] as FunctionDefinition);
}

describe('declare -f', () => {
  it('prints each kind of block as bash 5.2 does', () => {
    const s = createSession();
    expect(s.run(DEFINITIONS).output).toBe('');
    expect(s.run('for f in a b c d e g h k m n; do declare -f $f; done').output).toBe(BASH_PRINTS);
  });

  it('type says it is a function, then prints it', () => {
    const s = createSession();
    s.run('f() { echo hi; }');
    expect(s.run('type f; type -t f')).toEqual({ output: 'f is a function\nf () \n{ \n    echo hi\n}\nfunction\n', exitCode: 0 });
  });
});

/** Bodies built from a few commands and blocks, nested. */
const command: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? fc.constantFrom('echo "a $1"', "x=1", 'a=(1 "2 3")', 'ls -l | wc -l', 'true && echo y || echo n', 'cat < in > out 2>&1', '(( i++ ))', 'echo hi >&2', 'local v=$1', '! false', 'echo $((1+2)) $(pwd)')
    : fc.oneof(
        command(depth - 1),
        fc.tuple(command(depth - 1), command(depth - 1)).map(([a, b]) => `if ${a}; then ${b}; fi`),
        fc.tuple(command(depth - 1), command(depth - 1), command(depth - 1)).map(([a, b, c]) => `if ${a}; then ${b}; elif ${a}; then ${c}; else ${b}; fi`),
        command(depth - 1).map((a) => `for i in 1 "2 3"; do ${a}; done`),
        command(depth - 1).map((a) => `for ((i=0; i<2; i++)); do ${a}; done`),
        fc.tuple(command(depth - 1), command(depth - 1)).map(([a, b]) => `while ${a}; do ${b}; done`),
        fc.tuple(command(depth - 1), command(depth - 1)).map(([a, b]) => `case $x in a|b) ${a};; *) ${b};& c) ;; esac`),
        command(depth - 1).map((a) => `{ ${a}; } > f`),
        command(depth - 1).map((a) => `( ${a} )`),
      ),
);

describe('a printed function reads back as itself (property)', () => {
  it('printing what was printed gives the same text', () => {
    fc.assert(
      fc.property(fc.array(command(3), { minLength: 1, maxLength: 4 }), (commands) => {
        const once = printed(`f() { ${commands.join('; ')}; }`);
        expect(printed(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});
