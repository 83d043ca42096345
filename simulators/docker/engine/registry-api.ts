// The answers of a registry:2 container that depend on what it holds: GET /v2/_catalog and
// GET /v2/<name>/tags/list, read from its files (registry-storage.ts), as distribution 2.8.3's
// handlers write them (registry/handlers/catalog.go, tags.go): the JSON through Go's json.Encoder
// (so a final newline), errors in the errcode envelope with their status, other methods refused
// by gorilla's MethodHandler. Fixed answers (/, /v2/, the 404 page) stay in the catalog's data.
import type { World } from '../../world';
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

/** Headers in the order Go writes them: the handler's sorted by name, then Date, then Content-Length. */
function page(status: number, contentType: string, body: string, extra: Record<string, string> = {}): RegistryPage {
  const named: Record<string, string> = { 'Content-Type': contentType, 'Docker-Distribution-Api-Version': API_VERSION, 'X-Content-Type-Options': 'nosniff', ...extra };
  const headers: Record<string, string> = {};
  for (const key of Object.keys(named).sort()) headers[key] = named[key];
  return { status, headers: { ...headers, Date: '{http_date}', 'Content-Length': String(bytes(body)) }, body };
}

const json = (status: number, value: unknown, extra?: Record<string, string>) => page(status, 'application/json; charset=utf-8', `${JSON.stringify(value)}\n`, extra);

/** errcode.ServeJSON: the error's own status, the envelope, the detail when there is one. */
const error = (status: number, code: string, message: string, detail: unknown) => json(status, { errors: [{ code, message, detail }] });

/**
 * gorilla/handlers MethodHandler for a route that takes GET only (HEAD is refused too): OPTIONS
 * gets the list, anything else http.Error's 405.
 */
function onlyGet(method: string): RegistryPage {
  if (method === 'OPTIONS') {
    return { status: 200, headers: { Allow: 'GET', 'Docker-Distribution-Api-Version': API_VERSION, 'X-Content-Type-Options': 'nosniff', Date: '{http_date}', 'Content-Length': '0' }, body: '' };
  }
  return { ...page(405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET' }), reason: 'Method Not Allowed' };
}

function catalog(world: World, container: Container, query: URLSearchParams): RegistryPage {
  let entries = DEFAULT_ENTRIES;
  const n = query.get('n');
  if (n && /^[+-]?\d+$/.test(n)) {
    const parsed = Number(n);
    if (parsed > MAX_ENTRIES) return error(400, 'PAGINATION_NUMBER_INVALID', 'invalid number of results requested', { n: parsed });
    if (parsed >= 0) entries = parsed;
  }
  const last = query.get('last') ?? '';
  const names = [...readRegistry(world, container).repositories.keys()].filter((name) => lessPath(last, name));
  const repositories = names.slice(0, entries);
  // The walk stops once the page is full, and then always offers a next page, even an empty one.
  const full = entries > 0 && repositories.length === entries;
  const link = full ? { Link: `</v2/_catalog?last=${encodeURIComponent(repositories[repositories.length - 1])}&n=${entries}>; rel="next"` } : undefined;
  return json(200, { repositories }, link);
}

function tags(world: World, container: Container, name: string): RegistryPage {
  const list = readTags(world, container, name);
  if (!list) return error(404, 'NAME_UNKNOWN', 'repository name not known to registry', { name });
  // Go's nil slice: a tags folder with nothing in it lists `null`.
  return json(200, { name, tags: list.length ? list : null });
}

/** The answer to a request at a registry container's API when it depends on the stored images; undefined otherwise. */
export function registryAnswer(world: World, container: Container, request: { method: string; path: string }): RegistryPage | undefined {
  if (!isRegistry(container)) return undefined;
  const [path, rawQuery = ''] = request.path.split(/\?(.*)/s);
  const query = new URLSearchParams(rawQuery.split('#')[0]);
  if (path === '/v2/_catalog') return request.method === 'GET' ? catalog(world, container, query) : onlyGet(request.method);
  const tagsOf = TAGS_ROUTE.exec(path);
  if (tagsOf) return request.method === 'GET' ? tags(world, container, tagsOf[1]) : onlyGet(request.method);
  return undefined;
}
