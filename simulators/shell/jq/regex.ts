// jq's regular expressions are Oniguruma's (Perl syntax, Unicode-aware \w \d \s). Here they are
// turned into RE2's syntax and matched by re2js, in time linear in the text, whatever a learner
// types. What RE2 cannot do (look-ahead, look-behind, back-references, atomic groups) is refused
// plainly instead of answering wrongly. _match_impl's results keep jq's shape: offsets and lengths
// in code points, captures that did not take part with offset -1 and string null.
import { RE2JS } from 're2js';
import type { WorkBudget } from '../../core/budget';
import { described } from './access';
import { JqError, type JqObject, type JqValue } from './values';

const WORD = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}';
const SPACE = '\\t\\n\\x{0B}\\f\\r \\x{85}\\p{Z}';
/** Oniguruma's escapes that mean something else (Unicode classes) or nothing at all to RE2. */
const CLASS_ESCAPES: Record<string, { inClass: string; alone: string }> = {
  d: { inClass: '\\p{Nd}', alone: '\\p{Nd}' },
  D: { inClass: '\\P{Nd}', alone: '\\P{Nd}' },
  w: { inClass: WORD, alone: `[${WORD}]` },
  W: { inClass: '', alone: `[^${WORD}]` },
  s: { inClass: SPACE, alone: `[${SPACE}]` },
  S: { inClass: '', alone: `[^${SPACE}]` },
  h: { inClass: '0-9a-fA-F', alone: '[0-9a-fA-F]' },
  H: { inClass: '', alone: '[^0-9a-fA-F]' },
};

class Unsupported extends Error {}

/** Oniguruma's pattern in RE2's syntax; `extended` drops blanks and # comments outside classes (flag x). */
function translate(p: string, extended: boolean): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined) {
        out += '\\\\';
        continue;
      }
      i++;
      if (n in CLASS_ESCAPES) {
        const e = CLASS_ESCAPES[n];
        if (inClass && !e.inClass) throw new Unsupported(`\\${n} inside a character class`);
        out += inClass ? e.inClass : e.alone;
      } else if (/[1-9]/.test(n) || n === 'k' || n === 'g') throw new Unsupported('back-references');
      else if (n === 'Z') out += '(?:\\n?\\z)';
      else if (n === 'u' && /^[0-9a-fA-F]{4}/.test(p.slice(i + 1))) {
        out += `\\x{${p.slice(i + 1, i + 5)}}`;
        i += 4;
      } else out += `\\${n}`;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      if (c === '[' && p[i + 1] !== ':') {
        // Oniguruma nests classes ([a-z&&[^aeiou]]); RE2 does not.
        throw new Unsupported('nested character classes');
      }
      if (c === '[' && p[i + 1] === ':') {
        const close = p.indexOf(':]', i);
        if (close > 0) {
          out += p.slice(i, close + 2);
          i = close + 1;
          continue;
        }
      }
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (p[i + 1] === '^') out += p[++i];
      if (p[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (extended && /\s/.test(c)) continue;
    if (extended && c === '#') {
      while (i < p.length && p[i] !== '\n') i++;
      continue;
    }
    if (c === '(' && p[i + 1] === '?') {
      const rest = p.slice(i + 2, i + 4);
      if (rest.startsWith('=') || rest.startsWith('!') || rest === '<=' || rest === '<!') throw new Unsupported('look-ahead and look-behind');
      if (rest.startsWith('>')) throw new Unsupported('atomic groups');
      if (rest.startsWith('#')) {
        const close = p.indexOf(')', i);
        i = close < 0 ? p.length : close;
        continue;
      }
    }
    // Possessive quantifiers (a++) match as their greedy forms here.
    if (c === '+' && /[*+?}]/.test(p[i - 1] ?? '') && p[i - 2] !== '\\') continue;
    out += c;
  }
  return out;
}

/** Oniguruma's words for the mistakes RE2 also refuses, as jq reports them (`Regex failure: ...`). */
function failure(re2Message: string): string {
  if (/missing closing \)|unexpected \)/.test(re2Message)) return re2Message.includes('unexpected') ? 'unmatched close parenthesis' : 'end pattern with unmatched parenthesis';
  if (/missing closing \]/.test(re2Message)) return 'premature end of char-class';
  if (/missing argument to repetition operator/.test(re2Message)) return 'target of repeat operator is not specified';
  if (/invalid repeat count/.test(re2Message)) return 'upper is smaller than lower in repeat range';
  if (/trailing \\/.test(re2Message)) return 'end pattern at escape';
  return 'invalid pattern';
}

export interface JqRegex {
  re: RE2JS;
  global: boolean;
  notEmpty: boolean;
  names: Map<number, string>;
}

const cache = new Map<string, JqRegex>();

/** Compiles `regex` with jq's modifier letters (g i x m s p l n), or raises jq's error. */
export function compileRegex(regex: JqValue, modifiers: JqValue): JqRegex {
  if (typeof regex !== 'string') throw new JqError(`${described(regex)} is not a string`);
  let flags = 0;
  let global = false;
  let extended = false;
  let notEmpty = false;
  if (typeof modifiers === 'string') {
    for (const m of modifiers) {
      if (m === 'g') global = true;
      else if (m === 'i') flags |= RE2JS.CASE_INSENSITIVE;
      else if (m === 'x') extended = true;
      else if (m === 'm' || m === 'p') flags |= RE2JS.DOTALL;
      else if (m === 's') continue;
      else if (m === 'l') continue;
      else if (m === 'n') notEmpty = true;
      else throw new JqError(`${modifiers} is not a valid modifier string`);
    }
  } else if (modifiers !== null) throw new JqError(`${described(modifiers)} is not a string`);
  const key = `${flags}/${extended}/${regex}`;
  let compiled = cache.get(key);
  if (!compiled) {
    let re: RE2JS;
    try {
      re = RE2JS.compile(translate(regex, extended), flags);
    } catch (e) {
      if (e instanceof Unsupported) throw new JqError(`Regex failure: ${e.message} are not supported in this terminal`);
      throw new JqError(`Regex failure: ${failure(e instanceof Error ? e.message : String(e))}`);
    }
    const names = new Map<number, string>();
    for (const [name, index] of Object.entries(re.namedGroups())) names.set(index, name);
    compiled = { re, global, notEmpty, names };
    if (cache.size > 256) cache.clear();
    cache.set(key, compiled);
  }
  return { ...compiled, global, notEmpty };
}

/** Code points before UTF-16 index `i`. */
function codepointIndex(s: string, i: number): number {
  let n = 0;
  for (let j = 0; j < i; j++) {
    const c = s.charCodeAt(j);
    if (!(c >= 0xdc00 && c <= 0xdfff && j > 0 && s.charCodeAt(j - 1) >= 0xd800 && s.charCodeAt(j - 1) <= 0xdbff)) n++;
  }
  return n;
}

/** _match_impl: the match objects (or, testing, whether there is one). */
export function matchAll(input: JqValue, rx: JqRegex, test: boolean, budget: WorkBudget): JqValue {
  if (typeof input !== 'string') throw new JqError(`${described(input)} cannot be matched, as it is not a string`);
  const s = input;
  const m = rx.re.matcher(s);
  const groups = rx.re.groupCount();
  const results: JqValue[] = [];
  let start = 0;
  do {
    budget.spend(1 + Math.ceil((s.length - start) / 64));
    let found = m.find(start);
    // n: an empty match does not count; look on from the next place.
    while (found && rx.notEmpty && m.end() === m.start()) found = m.start() < s.length ? m.find(m.start() + 1) : false;
    if (!found) break;
    if (test) return true;
    const from = m.start();
    const to = m.end();
    const offset = codepointIndex(s, from);
    const captures: JqValue[] = [];
    if (to === from) {
      for (let g = 1; g <= groups; g++) {
        captures.push(
          new Map<string, JqValue>([
            ['offset', offset],
            ['string', ''],
            ['length', 0],
            ['name', rx.names.get(g) ?? null],
          ]),
        );
      }
      results.push(capture(offset, 0, '', captures));
      start = to + 1;
      continue;
    }
    for (let g = 1; g <= groups; g++) {
      const gs = m.start(g);
      const ge = m.end(g);
      const name = rx.names.get(g) ?? null;
      if (gs < 0) captures.push(new Map<string, JqValue>([['offset', -1], ['string', null], ['length', 0], ['name', name]]));
      else if (gs === ge) captures.push(new Map<string, JqValue>([['offset', codepointIndex(s, gs)], ['string', ''], ['length', 0], ['name', name]]));
      else {
        const text = s.slice(gs, ge);
        captures.push(new Map<string, JqValue>([['offset', codepointIndex(s, gs)], ['length', Array.from(text).length], ['string', text], ['name', name]]));
      }
    }
    const text = s.slice(from, to);
    results.push(capture(offset, Array.from(text).length, text, captures));
    start = to;
  } while (rx.global && start <= s.length);
  return test ? false : results;
}

function capture(offset: number, length: number, text: string, captures: JqValue[]): JqObject {
  return new Map<string, JqValue>([
    ['offset', offset],
    ['length', length],
    ['string', text],
    ['captures', captures],
  ]);
}
