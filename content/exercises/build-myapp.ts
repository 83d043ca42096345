// Chapter 4: build the prepared Flask app into an image, run it, and get its answer.
import { runningContainers, served, type Exercise, type World } from '@/simulators';

/** Images built here and tagged `myapp:<tag>` (any tag). */
export const builtMyapp = (w: World, tag?: string) => Object.values(w.docker.images).filter((i) => i.source === 'built' && i.tags.some((t) => (tag ? t === `myapp:${tag}` : t.startsWith('myapp:'))));

/** Containers of myapp:1.0 running with host port 8000 published to the app's 8000. */
const appOn8000 = (w: World) => builtMyapp(w, '1.0').flatMap((img) => runningContainers(w, { publishes: { host: 8000, container: 8000 } }).filter((c) => c.imageId === img.id));

export const buildMyapp: Exercise = {
  id: 'build-myapp',
  title: 'Build and run your own image',
  chapter: 'building-images',
  scenario: 'myapp-source',
  goal: 'Turn the Flask app in ~/myapp into an image called myapp:1.0, run it on port 8000 and get its greeting.',
  steps: ['Build the folder into an image tagged `myapp:1.0`.', 'Run it in the background with port 8000 published.', 'Fetch http://localhost:8000.'],
  hints: ['`docker build -t myapp:1.0 .` builds the current folder (the `.`).', '`-p 8000:8000`: the app listens on port 8000 inside.', '`curl http://localhost:8000`.'],
  solution: ['docker build -t myapp:1.0 .', 'docker run -d -p 8000:8000 myapp:1.0', 'curl http://localhost:8000'],
  checks: [
    { id: 'image-built', kind: 'state', label: 'An image `myapp:1.0` was built from the folder', passes: (w) => builtMyapp(w, '1.0').length > 0 },
    {
      id: 'app-running',
      kind: 'state',
      label: 'A container of it runs with port 8000 published',
      passes: (w) => appOn8000(w).length > 0,
    },
    {
      id: 'app-answered',
      kind: 'state',
      label: 'It answered a request on port 8000',
      passes: (w) => appOn8000(w).some((c) => served(w, c, { since: c.state.startedAt })),
    },
  ],
};
