import { describe, expect, it } from 'vitest';
import { MAX_NESTING, parseScript } from '../../../../simulators/shell/parser';
import type { Script, SimpleCommand, Word } from '../../../../simulators/shell/ast';

function parsed(src: string): Script {
  const r = parseScript(src);
  if (r.kind !== 'ok') throw new Error(`${src}: ${JSON.stringify(r)}`);
  return r.script;
}

/** The simple commands of a script's first pipeline. */
const simple = (src: string) => parsed(src).items[0].first.commands as SimpleCommand[];

/** A word's literal text when it has no expansions (quotes removed). */
const text = (w: Word) => w.parts.map((p) => (p.kind === 'text' ? p.value : `<${p.kind}>`)).join('');
const words = (src: string) => simple(src)[0].words.map(text);

describe('parser: words and quoting', () => {
  it('splits on blanks and removes quotes', () => {
    expect(words(`echo  a "b c" 'd e' f\\ g`)).toEqual(['echo', 'a', 'b c', 'd e', 'f g']);
    expect(words(`echo "it's" 'say "hi"' a"b"'c'`)).toEqual(['echo', "it's", 'say "hi"', 'abc']);
    expect(words(`echo ""`)).toEqual(['echo', '']);
  });

  it('keeps backslash escapes inside double quotes only for $ ` " \\', () => {
    expect(words(`echo "a\\$b \\"q\\" \\\\ \\n"`)).toEqual(['echo', 'a$b "q" \\ \\n']);
  });

  it('marks expansions: $VAR, ${VAR:-x}, $?, $(...), backticks, ~', () => {
    const [cmd] = simple('echo $HOME ${X:-def} $? $(pwd) `date` ~/x');
    expect(cmd.words.slice(1).map((w) => w.parts[0].kind)).toEqual(['param', 'param', 'param', 'subst', 'subst', 'tilde']);
    const param = cmd.words[2].parts[0];
    expect(param).toMatchObject({ kind: 'param', name: 'X', op: ':-' });
  });

  it('reads $\'...\' C strings', () => {
    expect(words(`echo $'a\\tb\\n'`)).toEqual(['echo', 'a\tb\n']);
  });

  it('treats a lone $ and a # inside a word as text, and # at a word start as a comment', () => {
    expect(words('echo $ a#b # comment')).toEqual(['echo', '$', 'a#b']);
  });
});

describe('parser: lists, pipelines and redirections', () => {
  it('builds and-or lists of pipelines', () => {
    const s = parsed('a | b | c && d || e; f');
    expect(s.items).toHaveLength(2);
    expect(s.items[0].first.commands).toHaveLength(3);
    expect(s.items[0].rest.map((r) => r.op)).toEqual(['&&', '||']);
  });

  it('marks the and-or lists that run as jobs (`&`), wherever a list may stand', () => {
    const s = parsed('a && b & c; d &');
    expect(s.items.map((i) => Boolean(i.background))).toEqual([true, false, true]);
    expect(s.items[0].rest.map((r) => r.op)).toEqual(['&&']);
    const inner = parsed('for i in 1; do sleep 1 & done; { x & }; case a in a) y & ;; esac').items;
    expect(inner).toHaveLength(3);
    expect(parseScript('sleep 1 &&')).toMatchObject({ kind: 'incomplete' });
  });

  it('reads redirections with and without file descriptors', () => {
    const [cmd] = simple('cmd >out 2>>err <in 2>&1 &>all');
    expect(cmd.redirects.map((r) => [r.fd, r.op, text(r.target)])).toEqual([
      [1, '>', 'out'],
      [2, '>>', 'err'],
      [0, '<', 'in'],
      [2, '>&', '1'],
      [1, '&>', 'all'],
    ]);
  });

  it('collects heredoc bodies after the line, quoted or not, with tabs stripped for <<-', () => {
    const [cmd] = simple('cat <<EOF >f\nhello $USER\nEOF');
    expect(cmd.redirects[0].heredoc).toEqual({ body: 'hello $USER\n', expand: true });
    const [quoted] = simple("cat <<'END'\n$x\nEND");
    expect(quoted.redirects[0].heredoc).toEqual({ body: '$x\n', expand: false });
    const [tabs] = simple('cat <<-EOF\n\t\tindented\n\tEOF');
    expect(tabs.redirects[0].heredoc?.body).toBe('indented\n');
  });

  it('recognises assignments before a command', () => {
    const [cmd] = simple('A=1 B="x y" env');
    expect(cmd.assigns.map((a) => [a.name, text(a.value)])).toEqual([
      ['A', '1'],
      ['B', 'x y'],
    ]);
    expect(cmd.words.map(text)).toEqual(['env']);
  });

  it('joins a backslash-newline into one line', () => {
    expect(words('echo a \\\n b')).toEqual(['echo', 'a', 'b']);
  });
});

describe('parser: unfinished input asks for more', () => {
  it.each([
    ['echo "open', '`"\''],
    ["echo 'open", "`''"],
    ['echo a |', 'unexpected end of file'],
    ['echo a &&', 'unexpected end of file'],
    ['cat <<EOF\nline', 'here-document'],
    ['echo $(date', "`)'"],
    ['echo \\', 'EOF'],
    ['echo ${', "`}'"],
  ])('%j is incomplete', (src, hint) => {
    const r = parseScript(src);
    expect(r.kind).toBe('incomplete');
    if (r.kind === 'incomplete') expect(r.message).toContain(hint);
  });
});

describe('parser: errors as bash words them', () => {
  it.each([
    ['echo a && && b', "bash: syntax error near unexpected token `&&'"],
    ['echo a | | b', "bash: syntax error near unexpected token `|'"],
    ['; ls', "bash: syntax error near unexpected token `;'"],
    ['ls ;;', "bash: syntax error near unexpected token `;;'"],
    ['echo >', "bash: syntax error near unexpected token `newline'"],
    ['echo > | x', "bash: syntax error near unexpected token `|'"],
    ['done', "bash: syntax error near unexpected token `done'"],
    ['sleep 1 & ;', "bash: syntax error near unexpected token `;'"],
    ['& ls', "bash: syntax error near unexpected token `&'"],
    ['a && & b', "bash: syntax error near unexpected token `&'"],
  ])('%j', (src, message) => {
    expect(parseScript(src)).toMatchObject({ kind: 'error', message });
  });

  it('leaves a bad substitution to expansion time, as bash does', () => {
    const [cmd] = simple('echo ${a b}');
    expect(cmd.words[1].parts).toEqual([{ kind: 'bad', text: '${a b}' }]);
  });

  it.each(['select x in a; do :; done', 'coproc cat'])(
    'refuses %j plainly instead of half-running it',
    (src) => {
      const r = parseScript(src);
      expect(r.kind).toBe('error');
      if (r.kind === 'error') expect(r.message).toMatch(/not supported in this terminal/);
    },
  );
});

describe('parser: every line ends, with bash’s own error where bash has one', () => {
  const error = (src: string) => {
    const r = parseScript(src);
    return r.kind === 'error' ? r.message : r.kind;
  };
  const near = (token: string) => `bash: syntax error near unexpected token \`${token}'`;

  it('refuses a redirection among a for loop’s words (it used to loop until memory ran out)', () => {
    // Each answer checked against bash 5.2.
    expect(error('for f in * > out.txt; do echo $f; done')).toBe(near('>'));
    expect(error('for f in a < b; do echo; done')).toBe(near('<'));
    expect(error('for f in a b >; do :; done')).toBe(near('>'));
    expect(error('for f in a 2>x; do :; done')).toBe(near('2'));
    expect(error('for f in a &>x; do :; done')).toBe(near('&>'));
    expect(error('for f in a <<<x; do :; done')).toBe(near('<<<'));
    expect(error('for f in a(; do :; done')).toBe(near('('));
    expect(error('for > x in a; do :; done')).toBe(near('>'));
    expect(error('for 2>x in a; do :; done')).toBe(near('2'));
    expect(error('for f in a; >x do :; done')).toBe(near('>'));
    expect(error('for f in a; 2>x do :; done')).toBe(near('2'));
    expect(error('for f in a b; >x; do :; done')).toBe(near('>'));
    expect(error('for f in a; do :; done 2>x 3')).toBe(near('3'));
  });

  it('stops nesting where the stack would run out, with a syntax error', () => {
    const ifs = (n: number) => `${'if true; then '.repeat(n)}echo hi${'; fi'.repeat(n)}`;
    expect(error(ifs(MAX_NESTING))).toBe('ok');
    expect(error(ifs(MAX_NESTING + 1))).toBe(near('true'));
    expect(error(ifs(5000))).toBe(near('true'));
    const substs = (n: number) => `echo ${'$('.repeat(n)}echo hi${')'.repeat(n)}`;
    expect(error(substs(MAX_NESTING))).toBe('ok');
    expect(error(substs(5000))).toMatch(/^bash: syntax error near unexpected token/);
    expect(error(`echo ${'${a:-'.repeat(5000)}x${'}'.repeat(5000)}`)).toMatch(/^bash: syntax error near unexpected token/);
  });
});

describe('parser: the blocks and words of bash scripts', () => {
  const first = (src: string) => parsed(src).items[0].first.commands[0];

  it('reads functions in both forms, keeping the body and its redirections', () => {
    expect(first('f() { echo a; }')).toMatchObject({ kind: 'function', name: 'f', body: { kind: 'group', redirects: [] } });
    expect(first('function g { :; } > out')).toMatchObject({ kind: 'function', name: 'g', body: { kind: 'group', redirects: [{ op: '>', fd: 1 }] } });
    expect(first('function h() ( echo )')).toMatchObject({ kind: 'function', name: 'h', body: { kind: 'subshell' } });
    expect(first('f()\n{\n:\n}')).toMatchObject({ kind: 'function', name: 'f' });
  });

  it('reads case items with their patterns and terminators', () => {
    const c = first('case $x in a|b) echo 1;; (c) ;& *) echo 3;;& esac');
    expect(c).toMatchObject({ kind: 'case' });
    if (!('kind' in c) || c.kind !== 'case') throw new Error('not a case');
    expect(c.items.map((i) => [i.patterns.map(text), i.end, i.body.items.length])).toEqual([
      [['a', 'b'], ';;', 1],
      [['c'], ';&', 0],
      [['*'], ';;&', 1],
    ]);
  });

  it('tells (( )) from ( ( ) ), and $(( )) from $( ( ) )', () => {
    expect(first('((x = 1 + 2))')).toMatchObject({ kind: 'arith' });
    expect(first('( (echo a) )')).toMatchObject({ kind: 'subshell' });
    expect(simple('echo $((1+2))')[0].words[1].parts[0]).toMatchObject({ kind: 'arith', quoted: false });
    expect(simple('echo $( (echo a) )')[0].words[1].parts[0]).toMatchObject({ kind: 'subst' });
    expect(simple('echo "$((1+2))"')[0].words[1].parts[0]).toMatchObject({ kind: 'arith', quoted: true });
  });

  it('reads for (( ; ; )) as three expressions', () => {
    expect(first('for ((i=0; i<3; i++)); do :; done')).toMatchObject({ kind: 'arithFor' });
    expect(parseScript('for ((i=0; i<3)); do :; done')).toMatchObject({ kind: 'error', message: "bash: syntax error: arithmetic expression required\nbash: syntax error: `((i=0; i<3))'" });
  });

  it('reads array assignments, subscripts (blanks allowed) and +=', () => {
    const [cmd] = simple('a=(x "y z" [5]=w) b[1 + 1]=v c+=s');
    expect(cmd.words).toEqual([]);
    expect(cmd.assigns.map((a) => [a.name, Boolean(a.array), a.array?.length, Boolean(a.index), Boolean(a.append)])).toEqual([
      ['a', true, 3, false, false],
      ['b', false, undefined, true, false],
      ['c', false, undefined, false, true],
    ]);
    expect(cmd.assigns[0].array![2].index).toBeDefined();
  });

  it('keeps a declaration builtin’s assignments as assignments', () => {
    const [cmd] = simple('local x=$1 arr=(1 2) plain');
    expect(cmd.words.map((w) => w.assign?.name ?? text(w))).toEqual(['local', 'x', 'arr', 'plain']);
    expect(cmd.words[2].assign?.array).toHaveLength(2);
  });

  it('reads ${a[i]}, ${a[@]}, ${#a[@]}, ${!a[@]} and ${x:offset:length} with arithmetic', () => {
    const parts = simple('echo ${a[i+1]} ${a[@]} ${#a[*]} ${!a[@]} ${x:i:2} ${x@Q}')[0].words.slice(1).map((w) => w.parts[0]);
    expect(parts.map((p) => (p.kind === 'param' ? [p.name, typeof p.index === 'string' ? p.index : p.index ? 'expr' : undefined, p.op] : p.kind))).toEqual([
      ['a', 'expr', undefined],
      ['a', '@', undefined],
      ['a', '*', 'length'],
      ['a', '@', 'keys'],
      ['x', undefined, ':'],
      ['x', undefined, '@Q'],
    ]);
  });

  it('is incomplete inside a block that has not closed', () => {
    for (const src of ['f() {', 'f() { echo', 'case x in', 'a=(1 2', '{ echo a', '( echo a', '((1+2', 'for ((i=0;i<2;i++)); do']) expect(parseScript(src).kind, src).toBe('incomplete');
  });
});
