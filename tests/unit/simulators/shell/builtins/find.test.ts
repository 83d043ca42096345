// find against GNU findutils 4.9 (names in byte order: a real directory's order is its file system's).
import { describe, expect, it } from 'vitest';
import { run, session } from './helpers';

const TREE = "mkdir -p src/lib docs empty && printf 'x\\n' > src/main.py && printf 'y\\n' > src/lib/util.py && printf 'z\\n' > docs/README.md && touch src/lib/empty.txt";
const find = (args: string) => run(`find ${args}`, TREE);
const err = (message: string) => ({ output: `find: ${message}\n`, exitCode: 1 });

describe('find walks', () => {
  it('every starting point, depth first, names as given', () => {
    expect(find('src')).toEqual({ output: 'src\nsrc/lib\nsrc/lib/empty.txt\nsrc/lib/util.py\nsrc/main.py\n', exitCode: 0 });
    expect(find('src/').output).toBe('src/\nsrc/lib\nsrc/lib/empty.txt\nsrc/lib/util.py\nsrc/main.py\n');
    expect(find('src docs -name "*.md"').output).toBe('docs/README.md\n');
    expect(run('cd docs && find', TREE).output).toBe('.\n./README.md\n');
  });

  it('-maxdepth, -mindepth, -depth', () => {
    expect(find('. -maxdepth 1 -type d').output).toBe('.\n./docs\n./empty\n./src\n');
    expect(find('. -mindepth 2 -type f').output).toBe('./docs/README.md\n./src/lib/empty.txt\n./src/lib/util.py\n./src/main.py\n');
    expect(find('src -depth').output).toBe('src/lib/empty.txt\nsrc/lib/util.py\nsrc/lib\nsrc/main.py\nsrc\n');
    expect(find('. -maxdepth 0').output).toBe('.\n');
  });
});

describe('find tests', () => {
  it('-name and -iname take globs, -path the whole name', () => {
    expect(find(". -name '*.py'").output).toBe('./src/lib/util.py\n./src/main.py\n');
    expect(find(". -iname 'readme*'").output).toBe('./docs/README.md\n');
    expect(find(". -path './src/*' -name '*.txt'").output).toBe('./src/lib/empty.txt\n');
    expect(find(". -name '['")).toEqual({ output: '', exitCode: 0 });
  });

  it('-type f,d; -empty; -size; -perm; -newer; -user', () => {
    expect(find('. -type f,d -name "e*"').output).toBe('./empty\n./src/lib/empty.txt\n');
    expect(find('. -empty').output).toBe('./empty\n./src/lib/empty.txt\n');
    // A directory's size is 4096 bytes: only the empty file is under a kibibyte.
    expect(find('. -size -1k').output).toBe('./src/lib/empty.txt\n');
    expect(find('src -perm 644').output).toBe('src/lib/empty.txt\nsrc/lib/util.py\nsrc/main.py\n');
    expect(find('src -perm -u+x').output).toBe('src\nsrc/lib\n');
    expect(find('src -user learner -type f').output).toBe('src/lib/empty.txt\nsrc/lib/util.py\nsrc/main.py\n');
    const s = session(TREE);
    s.advance(60_000);
    s.run('touch src/new.txt');
    expect(s.run('find . -newer src/main.py')).toEqual({ output: './src\n./src/new.txt\n', exitCode: 0 });
    expect(s.run('find . -mmin -1 -type f')).toEqual({ output: './src/new.txt\n', exitCode: 0 });
  });

  it('-regex (emacs syntax by default) matches the whole name', () => {
    expect(find(". -regex '.*\\.py'").output).toBe('./src/lib/util.py\n./src/main.py\n');
    expect(find(". -regextype posix-extended -regex '.*/(main|util)\\.py'").output).toBe('./src/lib/util.py\n./src/main.py\n');
    expect(find(". -iregex '.*readme.*'").output).toBe('./docs/README.md\n');
  });

  it('!, -not, -o, -a and parentheses', () => {
    expect(find("src docs ! -name '*.py' -type f").output).toBe('src/lib/empty.txt\ndocs/README.md\n');
    expect(find("-name '*.py' -o -name '*.md'").output).toBe('./docs/README.md\n./src/lib/util.py\n./src/main.py\n');
    expect(find(". -type f \\( -name '*.md' -o -name 'u*' \\)").output).toBe('./docs/README.md\n./src/lib/util.py\n');
    expect(find('src docs -name lib -prune -o -type f -print').output).toBe('src/main.py\ndocs/README.md\n');
  });
});

describe('find actions', () => {
  it('-print -quit, -printf', () => {
    expect(find(". -name 'src' -print -quit").output).toBe('./src\n');
    expect(find("docs -type f -printf '%p %f %h %s %d %m %M %y\\n'").output).toBe('docs/README.md README.md docs 2 1 644 -rw-r--r-- f\n');
    expect(find("docs -printf '%P|%H\\n'").output).toBe('|docs\nREADME.md|docs\n');
  });

  it('-exec ... \\; per file, -exec ... {} + in one line', () => {
    expect(find(". -name '*.py' -exec echo got {} \\;").output).toBe('got ./src/lib/util.py\ngot ./src/main.py\n');
    expect(find(". -name '*.py' -exec echo got {} +").output).toBe('got ./src/lib/util.py ./src/main.py\n');
    expect(find('docs -exec echo {} x{}y \\;').output).toBe('docs xdocsy\ndocs/README.md xdocs/README.mdy\n');
    expect(find(". -name '*.py' -exec false \\;; echo $?").output).toBe('0\n');
    expect(find(". -name '*.py' -exec false {} +; echo $?").output).toBe('1\n');
    expect(find(". -name '*.py' -exec nosuch {} \\;; echo $?").output).toBe("find: ‘nosuch’: No such file or directory\nfind: ‘nosuch’: No such file or directory\n0\n");
  });

  it('-delete removes what matched, directories once empty', () => {
    const s = session(TREE);
    expect(s.run('find . -empty -delete')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('find . -name "empty*"')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('find src -name lib -delete')).toEqual({ output: 'find: cannot delete ‘src/lib’: Directory not empty\n', exitCode: 1 });
  });
});

describe('find errors', () => {
  it('a missing starting point, and goes on', () => {
    expect(find('/nonexistent docs')).toEqual({ output: 'find: ‘/nonexistent’: No such file or directory\ndocs\ndocs/README.md\n', exitCode: 1 });
  });

  it('a directory it may not read: named, then refused', () => {
    expect(run('find /root')).toEqual({ output: '/root\nfind: ‘/root’: Permission denied\n', exitCode: 1 });
  });

  it("the expression, in find's words", () => {
    expect(find('. -foo')).toEqual(err("unknown predicate `-foo'"));
    expect(find('. -name')).toEqual(err("missing argument to `-name'"));
    expect(find('. -exec echo')).toEqual(err("missing argument to `-exec'"));
    expect(find('. -exec echo {} x +')).toEqual(err("missing argument to `-exec'"));
    expect(find('. -name a b')).toEqual(err("paths must precede expression: `b'"));
    expect(find('. -type x')).toEqual(err('Unknown argument to -type: x'));
    expect(find('. -maxdepth x')).toEqual(err('Expected a positive decimal integer argument to -maxdepth, but got ‘x’'));
    expect(find('. -maxdepth -1')).toEqual(err('Expected a positive decimal integer argument to -maxdepth, but got ‘-1’'));
    expect(find('. -o -name x')).toEqual(err("invalid expression; you have used a binary operator '-o' with nothing before it."));
    expect(find('. \\( -name x')).toEqual(err("invalid expression; I was expecting to find a ')' somewhere but did not see one."));
    expect(find('. !')).toEqual(err("expected an expression after '!'"));
    expect(find('. -name x -o')).toEqual(err("expected an expression after '-o'"));
    expect(find('. -size x')).toEqual(err("invalid -size type `x'"));
    expect(find('. -mtime x')).toEqual(err("invalid argument `x' to `-mtime'"));
    expect(find('. -perm x')).toEqual(err('invalid mode ‘x’'));
    expect(find('. -newer nope')).toEqual(err('‘nope’: No such file or directory'));
    expect(find('. -user nobodyx')).toEqual(err('‘nobodyx’ is not the name of a known user'));
    expect(find('. -execdir ls \\;')).toEqual(err('-execdir is not supported in this terminal'));
  });

  it('warns of a global option written late, at the terminal', () => {
    expect(find('. -name x -maxdepth 1')).toEqual({
      output:
        'find: warning: you have specified the global option -maxdepth after the argument -name, but global options are not positional, i.e., -maxdepth affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.\n',
      exitCode: 0,
    });
    expect(run('echo | find . -name x -maxdepth 1', TREE)).toEqual({ output: '', exitCode: 0 });
  });
});
