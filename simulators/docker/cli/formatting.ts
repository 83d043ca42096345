// --format for list commands: docker's `table`, `json` and Go-template formats (format/).
import type { CommandContext } from '../../core/process';
import { parseFormat, renderRows } from '../format/table-format';
import { TemplateError, type TemplateValue } from '../../core/template';

/** Prints rows in the format asked for; a template error is reported the way docker reports it. */
export function renderFormatted(ctx: CommandContext, format: string, defaultTable: string, rows: Record<string, TemplateValue>[], headers: Record<string, string>, typeName: string): number {
  try {
    ctx.out(renderRows(parseFormat(format, defaultTable), rows, headers, { typeName }));
    return 0;
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    ctx.err(`${e.message}\n`);
    return 1;
  }
}
