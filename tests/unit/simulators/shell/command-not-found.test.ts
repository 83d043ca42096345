// Ubuntu 24.04's command-not-found on the laptop's bash, checked against command-not-found 23.04
// (CommandNotFound.py) and snapd's advise-snap, with what a noble machine printed in early 2025;
// the shells of containers have no handler and keep their own words.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { similarWords, ubuntuCommandNotFound } from '../../../../simulators/shell/command-not-found';
import { ARCHIVE, LATER, ON_UBUNTU } from '../../../../simulators/shell/ubuntu-archive';

const run = (line: string) => createSession().run(line);

describe('a command in the archive', () => {
  it('one deb: the install line alone, no version', () => {
    expect(run('sl')).toEqual({ output: "Command 'sl' not found, but can be installed with:\nsudo apt install sl\n", exitCode: 127 });
    expect(run('git status')).toEqual({ output: "Command 'git' not found, but can be installed with:\nsudo apt install git\n", exitCode: 127 });
  });

  it('one snap', () => {
    expect(run('helm version')).toEqual({ output: "Command 'helm' not found, but can be installed with:\nsudo snap install helm\n", exitCode: 127 });
  });

  it('several debs: padded names, versions, the first with ", or"', () => {
    expect(run('vim notes.txt')).toEqual({
      output:
        "Command 'vim' not found, but can be installed with:\n" +
        'sudo apt install vim         # version 2:9.1.0016-1ubuntu7.7, or\n' +
        'sudo apt install vim-tiny    # version 2:9.1.0016-1ubuntu7.7\n' +
        'sudo apt install neovim      # version 0.7.2-7\n' +
        'sudo apt install vim-athena  # version 2:9.1.0016-1ubuntu7.7\n' +
        'sudo apt install vim-gtk3    # version 2:9.1.0016-1ubuntu7.7\n' +
        'sudo apt install vim-motif   # version 2:9.1.0016-1ubuntu7.7\n' +
        'sudo apt install vim-nox     # version 2:9.1.0016-1ubuntu7.7\n',
      exitCode: 127,
    });
    expect(run('make').output).toBe(
      "Command 'make' not found, but can be installed with:\n" +
        'sudo apt install make        # version 4.3-4.1build1, or\n' +
        'sudo apt install make-guile  # version 4.3-4.1build1\n',
    );
  });

  it('a snap and debs: snaps first, `apt  install` lined up under `snap install`', () => {
    expect(run('docker-compose up -d')).toEqual({
      output:
        "Command 'docker-compose' not found, but can be installed with:\n" +
        'sudo snap install docker          # version 27.5.1, or\n' +
        'sudo apt  install docker-compose  # version 1.29.2-6\n' +
        "See 'snap info docker' for additional versions.\n",
      exitCode: 127,
    });
    expect(run('tree').output).toBe(
      "Command 'tree' not found, but can be installed with:\n" +
        'sudo snap install tree  # version 2.1.3+pkg-5852, or\n' +
        'sudo apt  install tree  # version 2.1.1-2\n' +
        "See 'snap info tree' for additional versions.\n",
    );
  });

  it('python: the handler points at python3, which Ubuntu has', () => {
    expect(run('python app.py')).toEqual({
      output: "Command 'python' not found, did you mean:\n  command 'python3' from deb python3\n  command 'python' from deb python-is-python3\n",
      exitCode: 127,
    });
  });
});

describe('a near name (one deletion, insertion, transposition or replacement)', () => {
  it('a typo of docker names the snap and both debs that ship a docker command', () => {
    const expected =
      "Command 'dcoker' not found, did you mean:\n" +
      "  command 'docker' from snap docker (27.5.1)\n" +
      "  command 'docker' from deb docker.io (26.1.3-0ubuntu1~24.04.1)\n" +
      "  command 'docker' from deb podman-docker (4.9.3+ds1-1ubuntu0.2)\n" +
      "See 'snap info <snapname>' for additional versions.\n";
    expect(run('dcoker ps')).toEqual({ output: expected, exitCode: 127 });
    expect(run('Docker ps').output).toBe(expected.replace('dcoker', 'Docker'));
  });

  it("snapd's own search inserts nowhere past the end: `docke` finds only the debs", () => {
    expect(run('docke ps')).toEqual({
      output:
        "Command 'docke' not found, did you mean:\n" +
        "  command 'docker' from deb docker.io (26.1.3-0ubuntu1~24.04.1)\n" +
        "  command 'docker' from deb podman-docker (4.9.3+ds1-1ubuntu0.2)\n" +
        'Try: sudo apt install <deb name>\n',
      exitCode: 127,
    });
  });

  it('typos of the laptop\'s own commands', () => {
    expect(run('gerp x file').output).toBe("Command 'gerp' not found, did you mean:\n  command 'grep' from deb grep (3.11-3)\nTry: sudo apt install <deb name>\n");
    expect(run('cta file').output).toBe("Command 'cta' not found, did you mean:\n  command 'cat' from deb coreutils (9.4-2ubuntu2)\nTry: sudo apt install <deb name>\n");
  });

  it('no near name, or a name under three characters: `NAME: command not found`', () => {
    expect(run('nope')).toEqual({ output: 'nope: command not found\n', exitCode: 127 });
    expect(run('xq')).toEqual({ output: 'xq: command not found\n', exitCode: 127 });
    expect(run('hepl')).toEqual({ output: 'hepl: command not found\n', exitCode: 127 }); // help is bash's, no file
  });
});

describe("what the simulator leaves out of Ubuntu: Berth's words", () => {
  it('a program every Ubuntu desktop has says so, and points at `help`', () => {
    expect(run('sudo docker ps')).toEqual({
      output:
        'berth: sudo is part of Ubuntu, but it is not simulated in this terminal; `help` lists the commands that are\n' +
        'berth: docker runs without sudo on this laptop: type the docker command itself\n',
      exitCode: 127,
    });
    expect(run('vi notes.txt').output).toBe(
      'berth: vi is part of Ubuntu, but it is not simulated in this terminal; `help` lists the commands that are\nberth: the editor here is nano: `nano FILE`\n',
    );
    expect(run('chmod +x run.sh')).toEqual({ output: 'berth: chmod is part of Ubuntu, but it is not simulated in this terminal; `help` lists the commands that are\n', exitCode: 127 });
    expect(run("alias ll='ls -l'").output).toBe("berth: alias is one of bash's builtins, but it is not simulated in this terminal; `help` lists the commands that are\n");
    for (const name of ['apt', 'top', 'free', 'vi']) expect(run(name).output).toMatch(new RegExp(`^berth: ${name} is part of Ubuntu, but it is not simulated`));
  });

  it('the tools of a later chapter', () => {
    expect(run('kubectl get pods')).toEqual({
      output: 'berth: kubectl is not on this simulated laptop yet: Kubernetes comes in a later chapter of the course; `help` lists the commands it has\n',
      exitCode: 127,
    });
    expect(run('minikube start').output).toMatch(/^berth: minikube is not on this simulated laptop yet/);
  });
});

describe('as bash runs the handler', () => {
  it('writes to standard error, with status 127 in $?', () => {
    expect(run('vim 2>/dev/null; echo $?')).toEqual({ output: '127\n', exitCode: 0 });
    expect(run('sl 2>&1 | head -n 1')).toEqual({ output: "Command 'sl' not found, but can be installed with:\n", exitCode: 0 });
  });

  it('leaves names with a slash to bash', () => {
    expect(run('./vim')).toEqual({ output: 'bash: ./vim: No such file or directory\n', exitCode: 127 });
  });

  it('records the command with its status', () => {
    const s = createSession();
    s.run('dcoker ps');
    expect(s.snapshot().record.commands.at(-1)).toMatchObject({ argv: ['dcoker', 'ps'], exitCode: 127, machine: 'laptop' });
  });
});

describe('inside a container there is no handler', () => {
  it("bash and ash keep their own words", () => {
    const s = createSession();
    const bash = s.run('docker run -it --rm ubuntu bash', { input: ['vim\n', 'dcoker ps\n', 'sudo ls\n'] }).output;
    expect(bash).toContain('# vim\nbash: vim: command not found\n');
    expect(bash).toContain('# dcoker ps\nbash: dcoker: command not found\n');
    expect(bash).toContain('# sudo ls\nbash: sudo: command not found\n');
    const ash = s.run('docker run -it --rm alpine sh', { input: ['vim\n', 'dcoker\n'] }).output;
    expect(ash).toContain('/ # vim\nsh: vim: not found\n/ # dcoker\nsh: dcoker: not found\n');
  });

  it('in a command run by docker run and docker exec', () => {
    const s = createSession();
    s.run('docker pull ubuntu');
    expect(s.run('docker run --rm ubuntu bash -c "vim; dcoker"')).toEqual({ output: 'bash: vim: command not found\nbash: dcoker: command not found\n', exitCode: 127 });
    s.run('docker run -d --name web nginx');
    expect(s.run('docker exec web vim')).toEqual({ output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "vim": executable file not found in $PATH: unknown\n', exitCode: 127 });
    expect(s.run('docker exec web sh -c dcoker')).toEqual({ output: 'sh: 1: dcoker: not found\n', exitCode: 127 });
  });
});

describe('the pure function', () => {
  it('root gets no sudo', () => {
    expect(ubuntuCommandNotFound('sl', 'root').text).toBe("Command 'sl' not found, but can be installed with:\napt install sl\n");
    expect(ubuntuCommandNotFound('gerp', 'root').text).toBe("Command 'gerp' not found, did you mean:\n  command 'grep' from deb grep (3.11-3)\nTry: apt install <deb name>\n");
    expect(ubuntuCommandNotFound('vim', 'root').text.split('\n')[1]).toBe('apt install vim         # version 2:9.1.0016-1ubuntu7.7, or');
  });

  it('similar words: deletions, transpositions, replacements, insertions (snapd: none at the end)', () => {
    const words = similarWords('ab');
    expect(words.slice(0, 3)).toEqual(['b', 'a', 'ba']);
    expect(words).toContain('zb');
    expect(words).toContain('abz');
    expect(similarWords('ab', false)).not.toContain('abz');
    expect(similarWords('ab', false)).toContain('azb');
    // 2 deletions + 1 transposition + 2*38 replacements + 3*38 insertions, less the repeats.
    expect(new Set(similarWords('ab')).size).toBe(words.length);
  });
});

describe('the data', () => {
  const s = createSession();
  const names = s.complete('', 0).candidates;

  it("has every program of the laptop (did-you-mean suggests them), and tells none of them apart as missing", () => {
    for (const name of names) {
      const program = s.run(`type -P ${name}`).output.trim().endsWith(`/${name}`); // `:` is true's, not a file
      if (program) expect(ARCHIVE[name], name).toBeDefined();
      expect(ON_UBUNTU[name], name).toBeUndefined();
      expect(LATER[name], name).toBeUndefined();
    }
  });

  it('names every version, as the real database does', () => {
    for (const [command, sources] of Object.entries(ARCHIVE)) for (const source of sources) expect(source.version, command).toMatch(/^[\w.:~+-]+$/);
  });
});
