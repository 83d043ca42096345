// One place for how HTTP is written: dates, reason phrases, and the app servers' placeholders.
import { describe, expect, it } from 'vitest';
import { fillAppPlaceholders, httpDate, reasonPhrase } from '../../../../simulators/network/http-format';

const AT = Date.UTC(2025, 2, 3, 9, 4, 5);

describe('http-format', () => {
  it('writes dates as IMF-fixdate', () => {
    expect(httpDate(AT)).toBe('Mon, 03 Mar 2025 09:04:05 GMT');
    expect(httpDate(Date.UTC(2024, 11, 31, 23, 59, 59))).toBe('Tue, 31 Dec 2024 23:59:59 GMT');
  });

  it("gives RFC 9110's reason phrases, and nginx's own where nginx words them differently", () => {
    expect([200, 302, 401, 404, 405, 503, 418].map((s) => reasonPhrase(s))).toEqual(['OK', 'Found', 'Unauthorized', 'Not Found', 'Method Not Allowed', 'Service Unavailable', '']);
    expect([302, 404, 405].map((s) => reasonPhrase(s, 'nginx/1.27.3'))).toEqual(['Moved Temporarily', 'Not Found', 'Not Allowed']);
    expect(reasonPhrase(405, 'Werkzeug/3.1.3 Python/3.12.8')).toBe('Method Not Allowed');
  });

  it("fills Werkzeug's log time, the path, uvicorn's status text and a body's length", () => {
    expect(fillAppPlaceholders('[{werkzeug_time}] {request_path} {status_text}', { at: AT, path: '/api', status: 404 })).toBe('[03/Mar/2025 09:04:05] /api Not Found');
    expect(fillAppPlaceholders('{content_length}', { at: AT, path: '/héllo', body: '<pre>Cannot GET {request_path}</pre>' })).toBe('29'); // é is two bytes
    expect(fillAppPlaceholders('no placeholders', { at: AT, path: '/' })).toBe('no placeholders');
  });
});
