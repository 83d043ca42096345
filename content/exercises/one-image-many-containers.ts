// Chapter 3: one image, many containers, each its own name, port and state.
import { dockerRan, runningContainers, served, type Exercise, type World } from '@/simulators';

/** Running containers of one image, on distinct host ports, grouped by image repository. */
function siblings(w: World): ReturnType<typeof runningContainers>[] {
  const byImage = new Map<string, ReturnType<typeof runningContainers>>();
  for (const c of runningContainers(w)) {
    if (!c.hostConfig.portBindings.length) continue;
    const key = c.imageId;
    byImage.set(key, [...(byImage.get(key) ?? []), c]);
  }
  return [...byImage.values()].filter((group) => new Set(group.map((c) => c.hostConfig.portBindings[0].hostPort)).size >= 2);
}

export const oneImageManyContainers: Exercise = {
  id: 'one-image-many-containers',
  title: 'One image, many containers',
  chapter: 'images-and-containers',
  scenario: 'laptop',
  goal: 'Start two web servers from the same image on two ports, and see that the image is stored once.',
  steps: ['Run nginx as `web1` on port 8081 and as `web2` on port 8082.', 'Fetch a page from each.', 'List the images: nginx appears once.'],
  hints: ['Each container needs its own host port: `-p 8081:80` and `-p 8082:80`.', '`curl http://localhost:8081` and `curl http://localhost:8082`.', '`docker images` lists what is stored locally.'],
  solution: ['docker run -d --name web1 -p 8081:80 nginx', 'docker run -d --name web2 -p 8082:80 nginx', 'curl -s http://localhost:8081 > /dev/null', 'curl -s http://localhost:8082 > /dev/null', 'docker images'],
  checks: [
    { id: 'two-running', kind: 'state', label: 'Two containers of one image run at once, on two host ports', passes: (w) => siblings(w).length > 0 },
    { id: 'both-answer', kind: 'state', label: 'Each of them answered a request', passes: (w) => siblings(w).some((group) => group.filter((c) => served(w, c, { since: c.state.startedAt })).length >= 2) },
    {
      id: 'images-listed',
      kind: 'state',
      label: '`docker images` ran while both were up',
      passes: (w) => siblings(w).some((group) => dockerRan(w, 'images', { after: Math.max(...group.map((c) => c.state.startedAt)) }).length > 0),
    },
  ],
};
