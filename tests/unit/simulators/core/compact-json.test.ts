import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CompactError, decodeCompact, encodeCompact } from '../../../../simulators/core/compact-json';

describe('compact JSON for saved worlds', () => {
  it('gives back exactly what it encoded, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(encodeCompact(value));
        expect(JSON.stringify(decodeCompact(JSON.parse(text)))).toBe(JSON.stringify(value));
      }),
      { numRuns: 500 },
    );
  });

  it('names the keys of objects of one shape once', () => {
    const value = Array.from({ length: 50 }, (_, i) => ({ status: 'running', pid: i, startedAt: 1000 + i }));
    const compact = JSON.stringify(encodeCompact(value));
    expect(compact.split('startedAt').length - 1).toBe(1);
    expect(decodeCompact(JSON.parse(compact))).toEqual(value);
  });

  it('writes a repeated subtree once', () => {
    const env = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'NGINX_VERSION=1.27.3'];
    const value = { containers: Array.from({ length: 100 }, (_, i) => ({ name: `web${i}`, env: [...env] })) };
    const plain = JSON.stringify(value).length;
    const compact = JSON.stringify(encodeCompact(value));
    expect(compact.length).toBeLessThan(plain / 3);
    expect(compact.split('NGINX_VERSION').length - 1).toBe(1);
  });

  it('leaves out undefined properties and writes undefined in arrays as null, as JSON does', () => {
    const value = { a: undefined, b: [undefined, 1], c: { d: undefined } };
    expect(JSON.stringify(decodeCompact(JSON.parse(JSON.stringify(encodeCompact(value)))))).toBe(JSON.stringify(value));
  });

  it('keeps keys that look like references as data', () => {
    const value = { $: 0, $$x: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], y: { $: 'a' }, z: { $: 'a' }, '#': [0, 1], w: { '#': [0] }, v: { '#': [0] } };
    expect(decodeCompact(encodeCompact(value))).toEqual(value);
  });

  it('decodes repeated subtrees as separate objects (the world is changed in place)', () => {
    const shared = { long: 'a value long enough to be shared between the two' };
    const back = decodeCompact(encodeCompact({ a: { ...shared }, b: { ...shared } })) as Record<string, object>;
    expect(back.a).toEqual(back.b);
    expect(back.a).not.toBe(back.b);
  });

  it('refuses forward, out-of-range and malformed references and bad keys', () => {
    expect(() => decodeCompact({ compact: 1, shapes: [], shared: [{ $: 0 }], root: null })).toThrow(CompactError);
    expect(() => decodeCompact({ compact: 1, shapes: [], shared: [], root: { $: 3 } })).toThrow(CompactError);
    expect(() => decodeCompact({ compact: 1, shapes: [], shared: [], root: { $: 'x' } })).toThrow(CompactError);
    expect(() => decodeCompact({ compact: 1, shapes: [], shared: [], root: { $x: 1 } })).toThrow(CompactError);
    expect(() => decodeCompact({ compact: 1, shapes: [['a']], shared: [], root: { '#': [0, 1, 2] } })).toThrow(CompactError);
    expect(() => decodeCompact({ compact: 1, shapes: [], shared: [], root: { '#': [0] } })).toThrow(CompactError);
  });

  it('keeps a key named __proto__ as an own key', () => {
    const value = JSON.parse('{"__proto__":{"polluted":true},"files":{"__proto__":"x"}}');
    const back = decodeCompact(encodeCompact(value)) as Record<string, unknown>;
    expect(Object.keys(back)).toEqual(['__proto__', 'files']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
