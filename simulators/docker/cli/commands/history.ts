// docker history / docker image history: an image's steps, newest first. The top row carries the
// image's id; the rest are `<missing>`, as for every image pulled or built with BuildKit (no
// parent images are kept). CREATED BY is cut to 45 columns with `…` unless --no-trunc; -H=false
// gives RFC 3339 times and sizes in bytes (docker/cli cli/command/image/formatter_history.go).
import type { CommandSpec } from '../../../core/command/spec';
import { formatTable, DOCKER_TABLE } from '../../../core/output/tabwriter';
import { ago, humanSize } from '../../format';
import { findImage, viewImage } from '../../engine/images';
import { noSuchImage } from '../../engine/remove';
import { daemonError, latency } from '../output';
import { dockerCommand } from '../spec';
import { renderFormatted } from '../formatting';

const HEADERS: Record<string, string> = { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' };

/** go-units' display-width ellipsis (formatter.Ellipsis): max-1 characters and `…`. */
function ellipsis(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

const rfc3339 = (ms: number) => `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;

const spec = dockerCommand('history', {
  args: [{ name: 'IMAGE' }],
  *run(ctx) {
    const f = ctx.command.flags;
    const [name] = ctx.command.args;
    yield latency(30);
    const docker = ctx.world().docker;
    const local = findImage(docker, name);
    if (!local) return daemonError(ctx, noSuchImage(name));
    const view = viewImage(docker, local);
    const now = ctx.world().clock.now;
    // -H defaults to true: only an explicit -H=false (or --human=false) turns it off.
    const human = String(f.human ?? 'true') !== 'false';
    const noTrunc = Boolean(f['no-trunc']);
    const rows = view.history.map((h, i) => {
      const createdBy = h.createdBy.replace(/\t/g, ' ');
      return {
        ID: i === 0 ? (noTrunc ? view.id : view.id.slice(7, 19)) : '<missing>',
        CreatedSince: human ? ago(now - h.created) : rfc3339(h.created),
        CreatedAt: rfc3339(h.created),
        CreatedBy: noTrunc ? createdBy : ellipsis(createdBy, 45),
        Size: human ? humanSize(h.sizeBytes) : String(h.sizeBytes),
        Comment: h.comment ?? '',
      };
    });
    if (f.quiet) {
      ctx.out(rows.map((r) => `${r.ID}\n`).join(''));
      return 0;
    }
    const format = f.format === undefined ? '' : String(f.format);
    if (format === '' || format === 'table') {
      ctx.out(formatTable([['IMAGE', 'CREATED', 'CREATED BY', 'SIZE', 'COMMENT'], ...rows.map((r) => [r.ID, r.CreatedSince, r.CreatedBy, r.Size, r.Comment])], DOCKER_TABLE));
      return 0;
    }
    return renderFormatted(ctx, format, 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}', rows, HEADERS, '*image.historyContext');
  },
});

/**
 * pflag's bool flags take `-H=false`; the shared parser gives a bool shorthand no value, so -H is
 * declared as an optional-value flag whose bare form means true.
 */
export const history: CommandSpec = { ...spec, flags: (spec.flags ?? []).map((flag) => (flag.long === 'human' ? { ...flag, type: 'string', implicit: 'true' } : flag)) };
