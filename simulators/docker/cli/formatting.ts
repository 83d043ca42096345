// --format for list commands: docker's `table`, `json` and Go-template formats.
import type { CommandContext } from '../../core/process';
import { formatTable, DOCKER_TABLE } from '../../core/output/tabwriter';

/** Minimal Go-template rendering: replaced by the full evaluator in format/template.ts when present. */
export function renderFormatted(ctx: CommandContext, format: string, defaultTable: string, rows: Record<string, string>[], headers: Record<string, string>, command: string): number {
  const template = format === 'table' ? defaultTable : format;
  const isTable = template.startsWith('table');
  const body = (isTable ? template.slice(5).trimStart() || defaultTable.slice(6) : template).replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  if (format === 'json') {
    ctx.out(rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
    return 0;
  }
  let failed = '';
  const render = (data: Record<string, string>) =>
    body.replace(/\{\{\s*(?:json\s+)?\.(\w+)?\s*\}\}/g, (match, field?: string) => {
      if (!field) return JSON.stringify(data);
      if (!(field in data)) failed ||= field;
      return data[field] ?? '';
    });
  const lines = rows.map(render);
  if (failed) {
    ctx.err(`template: :1:${body.indexOf(`.${failed}`) + 2}: executing "" at <.${failed}>: can't evaluate field ${failed} in type *formatter.${command === 'ps' ? 'ContainerContext' : 'ImageContext'}\n`);
    return 1;
  }
  if (!isTable) {
    ctx.out(lines.map((l) => `${l}\n`).join(''));
    return 0;
  }
  const header = render(headers);
  ctx.out(formatTable([header, ...lines].map((l) => l.split('\t')), DOCKER_TABLE));
  return 0;
}
