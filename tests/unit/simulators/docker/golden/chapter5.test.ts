import path from 'node:path';
import { it } from 'vitest';
import { expectGolden, transcript } from './transcript';

// The chapter's round trip (tag, a refused push, login, push, rmi, pull back, run) with nginx, whose
// data comes from the catalog; the lesson walkthrough test follows the same steps with the built app.
it('chapter 5, as a learner types it', () => {
  const actual = transcript([
    'docker pull nginx',
    'docker tag nginx registry.example.com/team/web:1.0',
    'docker images',
    'docker push registry.example.com/team/web:1.0',
    { line: 'docker login registry.example.com', input: ['learner\r', 'secret\r'], after: 20_000 },
    'cat ~/.docker/config.json',
    { line: 'docker push registry.example.com/team/web:1.0', after: 5_000 },
    'docker push registry.example.com/team/web:1.0',
    'docker images --digests',
    { line: 'docker rmi registry.example.com/team/web:1.0 nginx', after: 30_000 },
    'docker images',
    'docker pull registry.example.com/team/web:1.0',
    'docker run -d --name web -p 8080:80 registry.example.com/team/web:1.0',
    { line: 'curl -s http://localhost:8080 | head -4', after: 3_000 },
    'docker rmi registry.example.com/team/web:1.0',
    'docker rmi -f registry.example.com/team/web:1.0',
    'docker images',
    'docker tag 9bea9f2796e2 learner/web:1.0',
    'docker push learner/web:1.0',
    { line: 'docker login -u learner', input: ['dckr_pat_example\r'] },
    'docker push learner/web:1.0',
    'docker logout',
    'docker logout registry.example.com',
    'docker system df',
    "docker version --format '{{.Server.Version}}'",
  ]);
  expectGolden(path.join(__dirname, 'chapter5.txt'), actual);
});
