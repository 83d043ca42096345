// Word expansion in bash's order: tilde, parameters and command substitution, then field
// splitting of unquoted results, then pathname expansion, then quote removal.
import type { Effect } from '../core/process';
import type { Script, Word, WordPart } from './ast';
import { expandGlob, hasGlob, unescapeGlob } from './glob';
import type { DirNode } from './fs';

export interface ExpandEnv {
  /** A variable's value, or undefined when unset (special ones included: ?, $, 0, #, RANDOM). */
  lookup(name: string): string | undefined;
  assign(name: string, value: string): void;
  home(): string;
  fs(): DirNode;
  cwd(): string;
  /** Runs `$(...)` and returns what it printed. */
  substitute(script: Script): Generator<Effect, string, string | null>;
}

export class ExpansionError extends Error {}

interface Segment {
  text: string;
  quoted: boolean;
}

const IFS = /[ \t\n]+/;

function* partValue(part: WordPart, env: ExpandEnv): Generator<Effect, string, string | null> {
  switch (part.kind) {
    case 'text':
      return part.value;
    case 'tilde':
      return env.home();
    case 'subst':
      return (yield* env.substitute(part.script)).replace(/\n+$/, '');
    case 'param': {
      const value = env.lookup(part.name);
      const empty = value === undefined || value === '';
      switch (part.op) {
        case '#':
          return String([...(value ?? '')].length);
        case ':-':
          return empty ? yield* expandToString(part.arg!, env) : value;
        case '-':
          return value === undefined ? yield* expandToString(part.arg!, env) : value;
        case ':=':
        case '=': {
          if (part.op === ':=' ? empty : value === undefined) {
            const assigned = yield* expandToString(part.arg!, env);
            env.assign(part.name, assigned);
            return assigned;
          }
          return value!;
        }
        case ':+':
          return empty ? '' : yield* expandToString(part.arg!, env);
        case '+':
          return value === undefined ? '' : yield* expandToString(part.arg!, env);
        default:
          return value ?? '';
      }
    }
  }
}

/** Expands a word into one string, with no splitting or globbing (assignments, heredocs, redirect targets). */
export function* expandToString(word: Word, env: ExpandEnv): Generator<Effect, string, string | null> {
  let text = '';
  for (const part of word.parts) text += yield* partValue(part, env);
  return text;
}

/** Expands words into the argument list a command receives. */
export function* expandWords(words: readonly Word[], env: ExpandEnv): Generator<Effect, string[], string | null> {
  const out: string[] = [];
  for (const word of words) {
    const fields: Segment[][] = [];
    let current: Segment[] | null = null;
    const add = (seg: Segment) => {
      if (!current) {
        current = [];
        fields.push(current);
      }
      current.push(seg);
    };
    for (const part of word.parts) {
      const value = yield* partValue(part, env);
      const splittable = (part.kind === 'param' || part.kind === 'subst') && !part.quoted;
      if (!splittable) {
        add({ text: value, quoted: part.kind === 'tilde' || (part.kind === 'text' && part.quoted) || part.kind !== 'text' });
        continue;
      }
      const pieces = value.split(IFS);
      pieces.forEach((piece, i) => {
        if (i > 0) current = null;
        if (piece !== '') add({ text: piece, quoted: false });
      });
    }
    for (const field of fields) {
      const pattern = field.map((s) => (s.quoted ? s.text.replace(/[\\*?[\]]/g, '\\$&') : s.text)).join('');
      if (field.some((s) => !s.quoted) && hasGlob(pattern)) {
        const matches = expandGlob(env.fs(), env.cwd(), pattern);
        if (matches.length) {
          out.push(...matches);
          continue;
        }
        out.push(unescapeGlob(pattern));
        continue;
      }
      out.push(field.map((s) => s.text).join(''));
    }
  }
  return out;
}
