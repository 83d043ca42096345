// The apps read a program from plain data (command, environment, files), with nothing of Docker in
// it, so a Kubernetes pod can ask the same question a container asks. Through Docker they are
// tested end to end in docker/build/app-behaviour.test.ts.
import { describe, expect, it } from 'vitest';
import { appBehaviour, type AppInput } from '../../../../../simulators/workloads/apps';

type Base = { kind: 'interpreter'; language: string };
const FLASK = '/usr/local/lib/python3.12/site-packages/flask-3.1.0.dist-info/METADATA';
const WERKZEUG = '/usr/local/lib/python3.12/site-packages/werkzeug-3.1.3.dist-info/METADATA';
const APP = 'from flask import Flask, jsonify\nimport os\napp = Flask(__name__)\nprint("booting")\n\n@app.route("/")\ndef hello():\n    return "Hello, World!"\n\n@app.route("/api")\ndef api():\n    return jsonify(name=os.environ.get("NAME", "x"), ok=True)\n\nif __name__ == "__main__":\n    app.run(host=HOST, port=5000)\n';
const input = (over: Partial<AppInput<Base>>): AppInput<Base> => ({ command: [], env: {}, workingDir: '/app', files: {}, runtime: 'python', ...over });
const werkzeug = (type: string, length: number) => ({ Server: 'Werkzeug/3.1.3 Python/3.12.8', Date: '{http_date}', 'Content-Type': type, 'Content-Length': String(length), Connection: 'close' });

describe('a Flask app from plain data', () => {
  it('serves its routes with Werkzeug banner, headers, JSON and 404 page', () => {
    const files = { '/app/app.py': APP.replace('HOST', '"0.0.0.0"'), [FLASK]: '', [WERKZEUG]: '' };
    const notFound = '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n';
    expect(appBehaviour(input({ command: ['python', 'app.py'], env: { NAME: 'web' }, files }))).toEqual({
      kind: 'server',
      protocol: 'http',
      port: 5000,
      startupLogs: [
        'booting',
        " * Serving Flask app 'app'",
        ' * Debug mode: off',
        'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.',
        ' * Running on all addresses (0.0.0.0)',
        ' * Running on http://127.0.0.1:5000',
        ' * Running on http://{container_ip}:5000',
        'Press CTRL+C to quit',
      ],
      accessLog: '{remote_addr} - - [{werkzeug_time}] "{method} {path} HTTP/1.1" {status} -',
      http: {
        '/': { status: 200, headers: werkzeug('text/html; charset=utf-8', 13), body: 'Hello, World!' },
        '/api': { status: 200, headers: werkzeug('application/json', 25), body: '{"name":"web","ok":true}\n' },
        '*': { status: 404, headers: werkzeug('text/html; charset=utf-8', 207), body: notFound },
      },
      ignoresSigterm: true,
    });
  });

  it('bound to loopback, answers nothing from outside', () => {
    const files = { '/app/app.py': APP.replace('HOST', '"127.0.0.1"'), [FLASK]: '', [WERKZEUG]: '' };
    const r = appBehaviour(input({ command: ['python', 'app.py'], files }));
    expect(r && 'http' in r).toBe(false);
    expect(r?.kind).toBe('server');
  });

  it('without flask installed, is the traceback Python prints', () => {
    expect(appBehaviour(input({ command: ['python', 'app.py'], files: { '/app/app.py': APP } }))).toEqual({
      kind: 'print',
      output: "Traceback (most recent call last):\n  File \"/app/app.py\", line 1, in <module>\n    from flask import Flask, jsonify\nModuleNotFoundError: No module named 'flask'\n",
      exitCode: 1,
    });
  });
});

describe('other programs', () => {
  it("hands back what the base image does when the command adds nothing (python's prompt)", () => {
    const base = { runtime: 'python', command: ['python3'], behaviour: { kind: 'interpreter', language: 'python' } as Base };
    expect(appBehaviour(input({ command: ['python3'], base }))).toBe(base.behaviour);
    expect(appBehaviour(input({ command: ['python'], base }))).toBe(base.behaviour);
  });

  it('a script that prints, runs and exits with its code', () => {
    const files = { '/app/job.py': 'import sys\nfor i in range(3):\n    print(i * i)\nsys.exit(2)\n' };
    expect(appBehaviour(input({ command: ['sh', '-c', 'cd /app && exec python job.py'], files }))).toEqual({ kind: 'print', output: '0\n1\n4\n', exitCode: 2 });
  });

  it("a Node http server answers every path with its handler's response", () => {
    const server = "const http = require('http');\nconst port = process.env.PORT || 3000;\nhttp.createServer((req, res) => {\n  res.writeHead(200, { 'Content-Type': 'text/plain' });\n  res.end('hi\\n');\n}).listen(port, () => console.log(`listening on ${port}`));\n";
    const page = { status: 200, headers: { 'Content-Type': 'text/plain', Date: '{http_date}', Connection: 'keep-alive', 'Keep-Alive': 'timeout=5', 'Content-Length': '3' }, body: 'hi\n' };
    expect(appBehaviour(input({ command: ['node', 'server.js'], env: { PORT: '8080' }, workingDir: '/usr/src/app', files: { '/usr/src/app/server.js': server }, runtime: 'node' }))).toEqual({
      kind: 'server',
      protocol: 'http',
      port: 8080,
      startupLogs: ['listening on 8080'],
      http: { '/': page, '*': page },
      ignoresSigterm: true,
    });
  });
});
