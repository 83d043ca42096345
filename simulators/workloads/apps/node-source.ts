// Reading a Node program's source for what it does: literals and constants as values, the
// arguments of a call, what console.log prints.

/** A JavaScript literal (string, template, number, object, array) as a JS value, or undefined. */
export function jsValue(text: string, consts: Record<string, unknown>): unknown {
  const t = text.trim();
  const str1 = /^(['"])((?:\\.|(?!\1).)*)\1$/s.exec(t);
  if (str1) return str1[2].replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\(['"\\])/g, '$1');
  const tpl = /^`((?:\\.|[^`])*)`$/s.exec(t);
  if (tpl) return tpl[1].replace(/\$\{\s*([^}]+?)\s*\}/g, (_, e: string) => String(jsValue(e, consts) ?? consts[e] ?? '')).replace(/\\n/g, '\n');
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t === 'null') return null;
  if (/^[A-Za-z_$][\w$]*$/.test(t) && t in consts) return consts[t];
  if (/^[[{]/.test(t)) {
    const json = t
      .replace(/'((?:\\.|[^'\\])*)'/g, (_, s: string) => JSON.stringify(s.replace(/\\'/g, "'")))
      .replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":')
      .replace(/,(\s*[}\]])/g, '$1');
    try {
      return JSON.parse(json);
    } catch {
      return undefined;
    }
  }
  const or = /^(.+?)\s*\|\|\s*(.+)$/.exec(t);
  if (or) return jsValue(or[1], consts) || jsValue(or[2], consts);
  return undefined;
}

/** The text between a `(` at `open` and its matching `)`. */
export function balanced(src: string, open: number): string {
  let depth = 0;
  let quote = '';
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) return src.slice(open + 1, i);
    }
  }
  return src.slice(open + 1);
}

export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      cur += c;
      if (c === '\\') cur += text[++i] ?? '';
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export function nodeConsts(src: string, env: Record<string, string>): Record<string, unknown> {
  const consts: Record<string, unknown> = {};
  for (const m of src.matchAll(/(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([^;\n]+)/g)) {
    const expr = m[2].replace(/process\.env\.([A-Za-z_]\w*)/g, (_, k: string) => (k in env ? JSON.stringify(env[k]) : 'undefined'));
    const v = jsValue(expr.replace(/^undefined\s*\|\|\s*/, ''), consts);
    if (v !== undefined) consts[m[1]] = v;
  }
  return consts;
}

export const nodeLogs = (src: string, consts: Record<string, unknown>) => [...src.matchAll(/console\.(?:log|info|error|warn)\(/g)].map((m) => splitArgs(balanced(src, m.index! + m[0].length - 1)).map((a) => String(jsValue(a, consts) ?? '')).join(' '));
