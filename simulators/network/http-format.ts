// How HTTP writes what every server here says the same way: the date of a Date or Last-Modified
// header (RFC 9110's IMF-fixdate), reason phrases, and the placeholders app servers leave in their
// pages and log lines, filled in when a request is served.
import { byteLength } from '../shell/fs';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** `Mon, 03 Mar 2025 09:00:00 GMT`. */
export function httpDate(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

/** The reason phrases of RFC 9110, as Go, Python and Node send them. */
const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** nginx words a few of them its own way (ngx_http_header_filter_module.c). */
const NGINX_REASONS: Record<number, string> = { 302: 'Moved Temporarily', 405: 'Not Allowed' };

/** The reason phrase a server sends with `status`; `server` is its Server header (nginx has its own). */
export function reasonPhrase(status: number, server?: string): string {
  if (server?.startsWith('nginx') && NGINX_REASONS[status]) return NGINX_REASONS[status];
  return REASONS[status] ?? '';
}

/**
 * Placeholders of app servers, filled where a request is served: `{werkzeug_time}` (03/Mar/2025
 * 09:00:00, BaseHTTPRequestHandler.log_date_time_string), `{request_path}` (the path asked for),
 * `{status_text}` (the reason phrase, for uvicorn's log) and `{content_length}` (the bytes of
 * `body`, for pages whose body depends on the path).
 */
export function fillAppPlaceholders(text: string, v: { at: number; path: string; status?: number; body?: string }): string {
  if (!text.includes('{')) return text;
  const d = new Date(v.at);
  const werkzeug = `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  return text
    .replace(/\{werkzeug_time\}/g, werkzeug)
    .replace(/\{request_path\}/g, v.path)
    .replace(/\{status_text\}/g, reasonPhrase(v.status ?? 200))
    .replace(/\{content_length\}/g, () => String(byteLength(fillAppPlaceholders(v.body ?? '', { ...v, body: '' }))));
}
