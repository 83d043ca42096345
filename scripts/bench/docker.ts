// Docker figures: `docker ps` over 1,000 containers, a chapter 3–5 script per command, and the
// saved world's size after it.
import { createSession } from '../../simulators';

export interface DockerFigures {
  psMedianMs: number;
  psContainers: number;
  scriptCommands: number;
  scriptMedianMs: number;
  worldJsonKb: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The chapters' commands in order, as a learner types them (chapter 4 and 5 need build and push). */
export const CHAPTER_SCRIPT = [
  'docker run -d --name web -p 8080:80 nginx',
  'docker ps',
  'docker ps -a',
  'docker images',
  'curl http://localhost:8080',
  'docker logs web',
  'docker stop web',
  'docker rm web',
  'docker run -d --name web1 -p 8081:80 nginx',
  'docker run -d --name web2 -p 8082:80 nginx',
  'docker ps',
  'docker rm -f web1 web2',
  'docker run --rm busybox ps',
  'docker run --rm --memory 256m busybox cat /sys/fs/cgroup/memory.max',
  'cd ~/myapp',
  'docker build -t myapp:1.0 .',
  'docker images',
  'docker run -d -p 8000:8000 myapp:1.0',
  'curl http://localhost:8000',
  'echo "# changed" >> app.py',
  'docker build -t myapp:1.0 .',
  'docker history myapp:1.0',
  'docker tag myapp:1.0 registry.example.com/team/myapp:1.0',
  'docker login registry.example.com -u learner -p secret',
  'docker push registry.example.com/team/myapp:1.0',
  'docker rmi registry.example.com/team/myapp:1.0',
  'docker pull registry.example.com/team/myapp:1.0',
];

export function benchDocker(): DockerFigures {
  const crowded = createSession({ scenario: 'laptop' });
  crowded.run('docker pull busybox');
  for (let i = 0; i < 1000; i++) crowded.run(`docker run -d --name c${i} busybox sleep 100000`);
  const psTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    crowded.run('docker ps');
    psTimes.push(performance.now() - started);
  }

  const scriptTimes: number[] = [];
  let world = 0;
  for (let round = 0; round < 5; round++) {
    const session = createSession({ scenario: 'myapp-source' });
    session.run('cd ~');
    for (const line of CHAPTER_SCRIPT) {
      const started = performance.now();
      session.run(line);
      scriptTimes.push(performance.now() - started);
    }
    world = JSON.stringify(session.snapshot()).length / 1024;
  }
  return { psMedianMs: median(psTimes), psContainers: 1000, scriptCommands: CHAPTER_SCRIPT.length, scriptMedianMs: median(scriptTimes), worldJsonKb: world };
}
