// Core figures (issue 8): one object change at 100, 1,000 and 10,000 objects; docker create at the
// same sizes; an idle hour over 1,000 running containers; saving and loading that world.
import { createSession, type Session } from '../../simulators';
import { setContainer } from '../../simulators/docker/engine/container-table';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface ScaleFigures {
  objects: number;
  changeMs: number;
  createMs: number;
}

export interface CoreFigures {
  scale: ScaleFigures[];
  idleHourMs: number;
  idleHourEvents: number;
  savedKb: number;
  plainKb: number;
  saveMs: number;
  loadMs: number;
}

function crowd(n: number): Session {
  const s = createSession();
  s.run('docker pull busybox');
  for (let i = 0; i < n; i++) s.run(`docker create --name c${i} busybox sleep 1`);
  return s;
}

function scale(n: number): ScaleFigures {
  const s = crowd(n);
  const ids = Object.keys(s.store.getState().docker.containers);
  const changes: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const started = performance.now();
    const w = s.store.getState();
    const c = w.docker.containers[ids[(i * 7919) % ids.length]];
    s.store.setState(setContainer(w, { ...c, state: { ...c.state, exitCode: i & 255 } }), true);
    changes.push(performance.now() - started);
  }
  const creates: number[] = [];
  for (let i = 0; i < 100; i++) {
    const started = performance.now();
    s.run(`docker create --name extra${i} busybox sleep 1`);
    creates.push(performance.now() - started);
  }
  return { objects: n, changeMs: median(changes), createMs: median(creates) };
}

export function benchCore(): CoreFigures {
  const figures = [100, 1_000, 10_000].map(scale);

  const s = createSession();
  s.run('docker pull nginx');
  for (let i = 0; i < 1000; i++) s.run(`docker run -d --name web${i} nginx`);
  const timersBefore = s.store.getState().timers.heap.length;
  const started = performance.now();
  s.advance(3_600_000);
  const idleHourMs = performance.now() - started;
  const idleHourEvents = timersBefore - s.store.getState().timers.heap.length;

  const saves: number[] = [];
  const loads: number[] = [];
  let text = '';
  for (let i = 0; i < 5; i++) {
    let t = performance.now();
    text = s.save();
    saves.push(performance.now() - t);
    const other = createSession();
    t = performance.now();
    other.load(text);
    loads.push(performance.now() - t);
  }
  return {
    scale: figures,
    idleHourMs,
    idleHourEvents,
    savedKb: text.length / 1024,
    plainKb: JSON.stringify(s.snapshot()).length / 1024,
    saveMs: median(saves),
    loadMs: median(loads),
  };
}
