// docker's --format handling around the template engine: the `table` and `json` keywords, the
// header row, and the tabwriter. From docker/cli cli/command/formatter/formatter.go (Context's
// preFormat, parseFormat, contextFormat, postFormat) and NewContainerFormat's keyword switch.
//
// What docker does, step by step:
//   1. "" or "table" means the command's default table format; "json" means `{{json .}}`;
//      anything starting with "table" is a table; anything else is a raw template.
//   2. preFormat, for every kind: drop the "table" prefix, trim ASCII spaces at both ends, then
//      replace the two characters `\t` and `\n` with a real tab and newline (strings.NewReplacer).
//      This happens BEFORE parsing, so it also applies inside quoted strings: `{{join .X "\n"}}`
//      becomes a quoted string with a real newline in it, which Go rejects ("unterminated quoted
//      string"), exactly as the real docker does.
//   3. Each row runs the template; its output plus "\n" goes to a buffer (an empty result still
//      makes an empty line). The first failing row aborts with "template parsing error: ...", and
//      nothing is printed.
//   4. For tables only: the header is the same template run against the header context (a map of
//      field name to column title) with HeaderFunctions; its error, if any, is ignored and what was
//      written so far is kept. Header, "\n", then the rows go through tabwriter(10, 1, 3, ' ', 0).
//      With no rows the header line is still printed.

import { DOCKER_TABLE, tabwrite } from '../../core/output/tabwriter';
import { formatterContext, goMap, TemplateError, type TemplateValue } from '../../core/template';
import { executeTemplate, executeTemplatePartial, parseTemplate } from './templates';

export interface FormatSpec {
  kind: 'table' | 'raw' | 'json';
  /** The template as docker parses it: keyword stripped, trimmed, `\t` and `\n` replaced. */
  template: string;
}

const TABLE = 'table';
const JSON_KEY = 'json';
const JSON_FORMAT = '{{json .}}';

/** formatter.Context.preFormat. */
function preFormat(format: string): string {
  let f = format;
  if (f.startsWith(TABLE)) f = f.slice(TABLE.length);
  else if (f === JSON_KEY) f = JSON_FORMAT;
  f = f.replace(/^ +| +$/g, ''); // strings.Trim(f, " "): spaces only
  return f.replace(/\\[tn]/g, (m) => (m === '\\t' ? '\t' : '\n'));
}

/**
 * What `--format` asks for. `defaultTableTemplate` is the command's default (with or without the
 * leading "table"), e.g. "table {{.ID}}\t{{.Image}}\t{{.Command}}..." for `docker ps`. Keywords
 * other than table and json (`raw`, `pretty`) are per command and are not handled here.
 */
export function parseFormat(format: string | undefined, defaultTableTemplate: string): FormatSpec {
  if (format === undefined || format === '' || format === TABLE) {
    const def = defaultTableTemplate.startsWith(TABLE) ? defaultTableTemplate : `${TABLE} ${defaultTableTemplate}`;
    return { kind: 'table', template: preFormat(def) };
  }
  if (format === JSON_KEY) return { kind: 'json', template: preFormat(format) };
  if (format.startsWith(TABLE)) return { kind: 'table', template: preFormat(format) };
  return { kind: 'raw', template: preFormat(format) };
}

export interface RenderOptions {
  /** The rows' Go type, for "can't evaluate field X in type T" (docker ps: `*formatter.ContainerContext`). */
  typeName?: string;
}

function wrap(e: unknown): TemplateError {
  return new TemplateError(`template parsing error: ${e instanceof Error ? e.message : String(e)}`);
}

/**
 * Formats rows as docker does. Plain-object rows are treated as docker's formatter contexts, so
 * `json` gives MarshalJSON's output (sorted keys, HTML-escaped). `headers` maps field names to
 * column titles (docker's SubHeaderContext), e.g. { ID: 'CONTAINER ID', Names: 'NAMES' }.
 * Throws TemplateError ("template parsing error: template: ...") like `docker ps` would report.
 */
export function renderRows(spec: FormatSpec, rows: TemplateValue[], headers: Record<string, string>, options: RenderOptions = {}): string {
  let tmpl;
  try {
    tmpl = parseTemplate(spec.template);
  } catch (e) {
    throw wrap(e);
  }
  let body = '';
  for (const row of rows) {
    const data = row !== null && typeof row === 'object' ? formatterContext(row, options.typeName) : row;
    try {
      body += executeTemplate(tmpl, data, { typeName: options.typeName }) + '\n';
    } catch (e) {
      throw wrap(e);
    }
  }
  if (spec.kind !== 'table') return body;
  const header = executeTemplatePartial(tmpl, goMap({ ...headers }, 'formatter.SubHeaderContext'), { headerFunctions: true }).output;
  return tabwrite(`${header}\n${body}`, DOCKER_TABLE);
}
