// The differences between two sequences of lines, found as GNU diff finds them (diffutils'
// analyze.c over gnulib's diffseq.h): lines that match nothing in the other file are set aside
// first, then Myers' O(ND) search for the middle snake splits the rest in linear space, its cost
// capped by GNU's TOO_EXPENSIVE rule and every step paid from the line's work budget; last,
// shift_boundaries slides each run of changes to where GNU prints it. Same input, same hunks.
import type { WorkBudget } from '../core/budget';

/** One change: `deleted` lines of the first file from `line0`, `inserted` of the second from `line1` (0-based). */
export interface Change {
  line0: number;
  line1: number;
  deleted: number;
  inserted: number;
}

/** A flag per line with a false sentinel on each side: get(-1) and get(length) are false. */
class Flags {
  private readonly bits: Uint8Array;
  constructor(readonly length: number) {
    this.bits = new Uint8Array(length + 2);
  }
  get(i: number): boolean {
    return i >= -1 && i <= this.length ? this.bits[i + 1] === 1 : false;
  }
  set(i: number, value: boolean): void {
    this.bits[i + 1] = value ? 1 : 0;
  }
}

const floorLog2 = (n: number) => Math.floor(Math.log2(Math.max(1, n)));
const OFFSET_MAX = Number.MAX_SAFE_INTEGER;

interface Side {
  /** Equivalence class of each line (equal lines share one, from 1). */
  equivs: number[];
  changed: Flags;
  /** The classes of the lines kept for the search, and where each one really is. */
  undiscarded: number[];
  realindexes: number[];
}

/** discard_confusing_lines: a line with no match on the other side is a change for sure. */
function discardConfusingLines(files: [Side, Side]): void {
  const counts: Map<number, number>[] = [new Map(), new Map()];
  for (let f = 0; f < 2; f++) for (const e of files[f].equivs) counts[f].set(e, (counts[f].get(e) ?? 0) + 1);
  const discarded: Uint8Array[] = [];
  for (let f = 0; f < 2; f++) {
    const { equivs } = files[f];
    const end = equivs.length;
    const other = counts[1 - f];
    const many = 5 << (end < 64 ? 0 : (floorLog2(end) >> 1) - 3);
    const discards = new Uint8Array(end);
    for (let i = 0; i < end; i++) {
      const nmatch = other.get(equivs[i]) ?? 0;
      if (nmatch === 0) discards[i] = 1;
      else if (nmatch > many) discards[i] = 2;
    }
    discarded.push(discards);
  }
  // Provisional discards stand only inside a run of discards with firm ones at both ends.
  for (let f = 0; f < 2; f++) {
    const discards = discarded[f];
    const end = discards.length;
    for (let i = 0; i < end; i++) {
      if (discards[i] === 2) discards[i] = 0;
      else if (discards[i] !== 0) {
        let provisional = 0;
        let j: number;
        for (j = i; j < end; j++) {
          if (discards[j] === 0) break;
          if (discards[j] === 2) ++provisional;
        }
        while (j > i && discards[j - 1] === 2) {
          discards[--j] = 0;
          --provisional;
        }
        const length = j - i;
        if (length >> 2 < provisional) {
          while (j > i) if (discards[--j] === 2) discards[j] = 0;
        } else {
          const minimum = length < 4 ? 2 : (1 << ((floorLog2(length) >> 1) - 1)) + 1;
          let consec = 0;
          for (j = 0; j < length; j++) {
            if (discards[i + j] !== 2) consec = 0;
            else if (minimum === ++consec) j -= consec;
            else if (minimum < consec) discards[i + j] = 0;
          }
          for (j = 0, consec = 0; j < length; j++) {
            if (j >= 8 && discards[i + j] === 1) break;
            if (discards[i + j] === 2) {
              consec = 0;
              discards[i + j] = 0;
            } else if (discards[i + j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
          i += length - 1;
          for (j = 0, consec = 0; j < length; j++) {
            if (j >= 8 && discards[i - j] === 1) break;
            if (discards[i - j] === 2) {
              consec = 0;
              discards[i - j] = 0;
            } else if (discards[i - j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
        }
      }
    }
  }
  for (let f = 0; f < 2; f++) {
    const side = files[f];
    side.equivs.forEach((e, i) => {
      if (discarded[f][i] === 0) {
        side.undiscarded.push(e);
        side.realindexes.push(i);
      } else side.changed.set(i, true);
    });
  }
}

/** The search over the kept lines (diffseq.h's diag and compareseq, without -H's heuristic). */
function compare(files: [Side, Side], budget: WorkBudget): void {
  const xv = files[0].undiscarded;
  const yv = files[1].undiscarded;
  const diags = xv.length + yv.length + 3;
  const offset = yv.length + 1;
  const fd = new Float64Array(diags);
  const bd = new Float64Array(diags);
  const tooExpensive = Math.max(4096, 1 << ((floorLog2(diags) >> 1) + 1));

  const diag = (xoff: number, xlim: number, yoff: number, ylim: number, minimal: boolean) => {
    const dmin = xoff - ylim;
    const dmax = xlim - yoff;
    const fmid = xoff - yoff;
    const bmid = xlim - ylim;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    fd[fmid + offset] = xoff;
    bd[bmid + offset] = xlim;
    for (let c = 1; ; ++c) {
      budget.spend(1 + ((fmax - fmin) >> 3));
      if (fmin > dmin) fd[--fmin - 1 + offset] = -1;
      else ++fmin;
      if (fmax < dmax) fd[++fmax + 1 + offset] = -1;
      else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = fd[d - 1 + offset];
        const thi = fd[d + 1 + offset];
        const x0 = tlo < thi ? thi : tlo + 1;
        let x = x0;
        let y = x0 - d;
        while (x < xlim && y < ylim && xv[x] === yv[y]) {
          x++;
          y++;
        }
        fd[d + offset] = x;
        if (odd && bmin <= d && d <= bmax && bd[d + offset] <= x) return { xmid: x, ymid: y, lo: true, hi: true };
      }
      if (bmin > dmin) bd[--bmin - 1 + offset] = OFFSET_MAX;
      else ++bmin;
      if (bmax < dmax) bd[++bmax + 1 + offset] = OFFSET_MAX;
      else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = bd[d - 1 + offset];
        const thi = bd[d + 1 + offset];
        const x0 = tlo < thi ? tlo : thi - 1;
        let x = x0;
        let y = x0 - d;
        while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) {
          x--;
          y--;
        }
        bd[d + offset] = x;
        if (!odd && fmin <= d && d <= fmax && x <= fd[d + offset]) return { xmid: x, ymid: y, lo: true, hi: true };
      }
      if (minimal || c < tooExpensive) continue;
      // Gone well past the call of duty: split halfway between the best results so far.
      let fxybest = -1;
      let fxbest = 0;
      for (let d = fmax; d >= fmin; d -= 2) {
        let x = Math.min(fd[d + offset], xlim);
        let y = x - d;
        if (ylim < y) {
          x = ylim + d;
          y = ylim;
        }
        if (fxybest < x + y) {
          fxybest = x + y;
          fxbest = x;
        }
      }
      let bxybest = OFFSET_MAX;
      let bxbest = 0;
      for (let d = bmax; d >= bmin; d -= 2) {
        let x = Math.max(xoff, bd[d + offset]);
        let y = x - d;
        if (y < yoff) {
          x = yoff + d;
          y = yoff;
        }
        if (x + y < bxybest) {
          bxybest = x + y;
          bxbest = x;
        }
      }
      if (xlim + ylim - bxybest < fxybest - (xoff + yoff)) return { xmid: fxbest, ymid: fxybest - fxbest, lo: true, hi: false };
      return { xmid: bxbest, ymid: bxybest - bxbest, lo: false, hi: true };
    }
  };

  // compareseq, with an explicit stack instead of recursion.
  const pending: [number, number, number, number, boolean][] = [[0, xv.length, 0, yv.length, false]];
  while (pending.length) {
    let [xoff, xlim, yoff, ylim, minimal] = pending.pop()!;
    while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) {
      xoff++;
      yoff++;
    }
    while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) {
      xlim--;
      ylim--;
    }
    budget.spend();
    if (xoff === xlim) for (let y = yoff; y < ylim; y++) files[1].changed.set(files[1].realindexes[y], true);
    else if (yoff === ylim) for (let x = xoff; x < xlim; x++) files[0].changed.set(files[0].realindexes[x], true);
    else {
      const part = diag(xoff, xlim, yoff, ylim, minimal);
      // The low half first, as the recursion would.
      pending.push([part.xmid, xlim, part.ymid, ylim, part.hi]);
      pending.push([xoff, part.xmid, yoff, part.ymid, part.lo]);
    }
  }
}

/** shift_boundaries: slides each run of changes to merge with its neighbours, and down where it can. */
function shiftBoundaries(files: [Side, Side]): void {
  for (let f = 0; f < 2; f++) {
    const changed = files[f].changed;
    const other = files[1 - f].changed;
    const equivs = files[f].equivs;
    const iEnd = equivs.length;
    let i = 0;
    let j = 0;
    for (;;) {
      while (i < iEnd && !changed.get(i)) {
        while (other.get(j++));
        i++;
      }
      if (i === iEnd) break;
      let start = i;
      while (changed.get(++i));
      while (other.get(j)) j++;
      let runlength: number;
      let corresponding: number;
      do {
        runlength = i - start;
        while (start && equivs[start - 1] === equivs[i - 1]) {
          changed.set(--start, true);
          changed.set(--i, false);
          while (changed.get(start - 1)) start--;
          while (other.get(--j));
        }
        corresponding = other.get(j - 1) ? i : iEnd;
        while (i !== iEnd && equivs[start] === equivs[i]) {
          changed.set(start++, false);
          changed.set(i++, true);
          while (changed.get(i)) i++;
          while (other.get(++j)) corresponding = i;
        }
      } while (runlength !== i - start);
      while (corresponding < i) {
        changed.set(--start, true);
        changed.set(--i, false);
        while (other.get(--j));
      }
    }
  }
}

/**
 * The changes that turn `a` into `b` (lines given as comparison keys: equal keys are equal
 * lines), in order. As GNU diff (io.c's find_identical_ends), the identical lines at both ends
 * are left out of the search but for `horizon` of them (the context lines of -u and -c), which
 * bounds where shift_boundaries may move a change; and the identical end is not trimmed at all
 * when only one file lacks its last newline (`trimSuffix` false).
 */
export function diffSequences(a: readonly string[], b: readonly string[], budget: WorkBudget, horizon = 0, trimSuffix = true): Change[] {
  budget.spend(a.length + b.length);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  const start = Math.max(0, prefix - horizon);
  const cap = Math.min(a.length, b.length) - start;
  let suffix = 0;
  if (trimSuffix) while (suffix < cap && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const cut = Math.max(0, suffix - horizon);
  const changes = analyze(a.slice(start, a.length - cut), b.slice(start, b.length - cut), budget);
  return changes.map((c) => ({ ...c, line0: c.line0 + start, line1: c.line1 + start }));
}

/** The search itself, over the lines between the identical ends. */
function analyze(a: readonly string[], b: readonly string[], budget: WorkBudget): Change[] {
  const classes = new Map<string, number>();
  const classOf = (line: string) => {
    let c = classes.get(line);
    if (c === undefined) classes.set(line, (c = classes.size + 1));
    return c;
  };
  const side = (lines: readonly string[]): Side => ({ equivs: lines.map(classOf), changed: new Flags(lines.length), undiscarded: [], realindexes: [] });
  const files: [Side, Side] = [side(a), side(b)];
  discardConfusingLines(files);
  compare(files, budget);
  shiftBoundaries(files);
  // build_script: the runs of changed lines, read from the end, then put in order.
  const changes: Change[] = [];
  const [c0, c1] = [files[0].changed, files[1].changed];
  let i0 = a.length;
  let i1 = b.length;
  while (i0 >= 0 || i1 >= 0) {
    if (c0.get(i0 - 1) || c1.get(i1 - 1)) {
      const line0 = i0;
      const line1 = i1;
      while (c0.get(i0 - 1)) --i0;
      while (c1.get(i1 - 1)) --i1;
      changes.push({ line0: i0, line1: i1, deleted: line0 - i0, inserted: line1 - i1 });
    }
    i0--;
    i1--;
  }
  return changes.reverse();
}
