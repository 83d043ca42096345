// Built images run as their program would: what a Flask, http.server, FastAPI, Node or Express
// app serves and logs, what a script prints, and how a missing module or file fails.
import { describe, expect, it } from 'vitest';
import { chapter4, FLASK_APP, project } from './helpers';

/** Dates depend on how long the build took: compared without them. */
const undated = (text: string) => text.replace(/^(date|Date): .*$/gm, '$1: <now>').replace(/\[\d\d\/Mar\/2025 \d\d:\d\d:\d\d\]/g, '[<now>]');

const build = (files: Record<string, string>, dir = 'app') => {
  const s = project(files, dir);
  const r = s.run('docker build -t app .');
  if (r.exitCode !== 0) throw new Error(r.output);
  return s;
};

describe('a built Flask app', () => {
  it('serves its route with Werkzeug headers and logs what the real server logs', () => {
    const s = chapter4();
    s.run('docker build -t myapp:1.0 .');
    const id = s.run('docker run -d -p 8000:8000 myapp:1.0').output.trim();
    expect(s.run('curl http://localhost:8000')).toEqual({ output: 'Hello, World!', exitCode: 0 });
    expect(undated(s.run('curl -si http://localhost:8000/').output)).toBe(
      'HTTP/1.1 200 OK\r\nServer: Werkzeug/3.1.3 Python/3.12.8\r\nDate: <now>\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 13\r\nConnection: close\r\n\r\nHello, World!',
    );
    expect(s.run('curl -s -o /dev/null -w "%{http_code}" localhost:8000/missing').output).toBe('404');
    expect(undated(s.run(`docker logs ${id.slice(0, 12)}`).output)).toBe(
      [
        " * Serving Flask app 'app'",
        ' * Debug mode: off',
        'WARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.',
        ' * Running on all addresses (0.0.0.0)',
        ' * Running on http://127.0.0.1:8000',
        ' * Running on http://172.17.0.2:8000',
        'Press CTRL+C to quit',
        '172.17.0.1 - - [<now>] "GET / HTTP/1.1" 200 -',
        '172.17.0.1 - - [<now>] "GET / HTTP/1.1" 200 -',
        '172.17.0.1 - - [<now>] "GET /missing HTTP/1.1" 404 -',
        '',
      ].join('\n'),
    );
  });

  it('answers JSON as Flask does (compact, keys sorted) and reads os.environ', () => {
    const app = 'import os\nfrom flask import Flask, jsonify\n\napp = Flask(__name__)\nPORT = int(os.environ.get("PORT", "5000"))\n\n@app.get("/api")\ndef api():\n    return jsonify(status="ok", env=os.getenv("APP_ENV", "dev"))\n\n@app.route("/made", methods=["GET", "POST"])\ndef made():\n    return {"b": 2, "a": [1, True, None]}, 201\n\nif __name__ == "__main__":\n    print("booting")\n    app.run(host="0.0.0.0", port=PORT)\n';
    const s = build({ 'app.py': app, Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install flask\nENV PORT=9000 APP_ENV=prod\nCOPY app.py .\nCMD ["python", "app.py"]\n' });
    s.run('docker run -d --name web -p 9000:9000 app');
    expect(s.run('curl -s localhost:9000/api').output).toBe('{"env":"prod","status":"ok"}\n');
    expect(s.run('curl -si localhost:9000/made').output).toContain('HTTP/1.1 201 Created\r\n');
    expect(s.run('curl -s localhost:9000/made').output).toBe('{"a":[1,true,null],"b":2}\n');
    expect(s.run('docker logs web').output.split('\n').slice(0, 2)).toEqual(['booting', " * Serving Flask app 'app'"]);
  });

  it('listening on 127.0.0.1 inside the container, answers nothing through a published port', () => {
    const s = build({ 'app.py': FLASK_APP.replace('host="0.0.0.0", port=8000', ''), 'requirements.txt': 'flask\n', Dockerfile: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n' });
    s.run('docker run -d --name web -p 5000:5000 app');
    expect(s.run('docker logs web').output).toContain(' * Running on http://127.0.0.1:5000\n');
    expect(s.run('curl localhost:5000')).toEqual({ output: 'curl: (52) Empty reply from server\n', exitCode: 52 });
  });

  it('without flask installed, fails with the traceback Python prints', () => {
    const s = build({ 'app.py': FLASK_APP, Dockerfile: 'FROM python:3.12-slim\nCOPY app.py .\nCMD ["python", "app.py"]\n' });
    expect(s.run('docker run app')).toEqual({ output: 'Traceback (most recent call last):\n  File "/app.py", line 1, in <module>\n    from flask import Flask\nModuleNotFoundError: No module named \'flask\'\n', exitCode: 1 });
  });

  it('runs under `flask run` too', () => {
    const s = build({ 'app.py': FLASK_APP, Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install flask\nCOPY . .\nCMD ["flask", "run", "--host=0.0.0.0"]\n' });
    s.run('docker run -d --name web -p 5000:5000 app');
    expect(s.run('curl -s localhost:5000').output).toBe('Hello, World!');
  });
});

describe('other servers', () => {
  it('http.server with a handler writing bytes', () => {
    const app = 'from http.server import BaseHTTPRequestHandler, HTTPServer\n\nPORT = 8080\n\nclass Handler(BaseHTTPRequestHandler):\n    def do_GET(self):\n        self.send_response(200)\n        self.send_header("Content-Type", "text/plain")\n        self.end_headers()\n        self.wfile.write(b"Hello from http.server\\n")\n\nprint(f"Serving on {PORT}")\nHTTPServer(("", PORT), Handler).serve_forever()\n';
    const s = build({ 'server.py': app, Dockerfile: 'FROM python:3.12-slim\nCOPY server.py .\nCMD ["python", "server.py"]\n' });
    s.run('docker run -d --name web -p 8080:8080 app');
    expect(undated(s.run('curl -si localhost:8080').output)).toBe('HTTP/1.1 200 OK\r\nServer: BaseHTTP/0.6 Python/3.12.8\r\nDate: <now>\r\nContent-Type: text/plain\r\n\r\nHello from http.server\n');
    // print() to a pipe is block-buffered: without PYTHONUNBUFFERED the line never reaches the logs.
    expect(undated(s.run('docker logs web').output)).toBe('172.17.0.1 - - [<now>] "GET / HTTP/1.1" 200 -\n');
  });

  it('python -m http.server lists the working directory', () => {
    const s = build({ 'notes.txt': 'hi\n', Dockerfile: 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY notes.txt .\nENV PYTHONUNBUFFERED=1\nCMD ["python", "-m", "http.server", "8000"]\n' });
    s.run('docker run -d --name web -p 8000:8000 app');
    expect(s.run('curl -s localhost:8000').output).toContain('<li><a href="notes.txt">notes.txt</a></li>\n');
    expect(s.run('curl -s localhost:8000/notes.txt').output).toBe('hi\n');
    expect(s.run('docker logs web').output.split('\n')[0]).toBe('Serving HTTP on 0.0.0.0 port 8000 (http://0.0.0.0:8000/) ...');
  });

  it('FastAPI under uvicorn', () => {
    const app = 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/")\ndef root():\n    return {"message": "Hello World"}\n';
    const s = build({ 'main.py': app, Dockerfile: 'FROM python:3.12-slim\nWORKDIR /code\nRUN pip install fastapi uvicorn\nCOPY main.py .\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "80"]\n' });
    s.run('docker run -d --name api -p 8000:80 app');
    expect(undated(s.run('curl -si localhost:8000').output)).toBe('HTTP/1.1 200 OK\r\ndate: <now>\r\nserver: uvicorn\r\ncontent-length: 25\r\ncontent-type: application/json\r\n\r\n{"message":"Hello World"}');
    expect(s.run('docker logs api').output).toBe('INFO:     Started server process [1]\nINFO:     Waiting for application startup.\nINFO:     Application startup complete.\nINFO:     Uvicorn running on http://0.0.0.0:80 (Press CTRL+C to quit)\nINFO:     172.17.0.1:52146 - "GET / HTTP/1.1" 200 OK\n');
  });

  it('a Node http server and an Express app', () => {
    const http = "const http = require('http');\nconst PORT = 3000;\nconst server = http.createServer((req, res) => {\n  res.writeHead(200, { 'Content-Type': 'text/plain' });\n  res.end('Hello from Node\\n');\n});\nserver.listen(PORT, () => console.log(`Listening on ${PORT}`));\n";
    const s = build({ 'server.js': http, Dockerfile: 'FROM node:22-alpine\nWORKDIR /app\nCOPY server.js .\nCMD ["node", "server.js"]\n' });
    s.run('docker run -d --name web -p 3000:3000 app');
    expect(undated(s.run('curl -si localhost:3000/anything').output)).toBe('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nDate: <now>\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nContent-Length: 16\r\n\r\nHello from Node\n');
    expect(s.run('docker logs web').output).toBe('Listening on 3000\n');

    const express = "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('Hello World!'));\napp.listen(8080);\n";
    const e = build({ 'index.js': express, 'package.json': '{"name":"web","version":"1.0.0","scripts":{"start":"node index.js"},"dependencies":{"express":"^4.21.2"}}\n', Dockerfile: 'FROM node:22\nWORKDIR /app\nCOPY package.json .\nRUN npm install\nCOPY . .\nCMD ["npm", "start"]\n' }, 'web');
    e.run('docker run -d --name web -p 8080:8080 app');
    expect(e.run('curl -si localhost:8080').output).toContain('X-Powered-By: Express\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 12\r\nETag: W/"c-Lve95gjOVATpfV8EL5X4nxwjKHE"\r\n');
    expect(e.run('curl -s localhost:8080/nope').output).toContain('<pre>Cannot GET /nope</pre>');
    expect(e.run('docker logs web').output).toBe('\n> web@1.0.0 start\n> node index.js\n\n');
  });

  it('nginx with the pages the build copied in', () => {
    const s = build({ 'index.html': '<h1>Mine</h1>\n', Dockerfile: 'FROM nginx:1.27\nCOPY index.html /usr/share/nginx/html/\n' });
    s.run('docker run -d -p 8080:80 app');
    expect(s.run('curl -s localhost:8080').output).toBe('<h1>Mine</h1>\n');
  });
});

describe('scripts that print and exit', () => {
  it('logs what the script prints and exits with its code', () => {
    const script = 'import sys\nname = "container"\nfor i in range(1, 4):\n    print(f"{i}. hello from the {name}")\nprint("total:", sum([1, 2, 3]), round(7 / 2, 2))\nsys.exit(3)\n';
    const s = build({ 'hello.py': script, Dockerfile: 'FROM python:3.12-slim\nCOPY hello.py .\nCMD ["python", "hello.py"]\n' });
    expect(s.run('docker run --name once app')).toEqual({ output: '1. hello from the container\n2. hello from the container\n3. hello from the container\ntotal: 6 3.5\n', exitCode: 3 });
    expect(s.run('docker ps -a --format "{{.Status}}"').output).toMatch(/^Exited \(3\)/);
    expect(s.run('docker logs once').output).toBe('1. hello from the container\n2. hello from the container\n3. hello from the container\ntotal: 6 3.5\n');
  });

  it('reports a missing script as Python does', () => {
    const s = build({ Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCMD ["python", "main.py"]\n' });
    expect(s.run('docker run app')).toEqual({ output: "python: can't open file '/app/main.py': [Errno 2] No such file or directory\n", exitCode: 2 });
  });
});
