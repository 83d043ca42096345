// Chapter 3, and the source page's second check: run nginx on port 8080, see it in `docker ps`, get
// its page with curl.
import { dockerRan, runningContainers, served, type Exercise } from '@/simulators';

/** nginx containers running now with host port 8080 published to its port 80. */
const webOn8080 = (w: Parameters<typeof runningContainers>[0]) => runningContainers(w, { image: 'nginx', publishes: { host: 8080, container: 80 } });

export const runNginx: Exercise = {
  id: 'run-nginx',
  title: 'Run a web server',
  chapter: 'images-and-containers',
  scenario: 'laptop',
  goal: 'Run nginx in the background on port 8080, see it running, and fetch its welcome page.',
  steps: ['Run nginx detached, publishing port 8080 of the laptop to port 80 of the container.', 'List the running containers.', 'Fetch http://localhost:8080 with curl.'],
  hints: ['`-d` runs it in the background; `-p 8080:80` publishes the port.', '`docker ps` lists what is running.', '`curl http://localhost:8080` asks the laptop’s port 8080, which leads into the container.'],
  solution: ['docker run -d --name web -p 8080:80 nginx', 'docker ps', 'curl http://localhost:8080'],
  checks: [
    {
      id: 'nginx-running',
      kind: 'state',
      label: 'An nginx container is running with port 8080 published to its port 80',
      passes: (w) => webOn8080(w).length > 0,
    },
    {
      id: 'ps-saw-it',
      kind: 'state',
      label: '`docker ps` succeeded while it was running',
      passes: (w) => webOn8080(w).some((c) => dockerRan(w, 'ps', { after: c.state.startedAt }).length > 0),
    },
    {
      id: 'page-served',
      kind: 'state',
      label: 'A request to port 8080 got nginx’s page',
      passes: (w) => webOn8080(w).some((c) => served(w, c, { since: c.state.startedAt })),
    },
    {
      id: 'image-vs-container',
      kind: 'quiz',
      label: 'The difference between an image and a container',
      question: 'You ran `docker run -d -p 8080:80 nginx` twice, with different host ports. What do you have?',
      answers: [
        { text: 'One nginx image and two containers made from it.', correct: true, why: 'Right: the image is the read-only package, pulled once; each `docker run` makes a new container, a running instance with its own name, state and writable layer.' },
        { text: 'Two images and two containers.', correct: false, why: 'The second run found nginx already on the laptop and did not pull it again: `docker images` still lists one.' },
        { text: 'One container, started twice.', correct: false, why: 'Each `docker run` creates a new container; `docker ps` lists two, with different names and ids.' },
        { text: 'Two images and one container.', correct: false, why: 'Running never makes images; building or pulling does.' },
      ],
    },
  ],
};
