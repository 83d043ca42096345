// Methods of str, list and dict.
import { PyException } from './errors';
import { formatSpec } from './format';
import type { PyHost } from './host';
import { checkItems, checkStr } from './limits';
import { compare } from './operators';
import { isObj, iterate, keyOf, list, repr, seqIndex, str, truthy, tuple, typeName } from './values';
import type { PyValue } from './types';

/** obj.name(*args, **kw) for a str, list or dict; undefined when obj is none of those. */
export function callMethod(obj: PyValue, name: string, args: PyValue[], kw: Record<string, PyValue>, host: Pick<PyHost, 'spend'>): PyValue | undefined {
  if (typeof obj === 'string') {
    const s = obj;
    switch (name) {
      case 'upper':
        return s.toUpperCase();
      case 'lower':
        return s.toLowerCase();
      case 'title':
        return s.replace(/[A-Za-z]+/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
      case 'capitalize':
        return s ? s[0].toUpperCase() + s.slice(1).toLowerCase() : s;
      case 'strip':
        return args[0] === undefined || args[0] === null ? s.trim() : s.replace(new RegExp(`^[${escapeRe(str(args[0]))}]+|[${escapeRe(str(args[0]))}]+$`, 'g'), '');
      case 'lstrip':
        return s.trimStart();
      case 'rstrip':
        return s.trimEnd();
      case 'split':
        return list(args[0] === undefined || args[0] === null ? s.trim().split(/\s+/).filter(Boolean) : s.split(str(args[0])));
      case 'splitlines':
        return list(s.split(/\r?\n/).filter((l, i, a) => i < a.length - 1 || l !== ''));
      case 'join':
      {
        let length = 0;
        return iterate(args[0]).map((v, i) => {
          if (typeof v !== 'string') throw new PyException('TypeError', `sequence item ${i}: expected str instance, ${typeName(v)} found`);
          checkStr((length += v.length + s.length));
          return v;
        }).join(s);
      }
      case 'replace':
      {
        const parts = s.split(str(args[0]));
        const by = str(args[1]);
        checkStr(s.length + (parts.length - 1) * by.length);
        return parts.join(by);
      }
      case 'startswith':
        return s.startsWith(str(args[0]));
      case 'endswith':
        return s.endsWith(str(args[0]));
      case 'count':
        return BigInt(s.split(str(args[0])).length - 1);
      case 'find':
        return BigInt(s.indexOf(str(args[0])));
      case 'center':
      case 'ljust':
      case 'rjust': {
        const w = Number(args[0]);
        const fill = args[1] === undefined ? ' ' : str(args[1]);
        return formatSpec(s, `${fill}${name === 'center' ? '^' : name === 'ljust' ? '<' : '>'}${w}`);
      }
      case 'zfill':
        checkStr(Number(args[0]));
        return s.padStart(Number(args[0]), '0');
      case 'isdigit':
        return /^\d+$/.test(s);
      case 'format': {
        let auto = 0;
        return s.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (m, field?: string) => {
          if (m === '{{') return '{';
          if (m === '}}') return '}';
          const [ref, spec = ''] = (field ?? '').split(/:(.*)/s);
          const [key, conv] = ref.split('!');
          const v = key === '' ? args[auto++] : /^\d+$/.test(key) ? args[Number(key)] : kw[key];
          if (v === undefined) throw new PyException(key === '' || /^\d+$/.test(key) ? 'IndexError' : 'KeyError', key === '' || /^\d+$/.test(key) ? 'Replacement index 0 out of range for positional args tuple' : repr(key));
          return formatSpec(conv === 'r' ? repr(v) : v, spec);
        });
      }
      case 'encode':
        return s;
    }
    throw new PyException('AttributeError', `'str' object has no attribute '${name}'`);
  }
  if (isObj(obj) && obj.t === 'list') {
    switch (name) {
      case 'append':
        obj.items.push(args[0]);
        return null;
      case 'extend':
        {
          const more = iterate(args[0]);
          checkItems(obj.items.length + more.length);
          for (const x of more) obj.items.push(x);
        }
        return null;
      case 'pop':
        return obj.items.splice(args[0] === undefined ? obj.items.length - 1 : seqIndex(obj.items.length, args[0]), 1)[0] ?? null;
      case 'insert':
        obj.items.splice(Number(args[0]), 0, args[1]);
        return null;
      case 'index':
        return BigInt(obj.items.findIndex((v) => compare('==', v, args[0])));
      case 'count':
        return BigInt(obj.items.filter((v) => compare('==', v, args[0])).length);
      case 'sort':
        host.spend(sortCost(obj.items.length));
        obj.items.sort((a, b) => (compare('<', a, b) ? -1 : compare('>', a, b) ? 1 : 0));
        if (kw.reverse && truthy(kw.reverse)) obj.items.reverse();
        return null;
      case 'reverse':
        obj.items.reverse();
        return null;
    }
    throw new PyException('AttributeError', `'list' object has no attribute '${name}'`);
  }
  if (isObj(obj) && obj.t === 'dict') {
    switch (name) {
      case 'get':
        return obj.map.get(keyOf(args[0]))?.[1] ?? args[1] ?? null;
      case 'keys':
        return list([...obj.map.values()].map(([k]) => k));
      case 'values':
        return list([...obj.map.values()].map(([, v]) => v));
      case 'items':
        return list([...obj.map.values()].map(([k, v]) => tuple([k, v])));
      case 'update':
        for (const [k, v] of isObj(args[0]) && args[0].t === 'dict' ? args[0].map : []) obj.map.set(k, v);
        return null;
      case 'setdefault':
        if (!obj.map.has(keyOf(args[0]))) obj.map.set(keyOf(args[0]), [args[0], args[1] ?? null]);
        return obj.map.get(keyOf(args[0]))![1];
    }
    throw new PyException('AttributeError', `'dict' object has no attribute '${name}'`);
  }
  return undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[\\\]^-]/g, '\\$&');
}

/** Budget units for sorting n items: a comparison here costs about half a unit. */
export function sortCost(n: number): number {
  return Math.ceil((n * Math.log2(n + 1)) / 2);
}
