// Manual pages made from the commands' specs, and finding the page a name asks for: a command
// (`ls`), or a subcommand's page by its dashed name (`docker-run`, `docker-container-ls`), as
// cobra names them. bash's own builtins (cd, export) have no page of their own, as on Ubuntu.
import { findSubcommand, type CommandSpec, type CommandTable } from '../../core/command/spec';
import { programPaths } from '../commands';
import { sourceOf } from './sources';

export { formatPage, lineLength } from './format';
export { pageFor } from './from-spec';
export type { ManPage } from './page';

/** The command path a page name stands for, or null when there is no such page. */
export function findPage(commands: CommandTable, name: string): CommandSpec[] | null {
  const parts = name.split('-');
  for (let n = parts.length; n >= 1; n--) {
    const root = commands.get(parts.slice(0, n).join('-'));
    if (!root || !programPaths(root).length) continue;
    const path = [root];
    let ok = true;
    for (const word of parts.slice(n)) {
      const sub = findSubcommand(path[path.length - 1], word);
      // cobra writes a page for each command under its name, not its aliases.
      if (!sub || sub.name !== word || sub.hidden) {
        ok = false;
        break;
      }
      path.push(sub);
    }
    if (ok && (n === parts.length || sourceOf(root.name, root.summary).layout === 'cobra')) return path;
  }
  return null;
}

/** Every page there is, by name, with its NAME line's description (for whatis and apropos). */
export function allPages(commands: CommandTable): { name: string; what: string }[] {
  const pages: { name: string; what: string }[] = [];
  for (const name of commands.names()) {
    const spec = commands.get(name);
    if (!spec || !programPaths(spec).length || spec.hidden) continue;
    const source = sourceOf(spec.name, spec.summary);
    pages.push({ name: spec.name, what: source.what });
    if (source.layout !== 'cobra') continue;
    const walk = (path: CommandSpec[]) => {
      for (const sub of path[path.length - 1].subcommands ?? []) {
        if (sub.hidden) continue;
        const next = [...path, sub];
        pages.push({ name: next.map((s) => s.name).join('-'), what: sub.summary });
        walk(next);
      }
    };
    walk([spec]);
  }
  return pages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The formatted page's one-line `whatis` entry. */
export const whatisLine = (name: string, what: string) => `${`${name} (1)`.padEnd(20)} - ${what}`;
