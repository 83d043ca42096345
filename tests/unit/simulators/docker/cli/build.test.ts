// docker build and docker history as a terminal shows them: BuildKit's final progress screen
// (80 columns, times at the right edge, finished steps in blue), --progress=plain, -q, the errors
// and warnings (chapter 4's session as a whole is golden/chapter4.test.ts).
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../../../../simulators';
import { chapter4, FLASK_APP, project, write } from '../build/helpers';

describe('docker build: the terminal display', () => {
  it('prints the final screen BuildKit leaves, right-aligned to 80 columns', () => {
    const s = chapter4();
    const { output, exitCode } = s.run('docker build -t myapp:1.0 .');
    expect(exitCode).toBe(0);
    const screen = stripAnsi(output);
    const lines = screen.split('\n').slice(0, -1);
    expect(lines[0]).toBe('[+] Building 9.3s (10/10) FINISHED                               docker:default');
    for (const line of lines) expect(line.length).toBe(79);
    expect(lines.filter((l) => / => (CACHED )?\[/.test(l))).toEqual([
      ' => [internal] load build definition from Dockerfile                       0.0s',
      ' => [internal] load metadata for docker.io/library/python:3.12-slim        1.2s',
      ' => [internal] load .dockerignore                                          0.0s',
      ' => [1/5] FROM docker.io/library/python:3.12-slim@sha256:10f3aaab98db50cb  1.6s',
      ' => [internal] load build context                                          0.0s',
      ' => [2/5] WORKDIR /app                                                     0.1s',
      ' => [3/5] COPY requirements.txt .                                          0.0s',
      ' => [4/5] RUN pip install --no-cache-dir -r requirements.txt               6.2s',
      ' => [5/5] COPY . .                                                         0.0s',
    ]);
    expect(lines.slice(-4)).toEqual([
      ' => exporting to image                                                     0.1s',
      ' => => exporting layers                                                    0.1s',
      expect.stringMatching(/^ => => writing image sha256:[0-9a-f]{45}  0\.0s$/),
      ' => => naming to docker.io/library/myapp:1.0                               0.0s',
    ]);
    // Finished lines are blue, reset after their newline (aec.Apply); the header is not coloured.
    expect(output.startsWith('[+] Building')).toBe(true);
    expect(output).toContain('\n\x1b[34m => [internal] load build definition from Dockerfile                       0.0s\n\x1b[0m\x1b[34m => => transferring dockerfile: ');
  });

  it('fits narrower terminals by cutting names, never the times', () => {
    const s = chapter4();
    let out = '';
    const proc = s.start('docker build -t myapp:1.0 .', { write: (t) => (out += t), cols: 60, rows: 24 });
    for (let step = proc.resume(); step.kind !== 'exit'; step = proc.resume()) if (step.kind === 'wait') s.advance(step.ms);
    const lines = stripAnsi(out).split('\n').filter((l) => l.startsWith(' =>') || l.startsWith('[+]'));
    expect(lines[0]).toBe('[+] Building 9.3s (10/10) FINISHED           docker:default');
    for (const line of lines) expect(line.length).toBe(59);
    expect(lines).toContain(' => [4/5] RUN pip install --no-cache-dir -r requireme  6.2s');
    expect(lines).toContain(' => => sha256:de2a998baeb3b69357220 13.65MB / 13.65MB  0.4s');
  });

  it('shows the last lines a running step prints beneath it, and drops them when it ends', () => {
    const s = chapter4();
    const screens: string[] = [];
    const proc = s.start('docker build -t myapp:1.0 .', { write: (t) => screens.push(stripAnsi(t)), cols: 80, rows: 30, live: true });
    for (let step = proc.resume(); step.kind !== 'exit'; step = proc.resume()) if (step.kind === 'wait') s.advance(step.ms);
    const during = screens.find((t) => t.includes(' => => # Collecting flask==3.0.3'));
    expect(during).toBeDefined();
    const logLines = during!.split('\n').filter((l) => l.startsWith(' => => # '));
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.length).toBeLessThanOrEqual(6);
    for (const l of logLines) expect(l.length).toBeLessThanOrEqual(79);
    // The last screen is the finished one: no step output left on it.
    const last = screens.join('').split('[+] Building').pop()!;
    expect(last).not.toContain(' => => # ');
  });

  it('prints numbered steps with --progress=plain, RUN output included', () => {
    const s = chapter4();
    const out = s.run('docker build --progress=plain -t myapp:1.0 .').output;
    expect(out.startsWith('#0 building with "default" instance using docker driver\n\n#1 [internal] load build definition from Dockerfile\n#1 transferring dockerfile: 381B done\n#1 DONE 0.0s\n\n#2 [internal] load metadata for docker.io/library/python:3.12-slim\n#2 DONE 1.2s\n')).toBe(true);
    expect(out).toContain('\n#8 [4/5] RUN pip install --no-cache-dir -r requirements.txt\n#8 1.030 Collecting flask==3.0.3 (from -r requirements.txt (line 1))\n#8 1.150   Downloading flask-3.0.3-py3-none-any.whl.metadata (3.2 kB)\n');
    expect(out).toMatch(/\n#8 \d\.\d{3} Successfully installed Jinja2-3\.1\.5 MarkupSafe-3\.0\.2 Werkzeug-3\.1\.3 blinker-1\.9\.0 click-8\.1\.8 flask-3\.0\.3 itsdangerous-2\.2\.0\n/);
    expect(out).toMatch(/\n#10 exporting to image\n#10 exporting layers 0\.1s done\n#10 writing image sha256:[0-9a-f]{64} done\n#10 naming to docker.io\/library\/myapp:1.0 done\n#10 DONE 0\.1s\n$/);
    // A rebuild says CACHED.
    expect(s.run('docker build --progress=plain -t myapp:1.0 .').output).toContain('\n#8 [4/5] RUN pip install --no-cache-dir -r requirements.txt\n#8 CACHED\n');
  });

  it('prints only the image id with -q, on stdout', () => {
    const s = chapter4();
    const { output } = s.run('docker build -q -t myapp:1.0 . 2>/dev/null');
    expect(output).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    expect(s.run('docker images -q').output).toBe(`${output.slice(7, 19)}\n`);
  });

  it('takes the simulated time the build takes', () => {
    const s = chapter4();
    const before = s.store.getState().clock.now;
    s.run('docker build -t myapp:1.0 .');
    expect(s.store.getState().clock.now - before).toBeGreaterThanOrEqual(9_300);
  });

  it('tags several names, builds from another Dockerfile and is also docker image build', () => {
    const s = chapter4();
    write(s, 'Dockerfile.dev', 'FROM python:3.12-slim\nCMD ["python", "-V"]\n');
    expect(s.run('docker image build -f Dockerfile.dev -t dev:1 -t dev:latest .').exitCode).toBe(0);
    expect(s.run('docker images --format "{{.Repository}}:{{.Tag}}"').output).toBe('dev:1\ndev:latest\n');
    expect(stripAnsi(s.run('docker build -f Dockerfile.dev -t dev:1 .').output)).toContain(' => [internal] load build definition from Dockerfile.dev ');
  });

  it('answers usage mistakes as buildx does', () => {
    const s = chapter4();
    expect(s.run('docker build -t myapp:1.0')).toEqual({
      output: 'ERROR: "docker buildx build" requires exactly 1 argument.\nSee \'docker buildx build --help\'.\n\nUsage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n',
      exitCode: 1,
    });
    expect(s.run('docker build -t MyApp .')).toEqual({ output: 'ERROR: invalid tag "MyApp": repository name must be lowercase\n', exitCode: 1 });
    expect(s.run('docker build -t myapp ./nowhere')).toEqual({ output: 'ERROR: unable to prepare context: path "./nowhere" not found\n', exitCode: 1 });
    expect(s.run('docker build --help').output).toContain('Start a build\n\nOptions:\n');
  });

  it('shows a Dockerfile error with its excerpt', () => {
    const s = project({ Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPPY . .\nCMD ["python", "app.py"]\n' }, 'broken');
    expect(stripAnsi(s.run('docker build -t x .').output)).toBe(
      [
        '[+] Building 0.0s (1/1) FINISHED                                 docker:default',
        ' => [internal] load build definition from Dockerfile                       0.0s',
        ' => => transferring dockerfile: 70B                                        0.0s',
        'Dockerfile:3',
        '--------------------',
        '   1 |     FROM python:3.12-slim',
        '   2 |     WORKDIR /app',
        '   3 | >>> COPPY . .',
        '   4 |     CMD ["python", "app.py"]',
        '   5 |     ',
        '--------------------',
        'ERROR: failed to solve: dockerfile parse error on line 3: unknown instruction: COPPY (did you mean COPY?)',
        '',
      ].join('\n'),
    );
    s.run('rm Dockerfile');
    expect(stripAnsi(s.run('docker build -t x .').output)).toBe(
      '[+] Building 0.0s (1/1) FINISHED                                 docker:default\n => [internal] load build definition from Dockerfile                       0.0s\n => => transferring dockerfile: 2B                                         0.0s\nERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory\n',
    );
  });

  it('shows a failed RUN with its output, the excerpt and the error', () => {
    const s = project({ Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install flask==99.0\n' }, 'failing');
    const out = stripAnsi(s.run('docker build -t x .').output);
    expect(out).toContain(' => ERROR [3/3] RUN pip install flask==99.0                                1.1s\n');
    expect(out.slice(out.indexOf('------'))).toBe(
      '------\n > [3/3] RUN pip install flask==99.0:\n1.050 ERROR: Could not find a version that satisfies the requirement flask==99.0 (from versions: 3.1.0)\n1.050 ERROR: No matching distribution found for flask==99.0\n------\nDockerfile:3\n--------------------\n   1 |     FROM python:3.12-slim\n   2 |     WORKDIR /app\n   3 | >>> RUN pip install flask==99.0\n   4 |     \n--------------------\nERROR: failed to solve: process "/bin/sh -c pip install flask==99.0" did not complete successfully: exit code: 1\n',
    );
  });

  it('lists build checks as warnings, in the display and after it', () => {
    const s = project({ 'app.py': FLASK_APP, Dockerfile: 'FROM python:3.12-slim\nCOPY app.py .\nCMD python app.py\n' }, 'warned');
    const out = stripAnsi(s.run('docker build -t w .').output);
    expect(out).toContain(' => WARN: JSONArgsRecommended: JSON arguments recommended for CMD to prev  0.0s\n');
    expect(out.endsWith('\n 1 warning found (use docker --debug to expand):\n - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals (line 3)\n')).toBe(true);
  });
});

describe('docker history', () => {
  it('lists the steps newest first, cut to 45 columns, with <missing> below the image', () => {
    const s = chapter4();
    s.run('docker build -t myapp:1.0 .');
    s.advance(5 * 60_000);
    const out = s.run('docker history myapp:1.0').output;
    const lines = out.split('\n');
    expect(lines[0]).toBe('IMAGE          CREATED         CREATED BY                                      SIZE      COMMENT');
    expect(lines[1]).toMatch(/^[0-9a-f]{12}   5 minutes ago   CMD \["python" "app\.py"\]                         0B        buildkit\.dockerfile\.v0$/);
    expect(lines.slice(2, 7)).toEqual([
      '<missing>      5 minutes ago   EXPOSE map[8000/tcp:{}]                         0B        buildkit.dockerfile.v0',
      '<missing>      5 minutes ago   COPY . . # buildkit                             567B      buildkit.dockerfile.v0',
      '<missing>      5 minutes ago   RUN /bin/sh -c pip install --no-cache-dir -r…   5.38MB    buildkit.dockerfile.v0',
      '<missing>      5 minutes ago   COPY requirements.txt . # buildkit              13B       buildkit.dockerfile.v0',
      '<missing>      5 minutes ago   WORKDIR /app                                    0B        buildkit.dockerfile.v0',
    ]);
    expect(lines.at(-2)).toBe("<missing>      2 months ago    # debian.sh --arch 'amd64' out/ 'bookworm' '…   74.8MB    debuerreotype 0.15");
  });

  it('takes --no-trunc, -q, -H=false and --format, and is also docker image history', () => {
    const s = chapter4();
    s.run('docker build -t myapp:1.0 .');
    expect(s.run('docker history --no-trunc myapp:1.0').output).toContain('RUN /bin/sh -c pip install --no-cache-dir -r requirements.txt # buildkit');
    expect(s.run('docker history -q myapp:1.0').output.split('\n').slice(0, 3)).toEqual([expect.stringMatching(/^[0-9a-f]{12}$/), '<missing>', '<missing>']);
    expect(s.run('docker history -H=false myapp:1.0').output.split('\n')[4]).toMatch(/^<missing>      2025-03-03T09:00:0\dZ   RUN \/bin\/sh -c pip install --no-cache-dir -r…   5384457    buildkit\.dockerfile\.v0$/);
    expect(s.run('docker image history --format "{{.CreatedBy}}" myapp:1.0').output.split('\n')[0]).toBe('CMD ["python" "app.py"]');
    expect(s.run('docker history nope')).toEqual({ output: 'Error response from daemon: No such image: nope:latest\n', exitCode: 1 });
  });
});
