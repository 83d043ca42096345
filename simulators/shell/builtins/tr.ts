// tr: translate, squeeze or delete bytes, with GNU tr's checks of its two sets and its messages
// (coreutils tr.c: validate, string2_extend, validate_case_classes). The sets are read in
// tr-sets.ts; here they are paired up and run over the input's bytes.
import { gnu } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { curly, fsMessage, readInputsOrTerminal } from './support';
import { bytesOf, parseSet, type Element } from './tr-sets';

const ALL_BYTES = Array.from({ length: 256 }, (_, i) => i);
/** The most of SET1 that is written out (its repeats are cut there). */
const SET1_CAP = 1 << 16;

/** A set's bytes in order, a [c*] repeat filling `fill` places; `caseAt` marks where an upper or lower class starts. */
function expand(elements: readonly Element[], fill: number, cap: number): { bytes: number[]; caseAt: Map<number, string> } {
  const bytes: number[] = [];
  const caseAt = new Map<number, string>();
  for (const e of elements) {
    if (e.kind === 'class' && (e.name === 'upper' || e.name === 'lower')) caseAt.set(bytes.length, e.name);
    // A repeat longer than what it can pair with changes nothing: it is cut there.
    const room = Math.max(0, cap - bytes.length);
    const part = e.kind === 'repeat' ? new Array(Math.min(e.count ?? fill, room)).fill(e.byte) : bytesOf(e);
    for (const b of part) bytes.push(b);
  }
  return { bytes, caseAt };
}

/** The length a set has without its fill (a [c*n] counting n). */
const fixedLength = (elements: readonly Element[]) => elements.reduce((n, e) => n + (e.kind === 'repeat' ? e.count ?? 0 : bytesOf(e).length), 0);

export const tr: CommandSpec = {
  name: 'tr',
  summary: 'translate or delete characters',
  usage: '[OPTION]... STRING1 [STRING2]',
  description: 'Translate, squeeze, and/or delete characters from standard input,\nwriting to standard output.  STRING1 and STRING2 specify arrays of\ncharacters ARRAY1 and ARRAY2 that control the action.',
  dialect: gnu,
  flags: [
    { long: 'complement', short: 'c', type: 'bool', description: 'use the complement of ARRAY1' },
    { long: '', short: 'C', type: 'bool', hidden: true, description: 'use the complement of ARRAY1' },
    { long: 'delete', short: 'd', type: 'bool', description: 'delete characters in ARRAY1, do not translate' },
    { long: 'squeeze-repeats', short: 's', type: 'bool', description: 'replace each sequence of a repeated character\n  that is listed in the last specified ARRAY,\n  with a single occurrence of that character' },
    { long: 'truncate-set1', short: 't', type: 'bool', description: 'first truncate ARRAY1 to length of ARRAY2' },
  ],
  args: [{ name: 'STRING1' }, { name: 'STRING2', optional: true }],
  notes:
    'ARRAYs are specified as strings of characters.  Most represent themselves.\nInterpreted sequences are:\n\n  \\NNN            character with octal value NNN (1 to 3 octal digits)\n  \\\\              backslash\n  \\n              new line\n  \\t              horizontal tab\n  CHAR1-CHAR2     all characters from CHAR1 to CHAR2 in ascending order\n  [CHAR*]         in ARRAY2, copies of CHAR until length of ARRAY1\n  [CHAR*REPEAT]   REPEAT copies of CHAR, REPEAT octal if starting with 0\n  [:alnum:]       all letters and digits\n  [:alpha:]       all letters\n  [:blank:]       all horizontal whitespace\n  [:digit:]       all digits\n  [:lower:]       all lower case letters\n  [:space:]       all horizontal or vertical whitespace\n  [:upper:]       all upper case letters\n  [=CHAR=]        all characters which are equivalent to CHAR',
  *run(ctx) {
    const f = ctx.command.flags;
    const args = ctx.command.args;
    const del = Boolean(f.delete);
    const squeeze = Boolean(f['squeeze-repeats']);
    const complement = Boolean(f.complement || f.C);
    const translating = !del && args.length === 2;
    const min = 1 + (del === squeeze ? 1 : 0);
    const max = 1 + (del <= squeeze ? 1 : 0);
    if (args.length < min) {
      if (!args.length) return ctx.usageError('missing operand');
      const why = squeeze ? 'Two strings must be given when both deleting and squeezing repeats.' : 'Two strings must be given when translating.';
      return ctx.usageError(`missing operand after ${curly(args[args.length - 1])}\n${why}`);
    }
    if (args.length > max) {
      const why = args.length === 2 ? '\nOnly one string may be given when deleting without squeezing repeats.' : '';
      return ctx.usageError(`extra operand ${curly(args[max])}${why}`);
    }
    const die = (message: string) => {
      ctx.err(`tr: ${message}\n`);
      return 1;
    };
    const sets = [];
    for (const arg of args) {
      const set = parseSet(arg);
      if ('error' in set) return die(set.error);
      if (set.warning) ctx.err(`tr: ${set.warning}\n`);
      sets.push(set.elements);
    }
    const [one, two] = sets;
    if (one.some((e) => e.kind === 'repeat' && e.count === undefined)) return die('the [c*] repeat construct may not appear in string1');
    // A set longer than this pairs nothing more with SET2 than its first part does in practice;
    // the cap keeps `[x*99999999]` from being written out.
    let s1 = expand(one, 0, SET1_CAP);
    if (complement) {
      const inSet = new Set(s1.bytes);
      s1 = { bytes: ALL_BYTES.filter((b) => !inSet.has(b)), caseAt: new Map() };
    }
    let s2: ReturnType<typeof expand> | undefined;
    if (two) {
      const fills = two.filter((e) => e.kind === 'repeat' && e.count === undefined).length;
      if (fills > 1) return die('only one [c*] repeat construct may appear in string2');
      if (translating) {
        if (two.some((e) => e.kind === 'equiv')) return die('[=c=] expressions may not appear in string2 when translating');
        if (two.some((e) => e.kind === 'class' && e.name !== 'upper' && e.name !== 'lower')) return die("when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'");
      } else if (fills) return die('the [c*] construct may appear in string2 only when translating');
      s2 = expand(two, Math.max(0, s1.bytes.length - fixedLength(two)), translating ? s1.bytes.length : 256);
      if (translating) {
        // A case class in STRING2 must stand where STRING1 has one.
        if (!complement) for (const at of s2.caseAt.keys()) if (!s1.caseAt.has(at)) return die('misaligned [:upper:] and/or [:lower:] construct');
        if (f['truncate-set1']) s1 = { ...s1, bytes: s1.bytes.slice(0, s2.bytes.length) };
        else if (s1.bytes.length > s2.bytes.length) {
          if (!s2.bytes.length) return die('when not truncating set1, string2 must be non-empty');
          if (two[two.length - 1].kind === 'class') return die('when translating with string1 longer than string2,\nthe latter string must not end with a character class');
          const last = s2.bytes[s2.bytes.length - 1];
          s2 = { ...s2, bytes: [...s2.bytes, ...new Array(s1.bytes.length - s2.bytes.length).fill(last)] };
        }
        if (complement && one.some((e) => e.kind === 'class') && new Set(s2.bytes).size > 1) {
          return die('when translating with complemented character classes,\nstring2 must map all characters in the domain to one');
        }
      }
    }

    const map = ALL_BYTES.slice();
    if (translating && s2) s1.bytes.forEach((b, i) => (map[b] = s2!.bytes[i]));
    const deleted = new Set(del ? s1.bytes : []);
    const squeezed = new Set(squeeze ? (s2 ? s2.bytes : s1.bytes) : []);

    const [input] = yield* readInputsOrTerminal(ctx, []);
    if ('error' in input) {
      ctx.err(`tr: read error: ${fsMessage(input.error)}\n`);
      return 1;
    }
    const bytes = new TextEncoder().encode(input.text);
    ctx.budget.spend(Math.ceil(bytes.length / 4));
    const out: number[] = [];
    let previous = -1;
    for (const b of bytes) {
      if (deleted.has(b)) continue;
      const c = map[b];
      if (c === previous && squeezed.has(c)) continue;
      out.push(c);
      previous = c;
    }
    ctx.out(new TextDecoder().decode(new Uint8Array(out)));
    return 0;
  },
};
