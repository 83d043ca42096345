// Chapter 5: name an image for a registry, log in, push it, and pull it back after removing it.
import { dockerRan, type Exercise, type World } from '@/simulators';

const REF = 'registry.example.com/team/myapp:1.0';
const REPOSITORY = 'registry.example.com/team/myapp';

const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);
const pushed = (w: World) => own(w.docker.registry, REPOSITORY)?.['1.0'];
const sameRef = (ref: string | undefined) => ref === REF || ref === `docker.io/${REF}`;

export const pushToRegistry: Exercise = {
  id: 'push-to-registry',
  title: 'Push an image and pull it back',
  chapter: 'registries',
  scenario: 'myapp-built',
  goal: 'Tag myapp:1.0 for registry.example.com, log in, push it, remove it locally and pull it back.',
  steps: ['Tag `myapp:1.0` as `registry.example.com/team/myapp:1.0`.', 'Log in to registry.example.com (any user name and password).', 'Push it.', 'Remove the tagged image locally, then pull it back.'],
  hints: ['`docker tag myapp:1.0 registry.example.com/team/myapp:1.0`.', '`docker login registry.example.com`, or `-u learner -p secret` on one line.', '`docker push registry.example.com/team/myapp:1.0`.', '`docker rmi registry.example.com/team/myapp:1.0`, then `docker pull registry.example.com/team/myapp:1.0`.'],
  solution: ['docker tag myapp:1.0 registry.example.com/team/myapp:1.0', 'echo secret | docker login registry.example.com -u learner --password-stdin', `docker push ${REF}`, `docker rmi ${REF}`, `docker pull ${REF}`],
  checks: [
    { id: 'logged-in', kind: 'state', label: 'You are logged in to registry.example.com', passes: (w) => own(w.docker.logins, 'registry.example.com') !== undefined },
    { id: 'pushed', kind: 'state', label: '`registry.example.com/team/myapp:1.0` is in the registry', passes: (w) => pushed(w) !== undefined },
    {
      id: 'pulled-back',
      kind: 'state',
      label: 'It was pulled back after being removed locally',
      passes: (w) => {
        const up = pushed(w);
        if (!up) return false;
        const removed = dockerRan(w, 'rmi', { after: up.pushedAt, where: (call) => call.args.some(sameRef) });
        return removed.some((rm) => dockerRan(w, 'pull', { after: rm.end, where: (call) => sameRef(call.args[0]) }).length > 0);
      },
    },
  ],
};
