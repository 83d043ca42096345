// A program that serves on a port, as the network needs to know it: its protocol, the pages it
// answers with, its access-log line, the folder it serves files from. Plain data: an image's
// catalog entry, a built app or (later) a pod's container carries one, and http.ts serves it
// whatever runs it.

export interface HttpRequest {
  method: string;
  host: string;
  port: number;
  path: string;
  headers: Record<string, string>;
}

export interface Page {
  status: number;
  /** The reason phrase, when the program words it differently from the usual one. */
  reason?: string;
  headers: Record<string, string>;
  body: string;
}

export interface ServerProgram {
  protocol: 'http' | 'redis' | 'postgres';
  port: number;
  /** HTTP pages by path; '*' is the fallback (404 page); '405' answers a method a static file does not take. Placeholders: placeholders.ts. */
  http?: Record<string, Page>;
  /** One access-log line per request, with placeholders. */
  accessLog?: string;
  /** A static web server's document root: a file there is served as itself (nginx: /usr/share/nginx/html). */
  docroot?: string;
}
