// The builder's layer cache and the images it makes: a step is reused exactly when its parent
// chain and its inputs (instruction text after substitution, environment, the content of copied
// files) are unchanged; everything after a changed step runs again.
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../../../../simulators';
import { chapter4, FLASK_APP, project, steps, write } from './helpers';

describe('docker build: the layer cache', () => {
  it('runs every step the first time and reuses every one when nothing changed', () => {
    const s = chapter4();
    const first = s.run('docker build -t myapp:1.0 .');
    expect(first.exitCode).toBe(0);
    expect(steps(first.output)).toEqual(['[1/5] FROM docker.io/library/python:3.12-slim@sha256:10f3aaab98db50cb', '[2/5] WORKDIR /app', '[3/5] COPY requirements.txt .', '[4/5] RUN pip install --no-cache-dir -r requirements.txt', '[5/5] COPY . .']);
    const again = s.run('docker build -t myapp:1.0 .');
    expect(steps(again.output)).toEqual(['[1/5] FROM docker.io/library/python:3.12-slim@sha256:10f3aaab98db50cb', 'CACHED [2/5] WORKDIR /app', 'CACHED [3/5] COPY requirements.txt .', 'CACHED [4/5] RUN pip install --no-cache-dir -r requirements.txt', 'CACHED [5/5] COPY . .']);
    // Same layers, same image: the id does not change and no dangling image appears.
    const id = (out: string) => /writing image (sha256:[0-9a-f]+)/.exec(stripAnsi(out))![1];
    expect(id(again.output)).toBe(id(first.output));
    expect(s.run('docker images -q').output).toBe(`${id(first.output).slice(7, 19)}\n`);
  });

  it('reruns only from COPY . . when the application code changes', () => {
    const s = chapter4();
    s.run('docker build -t myapp:1.0 .');
    write(s, 'app.py', FLASK_APP.replace('Hello, World!', 'Hello again!'));
    const out = s.run('docker build -t myapp:1.0 .').output;
    expect(steps(out).slice(1)).toEqual(['CACHED [2/5] WORKDIR /app', 'CACHED [3/5] COPY requirements.txt .', 'CACHED [4/5] RUN pip install --no-cache-dir -r requirements.txt', '[5/5] COPY . .']);
    // The old image keeps its layers but loses its name.
    expect(s.run('docker images --format "{{.Repository}}:{{.Tag}}"').output).toBe('myapp:1.0\n<none>:<none>\n');
  });

  it('reruns pip install when requirements.txt changes, and does not care about file times', () => {
    const s = chapter4();
    s.run('docker build -t myapp:1.0 .');
    s.run('touch requirements.txt app.py');
    expect(steps(s.run('docker build -t myapp:1.0 .').output)).toEqual(['[1/5] FROM docker.io/library/python:3.12-slim@sha256:10f3aaab98db50cb', 'CACHED [2/5] WORKDIR /app', 'CACHED [3/5] COPY requirements.txt .', 'CACHED [4/5] RUN pip install --no-cache-dir -r requirements.txt', 'CACHED [5/5] COPY . .']);
    write(s, 'requirements.txt', 'flask==3.0.3\nrequests==2.32.3\n');
    expect(steps(s.run('docker build -t myapp:1.0 .').output).slice(1)).toEqual(['CACHED [2/5] WORKDIR /app', '[3/5] COPY requirements.txt .', '[4/5] RUN pip install --no-cache-dir -r requirements.txt', '[5/5] COPY . .']);
  });

  it('runs everything again with --no-cache', () => {
    const s = chapter4();
    s.run('docker build -t myapp:1.0 .');
    const out = s.run('docker build --no-cache -t myapp:1.0 .').output;
    expect(steps(out)).toEqual(['[1/5] FROM docker.io/library/python:3.12-slim@sha256:10f3aaab98db50cb', '[2/5] WORKDIR /app', '[3/5] COPY requirements.txt .', '[4/5] RUN pip install --no-cache-dir -r requirements.txt', '[5/5] COPY . .']);
  });

  it('keys RUN on its environment: a changed ENV or build argument reruns it, a changed CMD does not', () => {
    const s = project({ Dockerfile: 'FROM alpine\nARG MODE=dev\nENV LEVEL=1\nRUN echo "$MODE $LEVEL" > /mode\nCMD ["cat", "/mode"]\n' });
    s.run('docker build -t m .');
    // The step's name shows the values it runs with, as BuildKit substitutes them.
    expect(steps(s.run('docker build -t m .').output)[1]).toBe('CACHED [2/2] RUN echo "dev 1" > /mode');
    expect(steps(s.run('docker build --build-arg MODE=prod -t m .').output)[1]).toBe('[2/2] RUN echo "prod 1" > /mode');
    expect(s.run('docker run --rm m').output).toBe('prod 1\n');
    write(s, 'Dockerfile', 'FROM alpine\nARG MODE=dev\nENV LEVEL=1\nRUN echo "$MODE $LEVEL" > /mode\nCMD ["cat", "/mode", "/mode"]\n');
    expect(steps(s.run('docker build --build-arg MODE=prod -t m .').output)[1]).toBe('CACHED [2/2] RUN echo "prod 1" > /mode');
    write(s, 'Dockerfile', 'FROM alpine\nARG MODE=dev\nENV LEVEL=2\nRUN echo "$MODE $LEVEL" > /mode\nCMD ["cat", "/mode"]\n');
    expect(steps(s.run('docker build --build-arg MODE=prod -t m .').output)[1]).toBe('[2/2] RUN echo "prod 2" > /mode');
  });

  it('does not list the base image it pulled, but keeps it in the build cache', () => {
    const s = chapter4();
    const first = stripAnsi(s.run('docker build -t myapp:1.0 .').output);
    // The pull happens inside the build: four layers downloaded, then extracted base first.
    expect(first.split('\n').filter((l) => /^ => => (resolve|sha256:|extracting)/.test(l))).toEqual([
      ' => => resolve docker.io/library/python:3.12-slim@sha256:10f3aaab98db50cb  0.0s',
      ' => => sha256:ad5b6a1962fdac425252ec07daae642d785bd6d9c9f 3.32MB / 3.32MB  0.1s',
      ' => => sha256:184aff3eb8fbdeb25b5697c83adcfadb6deef75d7001234 249B / 249B  0.1s',
      ' => => sha256:de2a998baeb3b693572201ce82da66e97b26f2fea 13.65MB / 13.65MB  0.4s',
      ' => => sha256:fd674058ff8f8cfa7fb8a20c006fc0128541cbbad 28.23MB / 28.23MB  0.8s',
      ' => => extracting sha256:fd674058ff8f8cfa7fb8a20c006fc0128541cbbad7f7f7f2  0.4s',
      ' => => extracting sha256:ad5b6a1962fdac425252ec07daae642d785bd6d9c9fb9c66  0.1s',
      ' => => extracting sha256:de2a998baeb3b693572201ce82da66e97b26f2feabf01efb  0.3s',
      ' => => extracting sha256:184aff3eb8fbdeb25b5697c83adcfadb6deef75d7001234b  0.0s',
    ]);
    expect(s.run('docker images --format "{{.Repository}}"').output).toBe('myapp\n');
    const second = stripAnsi(s.run('docker build --no-cache -t myapp:1.0 .').output);
    expect(second).not.toContain('extracting');
    // A base image that is local is used as it is: no digest, no registry round trip.
    s.run('docker pull python:3.12-slim');
    expect(stripAnsi(s.run('docker build -t myapp:1.0 .').output)).toContain(' => [1/5] FROM docker.io/library/python:3.12-slim                          0.0s\n');
  });
});

describe('docker build: the image it makes', () => {
  it('inherits and overrides the base configuration', () => {
    const s = project({
      'app.py': 'print("hi")\n',
      Dockerfile: 'FROM python:3.12-slim\nENV APP_ENV=production PORT=8000\nWORKDIR /srv\nCOPY app.py .\nEXPOSE 8000\nUSER nobody\nLABEL team=core\nENTRYPOINT ["python"]\nCMD ["app.py"]\n',
    });
    expect(s.run('docker build -t cfg .').exitCode).toBe(0);
    const inspect = (f: string) => s.run(`docker image inspect cfg --format '${f}'`).output;
    expect(inspect('{{json .Config.Env}}')).toContain('"APP_ENV=production","PORT=8000"');
    expect(inspect('{{json .Config.Env}}')).toContain('PYTHON_VERSION=3.12.8');
    expect(inspect('{{.Config.WorkingDir}} {{.Config.User}} {{json .Config.Entrypoint}} {{json .Config.Cmd}} {{json .Config.Labels}}')).toBe('/srv nobody ["python"] ["app.py"] {"team":"core"}\n');
  });

  it('copies files, directories and multiple sources where COPY says, with .dockerignore applied', () => {
    const s = project({ 'a.txt': 'A\n', 'b.txt': 'B\n', 'src/main.py': 'print(1)\n', 'src/util/helpers.py': 'x = 1\n', 'notes.md': 'n\n', '.dockerignore': '*.md\n' }, 'copy');
    write(s, 'Dockerfile', 'FROM busybox\nWORKDIR /app\nCOPY a.txt b.txt ./\nCOPY src /code\nCOPY a.txt /renamed.txt\nCOPY . /all/\nCMD ["sh"]\n');
    expect(s.run('docker build -t c .').exitCode).toBe(0);
    expect(s.run('docker run --rm c ls /app /code /code/util /all').output).toBe('/all:\na.txt\nb.txt\nDockerfile\nsrc\n\n/app:\na.txt\nb.txt\n\n/code:\nmain.py\nutil\n\n/code/util:\nhelpers.py\n');
    expect(s.run('docker run --rm c cat /renamed.txt').output).toBe('A\n');
  });

  it('fails COPY of a missing or ignored file as BuildKit does', () => {
    const s = project({ Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', 'secret.env': 'x\n', '.dockerignore': 'secret.env\n' }, 'missing');
    const out = stripAnsi(s.run('docker build -t x .').output);
    expect(out).toContain(' => ERROR [3/4] COPY requirements.txt .                                    0.0s\n------\n > [3/4] COPY requirements.txt .:\n------\nDockerfile:3\n');
    expect(out).toMatch(/\nERROR: failed to solve: failed to compute cache key: failed to calculate checksum of ref [0-9a-z]{25}::[0-9a-z]{25}: "\/requirements.txt": not found\n$/);
    write(s, 'Dockerfile', 'FROM python:3.12-slim\nCOPY secret.env /\n');
    const ignored = stripAnsi(s.run('docker build -t x .').output);
    expect(ignored).toContain('\n 1 warning found (use docker --debug to expand):\n - CopyIgnoredFile: Attempting to Copy file "secret.env" that is excluded by .dockerignore (line 2)\n');
    expect(ignored).toContain('"/secret.env": not found\n');
  });

  it('runs RUN commands over the image: files they write are in the image, failures end the build', () => {
    const s = project({ Dockerfile: 'FROM alpine\nRUN mkdir -p /data && echo ready > /data/status\nCMD ["cat", "/data/status"]\n' }, 'runs');
    s.run('docker build -t r .');
    expect(s.run('docker run --rm r').output).toBe('ready\n');
    write(s, 'Dockerfile', 'FROM alpine\nRUN echo before\nRUN exit 3\n');
    const out = stripAnsi(s.run('docker build -t r .').output);
    expect(out).toContain(' => ERROR [3/3] RUN exit 3 ');
    expect(out.endsWith('ERROR: failed to solve: process "/bin/sh -c exit 3" did not complete successfully: exit code: 3\n')).toBe(true);
    // The slim image has no curl. (Piped into sh, as install scripts often are, the failure would go
    // unnoticed: a pipeline's status is its last command's.)
    write(s, 'Dockerfile', 'FROM python:3.12-slim\nRUN curl -fsSL https://example.com/install.sh -o install.sh\n');
    const missing = stripAnsi(s.run('docker build -t r .').output);
    expect(missing).toContain('------\n > [2/2] RUN curl -fsSL https://example.com/install.sh -o install.sh:\n0.150 /bin/sh: 1: curl: not found\n------\n');
    expect(missing).toContain('exit code: 127\n');
  });

  it('installs with apt-get only after apt-get update, as in a slim image', () => {
    const s = project({ Dockerfile: 'FROM python:3.12-slim\nRUN apt-get install -y curl\n' }, 'apt');
    const out = stripAnsi(s.run('docker build --progress=plain -t a .').output);
    expect(out).toContain('E: Unable to locate package curl\n');
    expect(out).toContain('exit code: 100\n');
    write(s, 'Dockerfile', 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nRUN curl --version\n');
    expect(s.run('docker build -t a .').exitCode).toBe(0);
  });

  it('builds only the stages the target needs, copying between stages', () => {
    const s = project({
      Dockerfile: 'FROM python:3.12-slim AS build\nWORKDIR /src\nRUN echo compiled > app.bin\n\nFROM alpine AS unused\nRUN false\n\nFROM alpine\nCOPY --from=build /src/app.bin /app.bin\nCMD ["cat", "/app.bin"]\n',
    }, 'stages');
    const out = s.run('docker build -t ms .').output;
    expect(steps(out).map((l) => l.replace(/@sha256:.*/, ''))).toEqual(['[build 1/3] FROM docker.io/library/python:3.12-slim', '[build 2/3] WORKDIR /src', '[build 3/3] RUN echo compiled > app.bin', '[stage-2 1/2] FROM docker.io/library/alpine:latest', '[stage-2 2/2] COPY --from=build /src/app.bin /app.bin']);
    expect(s.run('docker run --rm ms').output).toBe('compiled\n');
    expect(stripAnsi(s.run('docker build --target unused -t u .').output)).toContain('process "/bin/sh -c false" did not complete successfully');
  });

  it('records BuildKit history: created-by text, sizes, comment', () => {
    const s = chapter4();
    s.run('docker build -t myapp:1.0 .');
    const history = s.run('docker history --no-trunc --format "{{.CreatedBy}}|{{.Size}}|{{.Comment}}" myapp:1.0').output.split('\n').slice(0, 6);
    expect(history).toEqual([
      'CMD ["python" "app.py"]|0B|buildkit.dockerfile.v0',
      'EXPOSE map[8000/tcp:{}]|0B|buildkit.dockerfile.v0',
      'COPY . . # buildkit|567B|buildkit.dockerfile.v0',
      'RUN /bin/sh -c pip install --no-cache-dir -r requirements.txt # buildkit|5.38MB|buildkit.dockerfile.v0',
      'COPY requirements.txt . # buildkit|13B|buildkit.dockerfile.v0',
      'WORKDIR /app|0B|buildkit.dockerfile.v0',
    ]);
  });

  it('keeps the cache in a snapshot', () => {
    const s = chapter4();
    s.run('docker build -t myapp:1.0 .');
    const copy = chapter4();
    copy.restore(JSON.parse(JSON.stringify(s.snapshot())));
    expect(steps(copy.run('docker build -t myapp:1.0 .').output)).toEqual(['[1/5] FROM docker.io/library/python:3.12-slim@sha256:10f3aaab98db50cb', 'CACHED [2/5] WORKDIR /app', 'CACHED [3/5] COPY requirements.txt .', 'CACHED [4/5] RUN pip install --no-cache-dir -r requirements.txt', 'CACHED [5/5] COPY . .']);
    expect(copy.run('docker run -d -p 8000:8000 myapp:1.0').exitCode).toBe(0);
    expect(copy.run('curl -s localhost:8000').output).toBe('Hello, World!');
  });
});

describe('RUN useradd', () => {
  it('creates the user with -m (a flag without a value) and USER switches to it', () => {
    const s = project({ Dockerfile: 'FROM python:3.12-slim\nRUN useradd -m appuser\nUSER appuser\nCMD ["whoami"]\n' });
    const built = s.run('docker build -q -t who .');
    expect(built.exitCode).toBe(0);
    expect(s.run('docker run --rm who')).toEqual({ output: 'appuser\n', exitCode: 0 });
  });
});
