// What the apps here make of a program: plain data any runtime can use (a Docker container now, a
// Kubernetes pod next), with nothing of either in it.

/** A response for a path; its headers, body and log lines may hold placeholders filled when served. */
export interface Page {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A program that serves HTTP until it is stopped. */
export interface AppServer {
  kind: 'server';
  protocol: 'http';
  /** 0: it keeps running but listens on no port. */
  port: number;
  /** Lines it logs when it starts. */
  startupLogs: string[];
  /** Responses by path; '*' is the fallback (its 404 page). Absent: it answers nothing from outside. */
  http?: Record<string, Page>;
  /** One access-log line per request, with placeholders. */
  accessLog?: string;
  /** Lines it logs when it is stopped. */
  shutdownLogs?: string[];
  /** Runs as PID 1 without a SIGTERM handler: a stop waits out its timeout, then kills it. */
  ignoresSigterm?: boolean;
}

/** What a program does when it runs: prints and exits, or serves. */
export type AppBehaviour = { kind: 'print'; output: string; exitCode: number } | AppServer;

/**
 * The program to run and what surrounds it. `B` is what the image it is built from does by itself
 * (its runtime's own behaviour), handed back untouched where the program adds nothing to it.
 */
export interface AppInput<B> {
  /** The command as it runs: entrypoint, then cmd. */
  command: string[];
  env: Record<string, string>;
  workingDir: string;
  /** Every file of the image, by absolute path. */
  files: Record<string, string>;
  /** The runtime the image descends from ('python', 'node', 'nginx'...), which decides what programs it has. */
  runtime: string;
  /** When the image was built: Last-Modified of the pages it holds. */
  builtAt?: number;
  /** The image at the root of its chain: its runtime, its own command and what that does. */
  base?: { runtime: string; command: string[]; behaviour: B };
}

export const printed = (output: string, exitCode: number): AppBehaviour => ({ kind: 'print', output, exitCode });

/** A process that keeps running and logs what it printed, but listens on no port. */
export const running = (lines: string[]): AppBehaviour => ({ kind: 'server', protocol: 'http', port: 0, startupLogs: lines });

/** The versions of the runtimes the catalog ships (python:3.12, node:22). */
export const PYTHON_VERSION = '3.12.8';
export const NODE_VERSION = '22.12.0';
