import { describe, expect, it } from 'vitest';
import { run } from './helpers';

describe('help', () => {
  it('lists the commands of this terminal, a line each with its summary', () => {
    const { output, exitCode } = run('help');
    expect(exitCode).toBe(0);
    const lines = output.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      "Berth terminal: a simulated Linux shell (bash-like) on this learner's laptop.",
      'Type `NAME --help` for details of a command.  Use Tab to complete, Up/Down for history.',
      '',
    ]);
    // Names are padded to the longest one (readarray) and two spaces.
    expect(lines).toContain(' cat        concatenate files and print on the standard output');
    expect(lines).toContain(' cd         Change the shell working directory.');
    expect(lines).toContain(' whoami     Print the user name associated with the current effective user ID.');
    expect(lines).toContain(' readarray  Read lines from a file into an array variable.');
    expect(lines.filter((line) => line.startsWith(' help '))).toEqual([]);
    expect(lines.slice(-4)).toEqual(['', 'The shell understands quotes, $VARS, ~, ;, &&, ||, pipes (|), > >> 2> < <<< and heredocs (<<EOF),', 'if / while / until / for / case blocks, [[ ]], { } and ( ), functions, arrays, $(( )) and (( )).', '']);
    expect(lines.filter((line) => line.startsWith(' true '))).toHaveLength(1);
  });

  it('shows the help of a bash builtin as bash does', () => {
    const { output, exitCode } = run('help cd');
    expect(exitCode).toBe(0);
    expect(output.split('\n').slice(0, 3)).toEqual(['cd: cd [-L|[-P [-e]] [-@]] [dir]', '    Change the shell working directory.', '    ']);
    expect(output.endsWith('    Options:\n      -L\tforce symbolic links to be followed\n      -P\tuse the physical directory structure\n')).toBe(true);
  });

  it('shows any command of this terminal, as NAME --help (bash has none for ls: a deliberate extra)', () => {
    expect(run('help ls').output).toBe(run('ls --help').output);
  });

  it('says when nothing matches, going on with the rest', () => {
    expect(run('help nope echo')).toEqual({
      output:
        "bash: help: no help topics match `nope'.  Try `help help' or `man -k nope' or `info nope'.\n" +
        'echo: echo [-neE] [arg ...]\n    Write arguments to the standard output.\n    \n    Display the ARGs, separated by a single space character and followed by a\n    newline, on the standard output.\n    \n    Options:\n      -n\tdo not append a newline\n      -e\tenable interpretation of the following backslash escapes\n      -E\texplicitly suppress interpretation of backslash escapes\n',
      exitCode: 1,
    });
  });
});

describe('type', () => {
  it('tells builtins, keywords and programs apart', () => {
    expect(run('type cd')).toEqual({ output: 'cd is a shell builtin\n', exitCode: 0 });
    expect(run('type echo').output).toBe('echo is a shell builtin\n');
    expect(run('type ls').output).toBe('ls is /usr/bin/ls\n');
    expect(run('type if').output).toBe('if is a shell keyword\n');
  });

  it('reports names it cannot find, going on, exit 1', () => {
    expect(run('type ls nope cd')).toEqual({ output: 'ls is /usr/bin/ls\nbash: type: nope: not found\ncd is a shell builtin\n', exitCode: 1 });
    expect(run('type')).toEqual({ output: '', exitCode: 0 });
  });

  it('-t prints one word; -p and -P the file; -a every match', () => {
    expect(run('type -t cd ls if nope')).toEqual({ output: 'builtin\nfile\nkeyword\n', exitCode: 1 });
    expect(run('type -p echo ls cd')).toEqual({ output: '/usr/bin/ls\n', exitCode: 0 });
    expect(run('type -P echo cd ls')).toEqual({ output: '/usr/bin/echo\n/usr/bin/ls\n', exitCode: 1 });
    expect(run('type -a echo').output).toBe('echo is a shell builtin\necho is /usr/bin/echo\necho is /bin/echo\n');
    expect(run('type -a ls').output).toBe('ls is /usr/bin/ls\nls is /bin/ls\n');
    expect(run('type -a cd').output).toBe('cd is a shell builtin\n');
    expect(run('type -ta echo').output).toBe('builtin\nfile\nfile\n');
    expect(run('type -pa ls').output).toBe('/usr/bin/ls\n/bin/ls\n');
  });

  it('refuses unknown options with its usage, exit 2', () => {
    expect(run('type -z ls')).toEqual({ output: 'bash: type: -z: invalid option\ntype: usage: type [-afptP] name [name ...]\n', exitCode: 2 });
  });
});

describe('which', () => {
  it('prints where programs are; builtins-only names have none', () => {
    expect(run('which ls')).toEqual({ output: '/usr/bin/ls\n', exitCode: 0 });
    expect(run('which echo printf pwd true false').output).toBe('/usr/bin/echo\n/usr/bin/printf\n/usr/bin/pwd\n/usr/bin/true\n/usr/bin/false\n');
    expect(run('which cd')).toEqual({ output: '', exitCode: 1 });
    expect(run('which nope ls')).toEqual({ output: '/usr/bin/ls\n', exitCode: 1 });
    expect(run('which')).toEqual({ output: '', exitCode: 1 });
  });

  it('-a prints every match on the PATH', () => {
    expect(run('which -a ls').output).toBe('/usr/bin/ls\n/bin/ls\n');
  });

  it('refuses unknown options the way Debian\'s which does', () => {
    expect(run('which -s ls')).toEqual({ output: 'Illegal option -s\nUsage: /usr/bin/which [-a] args\n', exitCode: 2 });
  });
});
