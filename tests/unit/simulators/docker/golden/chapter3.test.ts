import path from 'node:path';
import { it } from 'vitest';
import { expectGolden, transcript } from './transcript';

it('chapter 3, as a learner types it', () => {
  const actual = transcript([
    'docker run -d --name web -p 8080:80 nginx',
    { line: 'docker ps', after: 20_000 },
    'curl http://localhost:8080',
    'docker images',
    { line: 'docker logs web', after: 5_000 },
    'docker logs --tail 1 web',
    { line: 'docker stop web', after: 60_000 },
    'docker ps',
    'docker ps -a',
    'docker rm web',
    'docker images',
    'docker run -d --name web1 -p 8081:80 nginx',
    'docker run -d --name web2 -p 8082:80 nginx',
    'docker run -d --name web3 -p 8083:80 nginx',
    { line: 'docker ps', after: 3_000 },
    'curl -s http://localhost:8082 | head -4',
    'docker logs --tail 1 web2',
    'docker run -d --name web4 -p 8081:80 nginx',
    'docker ps -a',
    'docker rm -f web1 web2 web3 web4',
    'docker ps -a',
  ]);
  expectGolden(path.join(__dirname, 'chapter3.txt'), actual);
});
