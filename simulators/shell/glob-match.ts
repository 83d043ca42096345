// Shell patterns (`*.txt`, `log?`, `[!a-c]*`, `[[:digit:]]`) matched without backtracking: the
// pattern is read into a list of steps, and a string is run through all of them at once (each
// character moves the set of steps it can be at), so `*a*a*a*b` over a long name costs the
// name's length times the pattern's, never more. Every character read is paid from the budget.
import type { WorkBudget } from '../core/budget';

/**
 * One step of a pattern. A star repeats (`deep`: across `/` too); `skip` lets a step be passed over
 * without reading anything (a double star and its slash may stand for no directory at all).
 */
type Step = ({ kind: 'char'; char: string } | { kind: 'one' } | { kind: 'star'; deep: boolean } | { kind: 'set'; negate: boolean; test: (c: string) => boolean }) & { skip?: number };

export interface GlobOptions {
  /**
   * Paths, as Go's filepath.Match and Docker read them: `*` and `?` stop at `/`. With `doubleStar`
   * (moby's patternmatcher, .dockerignore) a double star crosses directories, and followed by a
   * slash may stand for none.
   */
  paths?: boolean;
  doubleStar?: boolean;
}

const CLASSES: Record<string, (c: string) => boolean> = {
  alpha: (c) => /\p{L}/u.test(c),
  digit: (c) => /[0-9]/.test(c),
  alnum: (c) => /[\p{L}\p{N}]/u.test(c),
  upper: (c) => /\p{Lu}/u.test(c),
  lower: (c) => /\p{Ll}/u.test(c),
  space: (c) => /[ \t\n\r\f\v]/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  punct: (c) => /[!-/:-@[-`{-~]/.test(c),
  xdigit: (c) => /[0-9A-Fa-f]/.test(c),
  cntrl: (c) => /[\x00-\x1f\x7f]/.test(c),
  print: (c) => /[^\x00-\x1f\x7f]/.test(c),
  graph: (c) => /[^\x00-\x20\x7f]/.test(c),
  word: (c) => /[\p{L}\p{N}_]/u.test(c),
};

/** A bracket expression from just after its `[`, or undefined when it never closes (then `[` is itself). */
function bracket(chars: string[], start: number): { step: Step; end: number } | undefined {
  let i = start;
  let negate = false;
  if (chars[i] === '!' || chars[i] === '^') {
    negate = true;
    i++;
  }
  const tests: ((c: string) => boolean)[] = [];
  const first = i;
  for (;;) {
    if (i >= chars.length) return undefined;
    let c = chars[i];
    if (c === ']' && i > first) break;
    if (c === '[' && chars[i + 1] === ':') {
      const close = chars.indexOf(':', i + 2);
      if (close !== -1 && chars[close + 1] === ']') {
        const name = chars.slice(i + 2, close).join('');
        const test = Object.prototype.hasOwnProperty.call(CLASSES, name) ? CLASSES[name] : () => false;
        tests.push(test);
        i = close + 2;
        continue;
      }
    }
    if (c === '\\' && i + 1 < chars.length) c = chars[++i];
    // A range: from c to the character after the dash, unless the dash closes the bracket.
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
      let to = chars[i + 2];
      let skip = 3;
      if (to === '\\' && chars[i + 3] !== undefined) {
        to = chars[i + 3];
        skip = 4;
      }
      const lo = c.codePointAt(0)!;
      const hi = to.codePointAt(0)!;
      tests.push((x) => {
        const code = x.codePointAt(0)!;
        return code >= lo && code <= hi;
      });
      i += skip;
      continue;
    }
    const literal = c;
    tests.push((x) => x === literal);
    i++;
  }
  return { step: { kind: 'set', negate, test: (c) => tests.some((t) => t(c)) }, end: i };
}

export interface GlobPattern {
  /** Whether the whole of `text` matches. */
  matches(text: string): boolean;
  /**
   * From `start` in `chars` (characters, not UTF-16 units), each end where a match starting there
   * may end, shortest first: what # ## % %% and / take apart.
   */
  ends(chars: readonly string[], start: number): number[];
  /** The same, reading backwards: each start where a match ending at `end` may begin, latest first. */
  starts(chars: readonly string[], end: number): number[];
  /** The leftmost, then longest, non-empty match at or after `from`, as [start, end), in one pass. */
  find(chars: readonly string[], from: number): [number, number] | undefined;
}

/**
 * Reads a pattern as bash does: `\x` and quoted characters (which expansion marks with a backslash)
 * are themselves; `*` any run, `?` one character, `[...]` one of a set.
 */
export function compileGlob(pattern: string, budget: WorkBudget, options: GlobOptions = {}): GlobPattern {
  const chars = [...pattern];
  budget.spendText(chars.length);
  const steps: Step[] = [];
  const last = () => steps[steps.length - 1];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && i + 1 < chars.length) steps.push({ kind: 'char', char: chars[++i] });
    else if (c === '*' && options.doubleStar && chars[i + 1] === '*') {
      i++;
      // A double star and a slash: any number of directories, none included; elsewhere: anything.
      if (chars[i + 1] === '/') {
        i++;
        steps.push({ kind: 'star', deep: true, skip: 2 }, { kind: 'char', char: '/' });
      } else steps.push({ kind: 'star', deep: true });
    } else if (c === '*') {
      // A run of stars is one star.
      const prev = last();
      if (!(prev?.kind === 'star' && !prev.skip)) steps.push({ kind: 'star', deep: !options.paths });
    } else if (c === '?') steps.push({ kind: 'one' });
    else if (c === '[') {
      const b = bracket(chars, i + 1);
      if (!b) steps.push({ kind: 'char', char: '[' });
      else {
        steps.push(b.step);
        i = b.end;
      }
    } else steps.push({ kind: 'char', char: c });
  }
  const reversed = [...steps].reverse();

  const accepts = (step: Step, c: string) =>
    step.kind === 'one' ? !(options.paths && c === '/') : step.kind === 'char' ? step.char === c : step.kind === 'set' ? step.test(c) !== step.negate : step.deep || c !== '/';

  /**
   * Runs `list` over `text` from `from`, one character at a time in direction `dir`; calls `hit`
   * at each position where the whole list has matched. The state is the set of steps reached,
   * closed over stars (a star may match nothing), so each character costs at most the pattern's length.
   */
  const run = (list: Step[], text: readonly string[], from: number, dir: 1 | -1, hit: (pos: number) => void) => {
    const n = list.length;
    let live = new Uint8Array(n + 1);
    const close = (set: Uint8Array) => {
      for (let k = 0; k < n; k++) {
        if (!set[k]) continue;
        if (list[k].kind === 'star') set[k + 1] = 1;
        const skip = list[k].skip;
        if (skip) set[k + skip] = 1;
      }
    };
    live[0] = 1;
    close(live);
    let pos = from;
    for (;;) {
      if (live[n]) hit(pos);
      const c = dir === 1 ? text[pos] : text[pos - 1];
      if (c === undefined) return;
      budget.spendText(n);
      const next = new Uint8Array(n + 1);
      let any = false;
      for (let k = 0; k < n; k++) {
        if (!live[k]) continue;
        const step = list[k];
        if (step.kind === 'star') {
          if (!accepts(step, c)) continue;
          next[k] = 1;
          any = true;
        } else if (accepts(step, c)) {
          next[k + 1] = 1;
          any = true;
        }
      }
      if (!any) return;
      close(next);
      live = next;
      pos += dir;
    }
  };

  return {
    matches(text) {
      const chars = [...text];
      let whole = false;
      run(steps, chars, 0, 1, (pos) => {
        if (pos === chars.length) whole = true;
      });
      return whole;
    },
    ends(text, start) {
      const out: number[] = [];
      run(steps, text, start, 1, (pos) => out.push(pos));
      return out;
    },
    starts(text, end) {
      const out: number[] = [];
      run(reversed, text, end, -1, (pos) => out.push(pos));
      return out;
    },
    find(text, from) {
      // Each step holds the leftmost start that reaches it (-1: none); a new start joins at every
      // position until a match is found. Two starts at one step have the same future, so only the
      // leftmost is kept: the search reads the text once.
      const n = steps.length;
      let live = new Int32Array(n + 1).fill(-1);
      const reach = (set: Int32Array, k: number, start: number) => {
        if (set[k] === -1 || start < set[k]) set[k] = start;
      };
      const close = (set: Int32Array) => {
        for (let k = 0; k < n; k++) {
          if (set[k] === -1) continue;
          if (steps[k].kind === 'star') reach(set, k + 1, set[k]);
          const skip = steps[k].skip;
          if (skip) reach(set, k + skip, set[k]);
        }
      };
      let best: [number, number] | undefined;
      for (let pos = from; ; pos++) {
        if (!best) reach(live, 0, pos);
        close(live);
        const start = live[n];
        if (start !== -1 && pos > start && (!best || start < best[0] || (start === best[0] && pos > best[1]))) best = [start, pos];
        const c = text[pos];
        if (c === undefined) break;
        budget.spendText(n);
        const next = new Int32Array(n + 1).fill(-1);
        let any = false;
        for (let k = 0; k < n; k++) {
          const at = live[k];
          // Once a match is found, only starts as far left as it can still win.
          if (at === -1 || (best && at > best[0])) continue;
          const step = steps[k];
          if (!accepts(step, c)) continue;
          if (step.kind === 'star') reach(next, k, at);
          else reach(next, k + 1, at);
          any = true;
        }
        if (!any && best) break;
        live = next;
      }
      return best;
    },
  };
}
