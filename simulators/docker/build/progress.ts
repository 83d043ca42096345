// How `docker build` shows a build, after BuildKit's progressui: the terminal display (a header
// `[+] Building 8.4s (10/10) FINISHED` with the builder's name on the right, one line per step
// with its time at the right edge, finished lines in blue) and the plain display (`#5 [2/5]
// WORKDIR /app`, `#5 DONE 0.1s`), then the failed steps' logs, the Dockerfile excerpt and
// `ERROR: failed to solve: ...`. Times are simulated milliseconds from the build's start.
import type { BuildOutcome, Status, Vertex } from './build-types';
import { unitsBytes } from './units';
import { sourceExcerpt, type Warning } from './dockerfile';

const BLUE = '\x1b[34m';
const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

/** Go's fmt `%-*s %s`: left-aligns l so that r ends at column w. */
function align(l: string, r: string, w: number): string {
  const width = w - r.length - 1;
  return `${l.padEnd(width)} ${r}`;
}

interface Job {
  name: string;
  status: string;
  start: number;
  end: number;
  completed: boolean;
  error?: boolean;
  canceled?: boolean;
  colored: boolean;
  /** A line the running step printed: shown under it, without a timer, until the step ends. */
  log?: boolean;
}

/** BuildKit keeps the last few lines of a running step's output on screen beneath it. */
const LIVE_LOG_LINES = 6;

function statusText(s: Status, now: number): string {
  if (s.total) {
    const current = s.end <= now ? s.current ?? s.total : Math.round(((now - s.start) / Math.max(1, s.end - s.start)) * s.total);
    return `${unitsBytes(current)} / ${unitsBytes(s.total)}`;
  }
  return s.current ? unitsBytes(s.current) : '';
}

function jobs(outcome: BuildOutcome, now: number): Job[] {
  const out: Job[] = [];
  for (const v of outcome.vertices) {
    if (v.start > now) continue;
    const done = v.end <= now;
    const name = `${v.error && done ? 'ERROR ' : ''}${v.cached ? 'CACHED ' : ''}${v.name.replace(/\t/g, ' ')}`;
    out.push({ name, status: '', start: v.start, end: Math.min(v.end, now), completed: done, error: Boolean(v.error) && done, colored: done });
    if (!done) {
      const seen = v.logs.filter((l) => v.start + l.at <= now).slice(-LIVE_LOG_LINES);
      for (const l of seen) out.push({ name: `=> # ${l.text}`, status: '', start: v.start, end: v.start, completed: false, colored: false, log: true });
    }
    for (const s of v.statuses) {
      if (s.start > now) continue;
      out.push({ name: `=> ${s.id}`, status: statusText(s, now), start: s.start, end: Math.min(s.end, now), completed: s.end <= now, colored: s.end <= now });
    }
    if (v === outcome.vertices[0]) {
      for (const w of outcome.warnings) out.push({ name: `WARN: ${w.rule}: ${w.message} (line ${w.line})`, status: '', start: v.start, end: Math.min(v.end, now), completed: false, canceled: true, colored: false });
    }
  }
  return out;
}

/** The number of vertices finished and known at a moment (the header's `(n/m)`). */
function counts(outcome: BuildOutcome, now: number): [number, number] {
  const completed = outcome.vertices.filter((v) => v.end <= now).length;
  const exporting = outcome.vertices.find((v) => v.name === 'exporting to image');
  const started = outcome.vertices.filter((v) => v.start <= now).length;
  if (now < outcome.vertices[0].end) return [completed, started];
  const total = outcome.total - (exporting && exporting.start > now ? 1 : 0);
  return [completed, Math.max(total, started)];
}

/** One screen of the terminal display at `now`; `final` is the last one, with every line. */
export function ttyScreen(outcome: BuildOutcome, now: number, width: number, rows: number, final: boolean, color = true): string[] {
  const [completed, total] = counts(outcome, now);
  const finished = final && completed > 0 && completed === total;
  let header = align(`[+] Building ${(now / 1000).toFixed(1)}s (${completed}/${total}) ${finished ? 'FINISHED' : ''}`, 'docker:default', width - 1);
  if (header.length > width) header = header.slice(0, width);
  const lines = [header];
  let list = jobs(outcome, now);
  if (!final && list.length > rows - 2) list = list.slice(list.length - Math.max(0, rows - 2));
  for (const j of list) {
    if (j.log) {
      const text = ` => ${j.name}`;
      lines.push(text.length > width - 1 ? text.slice(0, width - 1) : text);
      continue;
    }
    let dt = (j.end - j.start) / 1000;
    if (dt < 0.05) dt = 0;
    const timer = ` ${dt.toFixed(1)}s`;
    let left = width - 4 - (timer.length + 1) - 1;
    let showStatus = false;
    if (j.status && left + j.status.length > 20) {
      showStatus = true;
      left -= j.status.length + 1;
    }
    if (left < 12) continue;
    let out = ` => ${j.name.length > left ? j.name.slice(0, left) : j.name}`;
    if (showStatus) out += ` ${j.status}`;
    out = align(out, timer, width - 1);
    if (color && j.colored) out = `${j.error ? RED : j.canceled ? YELLOW : BLUE}${out}`;
    lines.push(out);
  }
  return lines;
}

/** The final screen as text: what a terminal shows once the build is over. */
export function ttyFinal(outcome: BuildOutcome, width: number, color = true): string {
  // Each finished line is coloured and reset after its newline, as aec.Apply does.
  return ttyScreen(outcome, outcome.durationMs, width, Infinity, true, color)
    .map((l) => (l.startsWith('\x1b[') ? `${l}\n${RESET}` : `${l}\n`))
    .join('');
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return s.toFixed(s < 10 ? 3 : s < 100 ? 2 : 1);
}

/** `--progress=plain`: every vertex as numbered lines. */
export function plainOutput(outcome: BuildOutcome, builder = 'default'): string {
  let out = `#0 building with "${builder}" instance using docker driver\n`;
  outcome.vertices.forEach((v, i) => {
    const n = i + 1;
    out += `\n#${n} ${v.name}\n`;
    if (i === 0) for (const w of outcome.warnings) out += `#${n} WARN: ${w.rule}: ${w.message} (line ${w.line})\n`;
    for (const s of v.statuses) {
      const bytes = s.total ? ` ${unitsBytes(s.current ?? s.total)} / ${unitsBytes(s.total)}` : s.current ? ` ${unitsBytes(s.current)}` : '';
      const ms = s.end - s.start;
      if (ms > 150) out += s.total ? `#${n} ${s.id} 0B / ${unitsBytes(s.total)} 0.2s\n` : `#${n} ${s.id}\n`;
      out += `#${n} ${s.id}${bytes}${ms > 10 ? ` ${(ms / 1000).toFixed(1)}s` : ''} done\n`;
    }
    for (const l of v.logs) out += `#${n} ${seconds(l.at)} ${l.text}\n`;
    if (v.error) out += `#${n} ERROR: ${v.error}\n`;
    else if (v.cached) out += `#${n} CACHED\n`;
    else out += `#${n} DONE ${((v.end - v.start) / 1000).toFixed(1)}s\n`;
  });
  return out;
}

export function warningsBlock(warnings: Warning[]): string {
  if (!warnings.length) return '';
  const n = warnings.length;
  return `\n ${n} warning${n === 1 ? '' : 's'} found (use docker --debug to expand):\n${warnings.map((w) => ` - ${w.rule}: ${w.message} (line ${w.line})\n`).join('')}`;
}

/** What follows the progress when the build failed: logs, warnings, the excerpt, the error. */
export function errorTrailer(outcome: BuildOutcome, mode: 'tty' | 'plain'): string {
  const error = outcome.error!;
  let out = '';
  const failed: Vertex | undefined = error.vertex;
  if (failed) {
    const logs = mode === 'plain' ? failed.logs.slice(-10) : failed.logs;
    out += `------\n > ${failed.name}:\n${logs.map((l) => `${seconds(l.at)} ${l.text}\n`).join('')}------\n`;
  }
  out += warningsBlock(outcome.warnings);
  if (error.source) out += sourceExcerpt(outcome.dockerfileName, outcome.dockerfileLines, error.source.start, error.source.end);
  out += `ERROR: failed to solve: ${error.message}\n`;
  return out;
}
