// The answers of a registry container that depend on what it holds: GET /v2/_catalog and
// GET /v2/<name>/tags/list, read from its files (registry-storage.ts), as distribution's handlers
// write them (registry/handlers/catalog.go, tags.go): the JSON through Go's json.Encoder (so a final
// newline), errors in the errcode envelope with their status, other methods refused by gorilla's
// MethodHandler. Fixed answers (/, /v2/, the 404 page) stay in the catalog's data.
//
// registry:2 (2.8.3) and registry:3 (3.0.0) differ here: 3.0.0 says `application/json` without a
// charset (handlers and errcode.ServeJSON), its image's config adds no `X-Content-Type-Options: nosniff`
// (2.8.3's config-example.yml had it under http.headers), a catalog `n` that is not a number or is
// negative is refused instead of ignored, and the tag list pages with `n` and `last` as the catalog does.
import type { World } from '../../world';
import { DISTRIBUTION_LINE } from '../catalog/registry';
import type { Container } from '../state';
import { isRegistry, lessPath, readRegistry, readTags } from './registry-storage';

export interface RegistryPage {
  status: number;
  /** Go's wording when it differs from the one http.ts knows (nginx's "Not Allowed"). */
  reason?: string;
  headers: Record<string, string>;
  body: string;
}

const API_VERSION = 'registry/2.0';
/** The catalog's page size when `n` is not given, and the configuration's default maximum. */
const DEFAULT_ENTRIES = 100;
const MAX_ENTRIES = 1000;

const bytes = (s: string) => new TextEncoder().encode(s).length;

// distribution/reference's NameRegexp (v0.5, vendored by 2.8.3): an optional domain, then
// lower-case components joined by slashes.
const DOMAIN_PART = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `${DOMAIN_PART}(?:\\.${DOMAIN_PART})*(?::[0-9]+)?`;
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*';
const NAME = `(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*`;
const TAGS_ROUTE = new RegExp(`^/v2/(${NAME})/tags/list$`);

/** How one line of distribution words its answers. */
interface Line {
  /** The JSON answers' Content-Type. */
  json: string;
  /** What the image's config adds under http.headers to every dispatched route. */
  configHeaders: Record<string, string>;
  /** 3.x: a catalog or tags `n` that Atoi refuses, or a negative one, is an error (2.8.3 ignores it). */
  strictN: boolean;
  /** 3.x: the tag list takes `n` and `last`. */
  pagedTags: boolean;
}

const LINES: Record<2 | 3, Line> = {
  2: { json: 'application/json; charset=utf-8', configHeaders: { 'X-Content-Type-Options': 'nosniff' }, strictN: false, pagedTags: false },
  3: { json: 'application/json', configHeaders: {}, strictN: true, pagedTags: true },
};

/** Headers in the order Go writes them: the handler's sorted by name, then Date, then Content-Length. */
function page(line: Line, status: number, contentType: string, body: string, extra: Record<string, string> = {}): RegistryPage {
  const named: Record<string, string> = { 'Content-Type': contentType, 'Docker-Distribution-Api-Version': API_VERSION, ...line.configHeaders, ...extra };
  const headers: Record<string, string> = {};
  for (const key of Object.keys(named).sort()) headers[key] = named[key];
  return { status, headers: { ...headers, Date: '{http_date}', 'Content-Length': String(bytes(body)) }, body };
}

const json = (line: Line, status: number, value: unknown, extra?: Record<string, string>) => page(line, status, line.json, `${JSON.stringify(value)}\n`, extra);

/** errcode.ServeJSON: the error's own status, the envelope, the detail when there is one. */
const error = (line: Line, status: number, code: string, message: string, detail: unknown) => json(line, status, { errors: [{ code, message, detail }] });

const invalidN = (line: Line, n: unknown) => error(line, 400, 'PAGINATION_NUMBER_INVALID', 'invalid number of results requested', { n });

const INT64 = 2n ** 63n;
/** Go's strconv.Atoi: an optional sign and decimal digits, within int64 (beyond 2^53 the value is approximate here). */
function atoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const value = BigInt(s);
  return value >= -INT64 && value < INT64 ? Number(value) : undefined;
}

/** createLinkEntry: the request's path with `last` and `n` (url.Values sorts them by key). */
const nextLink = (path: string, n: number, last: string) => ({ Link: `<${path}?last=${encodeURIComponent(last)}&n=${n}>; rel="next"` });

/**
 * gorilla/handlers MethodHandler for a route that takes GET only (HEAD is refused too): OPTIONS
 * gets the list, anything else http.Error's 405 (which sets nosniff itself).
 */
function onlyGet(line: Line, method: string): RegistryPage {
  if (method === 'OPTIONS') {
    return { status: 200, headers: { Allow: 'GET', 'Docker-Distribution-Api-Version': API_VERSION, ...line.configHeaders, Date: '{http_date}', 'Content-Length': '0' }, body: '' };
  }
  return { ...page(line, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET', 'X-Content-Type-Options': 'nosniff' }), reason: 'Method Not Allowed' };
}

function catalog(line: Line, world: World, container: Container, query: URLSearchParams): RegistryPage {
  let entries = DEFAULT_ENTRIES;
  const n = query.get('n');
  if (n) {
    const parsed = atoi(n);
    if (line.strictN && (parsed === undefined || parsed < 0)) return invalidN(line, n);
    if (parsed !== undefined) {
      if (parsed > MAX_ENTRIES) return invalidN(line, parsed);
      if (parsed >= 0) entries = parsed;
    }
  }
  const last = query.get('last') ?? '';
  const names = [...readRegistry(world, container).repositories.keys()].filter((name) => lessPath(last, name));
  const repositories = names.slice(0, entries);
  // The walk stops once the page is full, and then always offers a next page, even an empty one.
  const full = entries > 0 && repositories.length === entries;
  return json(line, 200, { repositories }, full ? nextLink('/v2/_catalog', entries, repositories[repositories.length - 1]) : undefined);
}

function tags(line: Line, world: World, container: Container, name: string, query: URLSearchParams): RegistryPage {
  const list = readTags(world, container, name);
  if (!list) return error(line, 404, 'NAME_UNKNOWN', 'repository name not known to registry', { name });
  // 2.8.3 lists a Go nil slice (`null`) for a tags folder with nothing in it; 3.0.0 makes the slice.
  if (!line.pagedTags) return json(line, 200, { name, tags: list.length ? list : null });
  let shown = list;
  const last = query.get('last');
  if (last) {
    // sort.SearchStrings: the first tag at or after `last`, which is skipped even when it is not `last`.
    const at = shown.findIndex((t) => t >= last);
    shown = at < 0 ? [] : shown.slice(at + 1);
  }
  let link: Record<string, string> | undefined;
  const n = query.get('n');
  if (n) {
    const wanted = atoi(n);
    if (wanted === undefined || wanted < 0) return invalidN(line, n);
    const count = Math.min(wanted, shown.length);
    if (wanted < shown.length && wanted > 0) link = nextLink(`/v2/${name}/tags/list`, count, shown[count - 1]);
    shown = shown.slice(0, count);
  }
  return json(line, 200, { name, tags: shown }, link);
}

/** The answer to a request at a registry container's API when it depends on the stored images; undefined otherwise. */
export function registryAnswer(world: World, container: Container, request: { method: string; path: string }): RegistryPage | undefined {
  if (!isRegistry(container)) return undefined;
  const line = LINES[DISTRIBUTION_LINE[container.imageId] ?? 2];
  const [path, rawQuery = ''] = request.path.split(/\?(.*)/s);
  const query = new URLSearchParams(rawQuery.split('#')[0]);
  if (path === '/v2/_catalog') return request.method === 'GET' ? catalog(line, world, container, query) : onlyGet(line, request.method);
  const tagsOf = TAGS_ROUTE.exec(path);
  if (tagsOf) return request.method === 'GET' ? tags(line, world, container, tagsOf[1], query) : onlyGet(line, request.method);
  return undefined;
}
