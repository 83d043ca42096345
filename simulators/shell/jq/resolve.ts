// jq binds every name when it compiles a program: a function, variable or label that nothing
// defines is a compile error (`foo/0 is not defined`), reported for each in order of appearance.
// Functions of jq 1.7.1 this terminal does not compute are refused here too, plainly.
import { UNSUPPORTED } from './builtins';
import type { Node, Pattern } from './ast';
import type { CompileError } from './parser';

interface Scope {
  funcs: Set<string>;
  vars: Set<string>;
  labels: Set<string>;
}

export function resolve(program: Node, known: (key: string) => boolean, globals: ReadonlySet<string>): CompileError[] {
  const errors: CompileError[] = [];
  const patternVars = (p: Pattern, into: Set<string>) => {
    if (p.k === 'var') into.add(p.name);
    else if (p.k === 'array') p.items.forEach((i) => patternVars(i, into));
    else
      for (const e of p.entries) {
        if (e.bind) into.add(e.bind);
        if (e.pattern) patternVars(e.pattern, into);
      }
  };
  const extend = (scope: Scope, change: Partial<Record<keyof Scope, string[]>>): Scope => ({
    funcs: change.funcs ? new Set([...scope.funcs, ...change.funcs]) : scope.funcs,
    vars: change.vars ? new Set([...scope.vars, ...change.vars]) : scope.vars,
    labels: change.labels ? new Set([...scope.labels, ...change.labels]) : scope.labels,
  });
  const patternKeys = (patterns: Pattern[], scope: Scope) => {
    for (const p of patterns) {
      const walk = (q: Pattern) => {
        if (q.k === 'array') q.items.forEach(walk);
        else if (q.k === 'object')
          for (const e of q.entries) {
            visit(e.key, scope);
            if (e.pattern) walk(e.pattern);
          }
      };
      walk(p);
    }
  };
  const visit = (node: Node, scope: Scope): void => {
    switch (node.k) {
      case 'call': {
        const key = `${node.name}/${node.args.length}`;
        if (!scope.funcs.has(key)) {
          if (UNSUPPORTED.has(key)) errors.push({ message: `${key} is not supported in this terminal`, pos: node.pos });
          else if (!known(key)) errors.push({ message: `${key} is not defined`, pos: node.pos });
        }
        node.args.forEach((a) => visit(a, scope));
        return;
      }
      case 'var':
        if (!scope.vars.has(node.name) && !globals.has(node.name)) errors.push({ message: `$${node.name} is not defined`, pos: node.pos });
        return;
      case 'break':
        if (!scope.labels.has(node.name)) errors.push({ message: `$*label-${node.name} is not defined`, pos: node.pos });
        return;
      case 'def': {
        const key = `${node.def.name}/${node.def.params.length}`;
        const inner = extend(scope, {
          funcs: [key, ...node.def.params.map((p) => `${p.name}/0`)],
          vars: node.def.params.filter((p) => p.value).map((p) => p.name),
        });
        visit(node.def.body, inner);
        visit(node.rest, extend(scope, { funcs: [key] }));
        return;
      }
      case 'as': {
        visit(node.source, scope);
        patternKeys(node.patterns, scope);
        const vars = new Set<string>();
        node.patterns.forEach((p) => patternVars(p, vars));
        visit(node.body, extend(scope, { vars: [...vars] }));
        return;
      }
      case 'reduce':
      case 'foreach': {
        visit(node.source, scope);
        visit(node.init, scope);
        patternKeys(node.patterns, scope);
        const vars = new Set<string>();
        node.patterns.forEach((p) => patternVars(p, vars));
        const inner = extend(scope, { vars: [...vars] });
        visit(node.update, inner);
        if (node.k === 'foreach' && node.extract) visit(node.extract, inner);
        return;
      }
      case 'label':
        visit(node.body, extend(scope, { labels: [node.name] }));
        return;
      case 'literal':
        return;
      default:
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) {
            for (const item of value) {
              if (item && typeof item === 'object' && 'k' in item) visit(item as Node, scope);
              else if (item && typeof item === 'object' && 'key' in item) {
                visit((item as { key: Node }).key, scope);
                visit((item as { value: Node }).value, scope);
              }
            }
          } else if (value && typeof value === 'object' && 'k' in value) visit(value as Node, scope);
        }
    }
  };
  visit(program, { funcs: new Set(), vars: new Set(), labels: new Set() });
  return errors;
}
