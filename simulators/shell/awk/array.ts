// mawk's associative arrays, kept exactly as mawk keeps them (array.w), because `for (k in a)`
// walks the hash table and learners read that order: the word counts of `{ n[$1]++ } END { for (w
// in n) print w, n[w] }` come out as mawk prints them. A table has two views of its nodes: lists
// by integer value and lists by string (FNV-1 hash); a lookup moves what it finds to the front of
// its list; the table doubles past 12 nodes a list on average. split() fills a plain vector that
// becomes a table the first time it is used as one.
import type { Cell } from './values';

interface Node {
  slink: Node | null;
  ilink: Node | null;
  /** The key as a string, once the node is on a string list. */
  sval: string | null;
  hval: number;
  /** The key as an integer, once the node is on an integer list. */
  ival: number | null;
  cell: Cell;
}

interface Links {
  slink: Node | null;
  ilink: Node | null;
}

const AY_NULL = 0;
const AY_INT = 1;
const AY_STR = 2;
const AY_SPLIT = 4;
const STARTING_HMASK = 63;
const MAX_AVE_LIST_LENGTH = 12;
const limitOf = (hmask: number) => (hmask + 1) * MAX_AVE_LIST_LENGTH;

/** mawk's hash2: FNV-1 over the key's bytes. */
function fnv1(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i) & 0xff;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/** A double that mawk uses as an integer key (d_to_I gives it back exactly): its value, else null. */
function integerKey(d: number): number | null {
  return Number.isInteger(d) && Math.abs(d) < 2 ** 63 ? d : null;
}

const intText = (i: number) => (Number.isSafeInteger(i) ? String(i) : BigInt(i).toString());
const slot = (i: number, hmask: number) => (i & hmask) >>> 0;

/** What an array is indexed with: a number, or a string (input text counts as its string). */
export type Key = { num: number } | { str: string };

export class AwkArray {
  private type = AY_NULL;
  size = 0;
  private limit = 0;
  private hmask = 0;
  private table: Links[] = [];
  private vector: Cell[] = [];

  /** The cell under `key`, made (uninitialised) when `create`; a number that is not an integer is first written with CONVFMT by the caller. */
  find(key: Key, create: boolean): { cell: Cell; set(c: Cell): void } | undefined {
    if (this.size === 0 && !create) return undefined;
    if ('num' in key) {
      const ival = integerKey(key.num);
      if (ival === null) throw new Error('non-integer key must come as a string');
      if (this.type === AY_SPLIT) {
        if (ival >= 1 && ival <= this.size) {
          const vector = this.vector;
          const i = ival - 1;
          return { cell: vector[i], set: (c) => (vector[i] = c) };
        }
        if (!create) return undefined;
        this.convertSplitToTable();
      } else if (this.type === AY_NULL) this.makeEmptyTable(AY_INT);
      const node = this.findByIval(ival, create);
      return node && nodeRef(node);
    }
    const node = this.findBySval(key.str, create);
    return node && nodeRef(node);
  }

  /** `delete a[key]`. */
  delete(key: Key): void {
    if (this.size === 0) return;
    if ('num' in key) {
      const ival = integerKey(key.num)!;
      if (this.type === AY_SPLIT) {
        if (ival >= 1 && ival <= this.size) this.convertSplitToTable();
        else return;
      }
      const node = this.findByIval(ival, false);
      if (!node) return;
      // findByIval left it at the front of its integer list.
      this.table[slot(ival, this.hmask)].ilink = node.ilink;
      if (node.sval !== null) {
        const index = slot(node.hval, this.hmask);
        let p = this.table[index].slink;
        let q: Node | null = null;
        while (p !== node) {
          q = p;
          p = p!.slink;
        }
        if (q) q.slink = node.slink;
        else this.table[index].slink = node.slink;
      }
      if (--this.size === 0) this.clear();
      return;
    }
    const node = this.findBySval(key.str, false);
    if (!node) return;
    this.table[slot(node.hval, this.hmask)].slink = node.slink;
    if (node.ival !== null) {
      const index = slot(node.ival, this.hmask);
      let p = this.table[index].ilink;
      let q: Node | null = null;
      while (p !== node) {
        q = p;
        p = p!.ilink;
      }
      if (q) q.ilink = node.ilink;
      else this.table[index].ilink = node.ilink;
    }
    if (--this.size === 0) this.clear();
  }

  /** `delete a`, and what an emptied array becomes. */
  clear(): void {
    this.type = AY_NULL;
    this.size = 0;
    this.limit = 0;
    this.hmask = 0;
    this.table = [];
    this.vector = [];
  }

  /** split()'s result: elements 1..n in a plain vector. */
  load(cells: Cell[]): void {
    this.clear();
    this.type = AY_SPLIT;
    this.vector = cells;
    this.size = cells.length;
  }

  /** The keys in the order `for (k in a)` visits them (array_loop_vector). */
  keys(): string[] {
    if (this.size === 0) return [];
    if (!(this.type & AY_STR)) this.addStringAssociations();
    const out: string[] = [];
    for (let i = 0; i <= this.hmask; i++) for (let p = this.table[i].slink; p; p = p.slink) out.push(p.sval!);
    return out;
  }

  private makeEmptyTable(type: number) {
    this.type = type;
    this.hmask = STARTING_HMASK;
    this.limit = limitOf(STARTING_HMASK);
    this.table = emptyLinks(STARTING_HMASK + 1);
  }

  private findByIval(ival: number, create: boolean): Node | undefined {
    let index = slot(ival, this.hmask);
    let p = this.table[index].ilink;
    let q: Node | null = null;
    for (;;) {
      if (!p) {
        if (this.type & AY_STR) {
          // Not yet known by its integer: look for it by its string.
          // (mawk keeps the list index it computed before a doubling this may cause.)
          const found = this.findBySval(intText(ival), create);
          if (!found) return undefined;
          p = found;
        } else if (create) {
          p = { slink: null, ilink: null, sval: null, hval: 0, ival: null, cell: undefined };
          if (++this.size > this.limit) {
            this.doubleTheTable();
            index = slot(ival, this.hmask);
          }
        } else return undefined;
        p.ival = ival;
        this.type |= AY_INT;
        break;
      }
      if (p.ival === ival) {
        if (!q) return p;
        q.ilink = p.ilink;
        break;
      }
      q = p;
      p = p.ilink;
    }
    p.ilink = this.table[index].ilink;
    this.table[index].ilink = p;
    return p;
  }

  private findBySval(sval: string, create: boolean): Node | undefined {
    const hval = fnv1(sval);
    if (!(this.type & AY_STR)) this.addStringAssociations();
    let index = slot(hval, this.hmask);
    let p = this.table[index].slink;
    let q: Node | null = null;
    for (;;) {
      if (!p) {
        if (!create) return undefined;
        p = { slink: null, ilink: null, sval, hval, ival: null, cell: undefined };
        if (++this.size > this.limit) {
          this.doubleTheTable();
          index = slot(hval, this.hmask);
        }
        break;
      }
      if (p.hval === hval && p.sval === sval) {
        if (!q) return p;
        q.slink = p.slink;
        break;
      }
      q = p;
      p = p.slink;
    }
    p.slink = this.table[index].slink;
    this.table[index].slink = p;
    return p;
  }

  private addStringAssociations() {
    if (this.type === AY_NULL) {
      this.makeEmptyTable(AY_STR);
      return;
    }
    if (this.type === AY_SPLIT) this.convertSplitToTable();
    for (let i = 0; i <= this.hmask; i++) {
      for (let p = this.table[i].ilink; p; p = p.ilink) {
        p.sval = intText(p.ival!);
        p.hval = fnv1(p.sval);
        const index = slot(p.hval, this.hmask);
        p.slink = this.table[index].slink;
        this.table[index].slink = p;
      }
    }
    this.type |= AY_STR;
  }

  private convertSplitToTable() {
    const cells = this.vector;
    this.hmask = STARTING_HMASK;
    this.limit = limitOf(STARTING_HMASK);
    while (this.size > this.limit) {
      this.hmask = this.hmask * 2 + 1;
      this.limit = limitOf(this.hmask);
    }
    this.table = emptyLinks(this.hmask + 1);
    for (let i = 0, j = 1; i < this.size; i++) {
      const p: Node = { slink: null, ilink: this.table[j].ilink, sval: null, hval: 0, ival: i + 1, cell: cells[i] };
      this.table[j].ilink = p;
      j = (j + 1) & this.hmask;
    }
    this.vector = [];
    this.type = AY_INT;
  }

  private doubleTheTable() {
    const old = this.hmask;
    const hmask = old * 2 + 1;
    this.table.push(...emptyLinks(old + 1));
    // Each list splits in two, keeping its order: nodes that move go to the new list at i + old + 1.
    for (const [link, keyOf] of [
      ['slink', (p: Node) => p.hval],
      ['ilink', (p: Node) => p.ival!],
    ] as const) {
      if (link === 'slink' && !(this.type & AY_STR)) continue;
      if (link === 'ilink' && !(this.type & AY_INT)) continue;
      for (let i = 0; i <= old; i++) {
        const stay: Node[] = [];
        const move: Node[] = [];
        for (let p = this.table[i][link]; p; p = p[link]) (slot(keyOf(p), hmask) !== i ? move : stay).push(p);
        this.table[i][link] = chain(stay, link);
        this.table[i + old + 1][link] = chain(move, link);
      }
    }
    this.hmask = hmask;
    this.limit = limitOf(hmask);
  }
}

function emptyLinks(n: number): Links[] {
  return Array.from({ length: n }, () => ({ slink: null, ilink: null }));
}

function chain(nodes: Node[], link: 'slink' | 'ilink'): Node | null {
  for (let i = 0; i < nodes.length; i++) nodes[i][link] = nodes[i + 1] ?? null;
  return nodes[0] ?? null;
}

function nodeRef(node: Node): { cell: Cell; set(c: Cell): void } {
  return { cell: node.cell, set: (c) => (node.cell = c) };
}
