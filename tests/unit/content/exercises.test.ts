// Every exercise's solution passes every state check, typed all at once or at a learner's pace;
// each check refuses its near misses and accepts other correct ways. Ids are public interface.
import { describe, expect, it } from 'vitest';
import { createSession, evaluate, type Exercise, type Session } from '@/simulators';
import { exerciseById, exercises } from '@/content/exercises';
import { COURSE } from '@/content/course';

function play(exercise: Exercise, lines: readonly string[], paceMs = 0): Session {
  const s = createSession({ scenario: exercise.scenario });
  for (const line of lines) {
    s.run(line);
    if (paceMs) s.advance(paceMs);
  }
  return s;
}

const passing = (exercise: Exercise, s: Session) => evaluate(exercise.checks, s).filter((r) => r.passed).map((r) => r.id);
const stateIds = (exercise: Exercise) => exercise.checks.filter((c) => c.kind === 'state').map((c) => c.id);
const get = (id: string) => exerciseById(id)!;

describe('exercises', () => {
  it('keep their public ids, each listed by its chapter in the course', () => {
    expect(exercises.map((e) => e.id)).toEqual(['first-container', 'run-nginx', 'one-image-many-containers', 'build-myapp', 'layer-cache', 'push-to-registry']);
    for (const e of exercises) expect(COURSE.chapters.find((c) => c.slug === e.chapter)?.exercises).toContain(e.id);
  });

  for (const exercise of exercises) {
    it(`${exercise.id}: the solution passes every state check, at once and at a learner's pace`, () => {
      expect(passing(exercise, play(exercise, exercise.solution))).toEqual(stateIds(exercise));
      expect(passing(exercise, play(exercise, exercise.solution, 4_000))).toEqual(stateIds(exercise));
    });
    it(`${exercise.id}: nothing passes before the learner does anything`, () => {
      expect(passing(exercise, createSession({ scenario: exercise.scenario }))).toEqual([]);
    });
    it(`${exercise.id}: every quiz has exactly one right answer, and every answer says why`, () => {
      for (const c of exercise.checks) if (c.kind === 'quiz') {
        expect(c.answers.filter((a) => a.correct)).toHaveLength(1);
        for (const a of c.answers) expect(a.why.length).toBeGreaterThan(20);
      }
    });
  }
});

describe('first-container', () => {
  const e = get('first-container');
  it('accepts other ways: exec into a running container, -m, a size in bytes', () => {
    expect(passing(e, play(e, ['docker run -d --name box busybox sleep 600', 'docker exec box ps', 'docker exec box uname -r', 'uname -r', 'docker run --rm -m 268435456 busybox true']))).toEqual(['ps-in-a-container', 'same-kernel', 'memory-limit']);
    expect(passing(e, play(e, ['docker container run --rm --memory=256MiB busybox true']))).toEqual(['memory-limit']);
  });
  it('refuses near misses: ps on the laptop only, another limit, a run that failed', () => {
    expect(passing(e, play(e, ['ps', 'uname -r', 'docker run --rm --memory 512m busybox true', 'docker run --rm --memory 256m nosuchimage-xyz true']))).toEqual([]);
    expect(passing(e, play(e, ['docker run --rm busybox uname -r']))).toEqual([]);
  });
});

describe('run-nginx', () => {
  const e = get('run-nginx');
  it('accepts other ways: no name, --publish, a tag, docker container ls, wget', () => {
    expect(passing(e, play(e, ['docker run --detach --publish 8080:80 nginx:1.27', 'docker container ls', 'curl -s localhost:8080 > /dev/null']))).toEqual(stateIds(e));
    expect(passing(e, play(e, ['docker run -d -p 127.0.0.1:8080:80 docker.io/library/nginx:latest', 'docker ps -a', 'curl http://127.0.0.1:8080/']))).toEqual(stateIds(e));
  });
  it('refuses near misses: port 8081, docker ps before it ran, a stopped container, another image on 8080', () => {
    expect(passing(e, play(e, ['docker run -d -p 8081:80 nginx', 'docker ps', 'curl localhost:8081']))).toEqual([]);
    expect(passing(e, play(e, ['docker ps', 'docker run -d -p 8080:80 nginx', 'curl localhost:8080']))).toEqual(['nginx-running', 'page-served']);
    expect(passing(e, play(e, ['docker run -d --name web -p 8080:80 nginx', 'docker ps', 'curl localhost:8080', 'docker stop web']))).toEqual([]);
    expect(passing(e, play(e, ['docker run -d -p 8080:80 httpd', 'docker ps', 'curl localhost:8080']))).toEqual([]);
  });
  it('asks for the page after this container started: a curl to an earlier one does not count', () => {
    const s = play(e, ['docker run -d --name old -p 8080:80 nginx', 'curl localhost:8080', 'docker rm -f old', 'docker run -d --name web -p 8080:80 nginx', 'docker ps']);
    expect(passing(e, s)).toEqual(['nginx-running', 'ps-saw-it']);
    s.run('curl localhost:8080');
    expect(passing(e, s)).toEqual(stateIds(e));
  });
});

describe('one-image-many-containers', () => {
  const e = get('one-image-many-containers');
  it('accepts other ways: no names, another image, wget', () => {
    expect(passing(e, play(e, ['docker run -d -p 9001:80 httpd', 'docker run -d -p 9002:80 httpd', 'curl -s localhost:9001', 'curl -s localhost:9002', 'docker image ls']))).toEqual(stateIds(e));
  });
  it('refuses near misses: one port twice, two different images, one of them asked', () => {
    expect(passing(e, play(e, ['docker run -d -p 8081:80 nginx', 'docker run -d -p 8081:80 nginx', 'curl -s localhost:8081', 'docker images']))).toEqual([]);
    expect(passing(e, play(e, ['docker run -d -p 8081:80 nginx', 'docker run -d -p 8082:80 httpd', 'curl -s localhost:8081', 'curl -s localhost:8082', 'docker images']))).toEqual([]);
    expect(passing(e, play(e, ['docker run -d -p 8081:80 nginx', 'docker run -d -p 8082:80 nginx', 'curl -s localhost:8081', 'docker images']))).toEqual(['two-running', 'images-listed']);
    expect(passing(e, play(e, ['docker images', 'docker run -d -p 8081:80 nginx', 'docker run -d -p 8082:80 nginx']))).toEqual(['two-running']);
  });
});

describe('build-myapp', () => {
  const e = get('build-myapp');
  it('accepts other ways: --tag and a path, --publish and a name', () => {
    expect(passing(e, play(e, ['cd ~', 'docker build --tag myapp:1.0 myapp', 'docker run --detach --name app --publish 8000:8000 myapp:1.0', 'curl -s http://127.0.0.1:8000/']))).toEqual(stateIds(e));
  });
  it('refuses near misses: another tag, another port, a stopped app', () => {
    expect(passing(e, play(e, ['docker build -t myapp:latest .', 'docker run -d -p 8000:8000 myapp', 'curl localhost:8000']))).toEqual([]);
    expect(passing(e, play(e, ['docker build -t myapp:1.0 .', 'docker run -d -p 8080:8000 myapp:1.0', 'curl localhost:8080']))).toEqual(['image-built']);
    expect(passing(e, play(e, ['docker build -t myapp:1.0 .', 'docker run -d --name app -p 8000:8000 myapp:1.0', 'curl localhost:8000', 'docker stop app']))).toEqual(['image-built']);
  });
});

describe('layer-cache', () => {
  const e = get('layer-cache');
  it('accepts other ways: another tag, the same tag again, printf', () => {
    expect(passing(e, play(e, ['printf "\\n# edited\\n" >> app.py', 'docker build -t myapp:1.0 .']))).toEqual(stateIds(e));
  });
  it('refuses near misses: a rebuild without a change, a changed requirements.txt, --no-cache', () => {
    expect(passing(e, play(e, ['docker build -t myapp:1.1 .']))).toEqual([]);
    expect(passing(e, play(e, ['echo "requests==2.32.3" >> requirements.txt', 'echo "# x" >> app.py', 'docker build -t myapp:1.1 .']))).toEqual([]);
    expect(passing(e, play(e, ['echo "# x" >> app.py', 'docker build --no-cache -t myapp:1.1 .']))).toEqual([]);
  });
});

describe('push-to-registry', () => {
  const e = get('push-to-registry');
  it('accepts other ways: -p, docker image push/rm/pull', () => {
    expect(passing(e, play(e, ['docker image tag myapp:1.0 registry.example.com/team/myapp:1.0', 'docker login registry.example.com -u me -p pw', 'docker image push registry.example.com/team/myapp:1.0', 'docker image rm registry.example.com/team/myapp:1.0', 'docker image pull registry.example.com/team/myapp:1.0']))).toEqual(stateIds(e));
  });
  it('refuses near misses: a push without logging in, a pull before removing, removing the other name', () => {
    expect(passing(e, play(e, ['docker tag myapp:1.0 registry.example.com/team/myapp:1.0', 'docker push registry.example.com/team/myapp:1.0']))).toEqual([]);
    expect(passing(e, play(e, ['docker tag myapp:1.0 registry.example.com/team/myapp:1.0', 'docker login registry.example.com -u me -p pw', 'docker push registry.example.com/team/myapp:1.0', 'docker pull registry.example.com/team/myapp:1.0']))).toEqual(['logged-in', 'pushed']);
    expect(passing(e, play(e, ['docker tag myapp:1.0 registry.example.com/team/myapp:1.0', 'docker login registry.example.com -u me -p pw', 'docker push registry.example.com/team/myapp:1.0', 'docker rmi myapp:1.0', 'docker pull registry.example.com/team/myapp:1.0']))).toEqual(['logged-in', 'pushed']);
  });
});
