import { describe, expect, it } from 'vitest';
import { parseFormat, renderRows } from '../../../../../simulators/docker/format/table-format';
import { TemplateError, type TemplateValue } from '../../../../../simulators/core/template';

const PS_DEFAULT = 'table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}';
const HEADERS = {
  ID: 'CONTAINER ID', Names: 'NAMES', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED',
  Ports: 'PORTS', State: 'STATE', Status: 'STATUS', Size: 'SIZE', Labels: 'LABELS', Mounts: 'MOUNTS', LocalVolumes: 'LOCAL VOLUMES', Networks: 'NETWORKS',
};
const CTX = '*formatter.ContainerContext';
const label = (labels: Record<string, string>) => (name: TemplateValue) => labels[name as string] ?? '';
const rows: TemplateValue[] = [
  { ID: '4e1b6bae1e48', Image: 'nginx', Command: '"/docker-entrypoint.…"', RunningFor: '2 minutes ago', Status: 'Up 2 minutes', Ports: '0.0.0.0:8080->80/tcp', Names: 'web', State: 'running', Label: label({ tier: 'front' }) },
  { ID: '9f2c1d0a7b3e', Image: 'redis:7', Command: '"docker-entrypoint.s…"', RunningFor: '3 hours ago', Status: 'Exited (0) 1 hour ago', Ports: '', Names: 'cache', State: 'exited', Label: label({}) },
];
const render = (format: string | undefined, data = rows) => renderRows(parseFormat(format, PS_DEFAULT), data, HEADERS, { typeName: CTX });

describe('parseFormat', () => {
  it('uses the default table for "", undefined and "table"', () => {
    const def = { kind: 'table', template: '{{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}' };
    expect(parseFormat(undefined, PS_DEFAULT)).toEqual(def);
    expect(parseFormat('', PS_DEFAULT)).toEqual(def);
    expect(parseFormat('table', PS_DEFAULT)).toEqual(def);
    expect(parseFormat('table', '{{.ID}}\\t{{.Names}}')).toEqual({ kind: 'table', template: '{{.ID}}\t{{.Names}}' });
  });

  it('turns the typed characters \\t and \\n into a tab and a newline, for every kind', () => {
    expect(parseFormat('table {{.ID}}\\t{{.Names}}', PS_DEFAULT)).toEqual({ kind: 'table', template: '{{.ID}}\t{{.Names}}' });
    expect(parseFormat('{{.ID}}\\t{{.Names}}\\n', PS_DEFAULT)).toEqual({ kind: 'raw', template: '{{.ID}}\t{{.Names}}\n' });
    expect(parseFormat('a\\\\tb', PS_DEFAULT).template).toBe('a\\\tb');
  });

  it('knows json, raw templates and the table prefix the way docker does', () => {
    expect(parseFormat('json', PS_DEFAULT)).toEqual({ kind: 'json', template: '{{json .}}' });
    expect(parseFormat('JSON', PS_DEFAULT)).toEqual({ kind: 'raw', template: 'JSON' });
    expect(parseFormat('  {{.ID}}  ', PS_DEFAULT)).toEqual({ kind: 'raw', template: '{{.ID}}' });
    expect(parseFormat('tablefoo {{.ID}}', PS_DEFAULT)).toEqual({ kind: 'table', template: 'foo {{.ID}}' });
    expect(parseFormat('{{json .}}', PS_DEFAULT)).toEqual({ kind: 'raw', template: '{{json .}}' });
  });
});

describe('renderRows', () => {
  it('prints a table: header from the column titles, cells aligned by the tabwriter', () => {
    expect(render('table {{.ID}}\\t{{.Image}}\\t{{.Names}}')).toBe(
      'CONTAINER ID   IMAGE     NAMES\n' +
        '4e1b6bae1e48   nginx     web\n' +
        '9f2c1d0a7b3e   redis:7   cache\n',
    );
  });

  it('prints the default docker ps table', () => {
    expect(render(undefined)).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                  PORTS                  NAMES\n' +
        '4e1b6bae1e48   nginx     "/docker-entrypoint.…"   2 minutes ago   Up 2 minutes            0.0.0.0:8080->80/tcp   web\n' +
        '9f2c1d0a7b3e   redis:7   "docker-entrypoint.s…"   3 hours ago     Exited (0) 1 hour ago                          cache\n',
    );
  });

  it('prints the header even with no rows', () => {
    expect(render('table {{.ID}}\\t{{.Image}}\\t{{.Names}}', [])).toBe('CONTAINER ID   IMAGE     NAMES\n');
    expect(render('table {{.Names}}', [])).toBe('NAMES\n');
    // Nothing fails on no rows, so an unknown field reaches the header map: "<no value>", as docker prints.
    expect(render('table {{.Nope}}', [])).toBe('<no value>\n');
  });

  it('keeps header titles through docker\'s header functions, but pads them', () => {
    expect(render('table {{upper .Names}}|{{json .ID}}|{{truncate .Image 2}}|{{lower .State}}|[{{pad .Status 1 1}}]', rows.slice(0, 1))).toBe(
      'NAMES|CONTAINER ID|IMAGE|STATE|[ STATUS ]\nWEB|"4e1b6bae1e48"|ng|running|[ Up 2 minutes ]\n',
    );
  });

  it('keeps the part of the header written before a method call failed on the header map', () => {
    expect(render('table {{.Names}}\\t{{.Label "tier"}}')).toBe('NAMES     \nweb       front\ncache     \n');
  });

  it('prints raw templates one line per row, empty lines included, without alignment', () => {
    expect(render('{{.Names}}\\t{{.Image}}')).toBe('web\tnginx\ncache\tredis:7\n');
    expect(render('{{if eq .State "running"}}{{.Names}}{{end}}')).toBe('web\n\n');
    expect(render('{{.Names}}', [])).toBe('');
  });

  it('prints json one object per line, as docker ps --format json does', () => {
    expect(render('json')).toBe(
      '{"Command":"\\"/docker-entrypoint.…\\"","ID":"4e1b6bae1e48","Image":"nginx","Names":"web","Ports":"0.0.0.0:8080-\\u003e80/tcp","RunningFor":"2 minutes ago","State":"running","Status":"Up 2 minutes"}\n' +
        '{"Command":"\\"docker-entrypoint.s…\\"","ID":"9f2c1d0a7b3e","Image":"redis:7","Names":"cache","Ports":"","RunningFor":"3 hours ago","State":"exited","Status":"Exited (0) 1 hour ago"}\n',
    );
    expect(render('{{json .Ports}}', rows.slice(0, 1))).toBe('"0.0.0.0:8080->80/tcp"\n');
  });

  it('reports errors the way docker does, prefixed and with nothing printed', () => {
    const error = (format: string) => {
      try {
        render(format);
      } catch (e) {
        expect(e).toBeInstanceOf(TemplateError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(error('table {{.Nope}}')).toBe(`template parsing error: template: :1:2: executing "" at <.Nope>: can't evaluate field Nope in type ${CTX}`);
    expect(error('{{.Names')).toBe('template parsing error: template: :1: unclosed action');
    // docker replaces \n before parsing, even inside quotes: Go then sees a newline in a string.
    expect(error('{{join .Names "\\n"}}')).toBe('template parsing error: template: :1: unterminated quoted string');
    expect(error('{{')).toBe('template parsing error: template: :1: unclosed action');
  });
});
