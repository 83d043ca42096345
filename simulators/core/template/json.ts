// encoding/json's encoder, for template functions that print JSON (docker's `json`) and for eq's
// deep comparison. A formatter context (values.ts) is encoded as its MarshalJSON would.
import { callUser } from './functions';
import { compareGo, hexDigits } from './go-text';
import { fromData, kindOf, num, ownKeys, structFields, tagOf, type TemplateFn, type Val } from './values';

/** What Go's encoder refuses: NaN and infinities, complex numbers, functions, nesting deeper than 1000. */
export class JsonUnsupported extends Error {}

function jsonString(s: string, escapeHTML: boolean): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += s[i] + s[i + 1];
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd'; // not UTF-8: Go writes the replacement escape
    else if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26))) out += '\\u00' + hexDigits[c >> 4] + hexDigits[c & 0xf];
    else if (c === 0x2028 || c === 0x2029) out += '\\u202' + hexDigits[c & 0xf];
    else out += s[i];
  }
  return out + '"';
}

function jsonFloat(x: number): string {
  if (!Number.isFinite(x)) throw new JsonUnsupported();
  if (Object.is(x, -0)) return '-0';
  return String(x); // JavaScript switches to exponents at the same 1e-6 and 1e21 as Go, and writes them the same way.
}

/** json.Marshal of a value; escapeHTML as json.Encoder.SetEscapeHTML. Throws JsonUnsupported. */
export function encodeJSON(v: Val, escapeHTML: boolean, depth: number): string {
  if (depth > 1000) throw new JsonUnsupported();
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return 'null';
    case 'string':
      return jsonString(v as string, escapeHTML);
    case 'bool':
      return v ? 'true' : 'false';
    case 'int':
      return String(v);
    case 'float':
      return jsonFloat(num(v));
    case 'complex':
    case 'func':
      throw new JsonUnsupported();
    case 'slice':
      return '[' + (v as unknown[]).map((e) => encodeJSON(fromData(e), escapeHTML, depth + 1)).join(',') + ']';
    case 'map': {
      const o = v as Record<string, unknown>;
      const keys = ownKeys(o).sort(compareGo);
      return '{' + keys.map((k) => `${jsonString(k, escapeHTML)}:${encodeJSON(fromData(o[k]), escapeHTML, depth + 1)}`).join(',') + '}';
    }
    case 'struct': {
      const o = v as Record<string, unknown>;
      if (tagOf(o)?.kind === 'context') {
        // docker's MarshalJSON: json.Marshal of a map of the zero-argument methods' results.
        const entries: [string, Val][] = [];
        for (const k of ownKeys(o)) {
          const x = o[k];
          if (typeof x === 'function') {
            if (x.length !== 0) continue;
            entries.push([k, callUser(x as TemplateFn, [])]);
          } else entries.push([k, fromData(x)]);
        }
        entries.sort((a, b) => compareGo(a[0], b[0]));
        return '{' + entries.map(([k, x]) => `${jsonString(k, true)}:${encodeJSON(x, true, depth + 1)}`).join(',') + '}';
      }
      return '{' + structFields(o).map((k) => `${jsonString(k, escapeHTML)}:${encodeJSON(fromData(o[k]), escapeHTML, depth + 1)}`).join(',') + '}';
    }
  }
}
