// Chapter 4: change the code, rebuild, and see the dependencies' layer come from the cache.
import type { Exercise, World } from '@/simulators';

/** A built image's layers with the step that made each, oldest first. */
function steps(w: World, id: string): { step: string; digest: string }[] {
  const built = Object.prototype.hasOwnProperty.call(w.docker.builtImages, id) ? w.docker.builtImages[id] : undefined;
  if (!built) return [];
  const made = built.history.filter((h) => !h.emptyLayer).reverse();
  return made.map((h, i) => ({ step: h.createdBy, digest: built.layers[i]?.digest ?? '' }));
}

const layerOf = (layers: { step: string; digest: string }[], pattern: RegExp) => layers.find((l) => pattern.test(l.step))?.digest;

/** Two builds of the app whose dependency layers are one and the same but whose code layers differ. */
function reusedDependencies(w: World): boolean {
  const ids = Object.keys(w.docker.builtImages);
  const layers = ids.map((id) => steps(w, id));
  for (let a = 0; a < layers.length; a++) {
    for (let b = 0; b < layers.length; b++) {
      if (a === b) continue;
      const pipA = layerOf(layers[a], /pip install/);
      const codeA = layerOf(layers[a], /^COPY \. \./);
      if (pipA && pipA === layerOf(layers[b], /pip install/) && codeA && codeA !== layerOf(layers[b], /^COPY \. \./)) return true;
    }
  }
  return false;
}

export const layerCache: Exercise = {
  id: 'layer-cache',
  title: 'What the layer cache keeps',
  chapter: 'building-images',
  scenario: 'myapp-built',
  goal: 'Change app.py, rebuild, and see that only the layers from `COPY . .` on are built again.',
  steps: ['Change app.py (edit it in nano, or append a line).', 'Build again as `myapp:1.1` and look for CACHED on the dependency step.'],
  hints: ['`nano app.py`, change the greeting, Ctrl-O Enter, Ctrl-X; or `echo "# a comment" >> app.py`.', '`docker build -t myapp:1.1 .`: the pip step says CACHED, `COPY . .` runs.'],
  solution: ['echo "# changed" >> app.py', 'docker build -t myapp:1.1 .'],
  checks: [
    { id: 'rebuilt-from-cache', kind: 'state', label: 'A rebuild after changing the code reused the dependencies’ layer and rebuilt the code’s', passes: reusedDependencies },
    {
      id: 'why-requirements-first',
      kind: 'quiz',
      label: 'Why the Dockerfile copies requirements.txt before the rest',
      question: 'The Dockerfile runs `COPY requirements.txt .` and `pip install` before `COPY . .`. Why?',
      answers: [
        { text: 'So that changing the code does not reinstall the dependencies: their layer stays cached until requirements.txt changes.', correct: true, why: 'Right: a step is rebuilt only when its instruction, its parent layer or the files it copies change. Editing app.py changes only what `COPY . .` copies, which comes after the install.' },
        { text: 'Because pip cannot read files copied later.', correct: false, why: 'pip reads whatever is in the image when its step runs; order matters for the cache, not for pip.' },
        { text: 'To make the image smaller.', correct: false, why: 'The same files end up in the image either way; the order decides what the cache can reuse.' },
        { text: 'Docker requires requirements files to come first.', correct: false, why: 'Docker knows nothing of requirements.txt; this order is a habit that saves rebuild time.' },
      ],
    },
  ],
};
