// Fills the catalog's placeholders ({datetime}, {kernel}, ...) in log lines, headers and pages.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

export interface PlaceholderValues {
  at: number;
  kernel: string;
  containerIp?: string;
  remoteAddr?: string;
  method?: string;
  path?: string;
  status?: number;
  bytes?: number;
  userAgent?: string;
}

export function fillPlaceholders(text: string, v: PlaceholderValues): string {
  const d = new Date(v.at);
  const Y = d.getUTCFullYear();
  const M = d.getUTCMonth();
  const D = d.getUTCDate();
  const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const ms = d.getUTCMilliseconds();
  const table: Record<string, string> = {
    '{datetime}': `${Y}/${p2(M + 1)}/${p2(D)} ${time}`,
    '{kernel}': v.kernel,
    '{remote_addr}': v.remoteAddr ?? '172.17.0.1',
    '{clf_time}': `${p2(D)}/${MONTHS[M]}/${Y}:${time} +0000`,
    '{method}': v.method ?? 'GET',
    '{path}': v.path ?? '/',
    '{status}': String(v.status ?? 200),
    '{bytes}': String(v.bytes ?? 0),
    '{user_agent}': v.userAgent ?? '-',
    '{http_date}': `${DAYS[d.getUTCDay()]}, ${p2(D)} ${MONTHS[M]} ${Y} ${time} GMT`,
    '{apache_time}': `${DAYS[d.getUTCDay()]} ${MONTHS[M]} ${p2(D)} ${time}.${p3(ms)}${String((v.at * 7) % 1000).padStart(3, '0')} ${Y}`,
    '{container_ip}': v.containerIp ?? '172.17.0.2',
    '{redis_time}': `${p2(D)} ${MONTHS[M]} ${Y} ${time}.${p3(ms)}`,
    '{epoch}': String(Math.floor(v.at / 1000)),
    '{pg_time}': `${Y}-${p2(M + 1)}-${p2(D)} ${time}.${p3(ms)} UTC`,
    // Go's RFC 3339 with nanoseconds, trailing zeros of the fraction dropped (logrus, the registry).
    '{rfc3339_nano}': (() => {
      const frac = (p3(ms) + String((v.at * 7919) % 1_000_000).padStart(6, '0')).replace(/0+$/, '');
      return `${Y}-${p2(M + 1)}-${p2(D)}T${time}${frac ? `.${frac}` : ''}Z`;
    })(),
    '{pg_time_s}': `${Y}-${p2(M + 1)}-${p2(D)} ${time} UTC`,
  };
  return text.replace(/\{[a-z0-9_]+\}/g, (m) => table[m] ?? m);
}
