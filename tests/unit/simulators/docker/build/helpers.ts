// A learner's project folder in a fresh session, and the lines `docker build` prints for its steps.
import { createSession, stripAnsi, type Session } from '../../../../../simulators';
import { MYAPP_DOCKERFILE } from '../../../../../simulators/scenarios/myapp';

export const FLASK_APP = `from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    return "Hello, World!"


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8000)
`;

/** The chapter's Dockerfile, the one the myapp scenario holds. */
export const CHAPTER4_DOCKERFILE = MYAPP_DOCKERFILE;

/** The shell command that writes a file as a learner would (a quoted heredoc). */
export const writeCommand = (name: string, content: string) => `cat > ${name} <<'END_OF_FILE'\n${content.replace(/\n$/, '')}\nEND_OF_FILE`;

export function project(files: Record<string, string>, dir = 'myapp'): Session {
  const s = createSession();
  s.run(`mkdir -p ~/${dir} && cd ~/${dir}`);
  for (const [name, content] of Object.entries(files)) {
    if (name.includes('/')) s.run(`mkdir -p ${name.slice(0, name.lastIndexOf('/'))}`);
    write(s, name, content);
  }
  return s;
}

export function write(s: Session, name: string, content: string) {
  const r = s.run(writeCommand(name, content));
  if (r.exitCode !== 0) throw new Error(`could not write ${name}: ${r.output}`);
}

/** The build's step lines (`[2/5] WORKDIR /app`), with CACHED where the cache was used. */
export function steps(output: string): string[] {
  return stripAnsi(output)
    .split('\n')
    .map((l) => /^ => (CACHED |ERROR )?(\[[^\]]+\] .*?)\s+\d+\.\ds$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null && !m[2].startsWith('[internal]'))
    .map((m) => `${m[1] ?? ''}${m[2]}`);
}

export const chapter4 = () => project({ 'app.py': FLASK_APP, 'requirements.txt': 'flask==3.0.3\n', Dockerfile: CHAPTER4_DOCKERFILE });
