import path from 'node:path';
import { it } from 'vitest';
import { expectGolden, transcript } from './transcript';

// Chapter 4 as a learner types it in ~/myapp: the first build, the cache after an edit to app.py, a
// dependency change that reruns pip, --no-cache, and the two mistakes a learner most often makes.
it('chapter 4, as a learner types it', () => {
  const actual = transcript(
    [
      'ls -a',
      'cat Dockerfile',
      'cat .dockerignore',
      'docker build -t myapp:1.0 .',
      'docker images',
      'docker run -d --name app -p 8000:8000 myapp:1.0',
      { line: 'curl http://localhost:8000', after: 2_000 },
      'docker logs app',
      'docker history myapp:1.0',
      { line: 'docker build -t myapp:1.0 .', after: 60_000 },
      "cat > app.py <<'EOF'\nfrom flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route(\"/\")\ndef hello():\n    return \"Hello from version 1.1!\"\n\n\nif __name__ == \"__main__\":\n    app.run(host=\"0.0.0.0\", port=8000)\nEOF",
      'docker build -t myapp:1.1 .',
      'docker run -d -p 8001:8000 myapp:1.1',
      { line: 'curl http://localhost:8001', after: 2_000 },
      'curl http://localhost:8000',
      'echo requests==2.32.3 >> requirements.txt',
      'docker build -t myapp:1.2 .',
      'docker build -q -t myapp:1.2 .',
      'docker history --format "{{.CreatedBy}}" myapp:1.2 | head -3',
      'docker build --no-cache -t myapp:1.2 . 2>&1 | grep -c CACHED',
      'docker images myapp',
      'echo "COPY missing.txt ." >> Dockerfile',
      'docker build -t broken .',
      'echo "FROMM python:3.12-slim" > Dockerfile',
      'docker build -t broken .',
      'docker build -t broken ./nowhere',
    ],
    { scenario: 'myapp-source' },
  );
  expectGolden(path.join(__dirname, 'chapter4.txt'), actual);
});
