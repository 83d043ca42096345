// An image as whatever runs it needs it: its distribution underneath, its configuration (command,
// environment, working directory), the files it carries and what its program does. A Docker
// container and, next, a Kubernetes pod's container start from this same view.
import type { ServerProgram } from '../network/server';

export interface ImageConfig {
  cmd: string[] | null;
  entrypoint: string[] | null;
  env: string[];
  workingDir: string;
  /** e.g. ['80/tcp'] */
  exposedPorts: string[];
  user: string;
  stopSignal?: string;
  labels: Record<string, string>;
  volumes?: string[];
}

/** What a container of this image does when it starts with its default command. */
export type ImageBehaviour =
  /** A server on a port: start-up log lines, then it serves until stopped. */
  | (ServerProgram & {
      kind: 'server';
      /** Lines it logs when it starts. `{time}` style placeholders: see network/placeholders.ts. */
      startupLogs: string[];
      /** Environment variables that must be set, and the log and exit code when one is missing. */
      requiredEnv?: { anyOf: string[]; errorLogs: string[]; exitCode: number };
      /** Lines it logs when it is stopped (SIGTERM / SIGQUIT). */
      shutdownLogs?: string[];
      /** PID 1 without a SIGTERM handler: `docker stop` waits its timeout, then kills (exit 137). */
      ignoresSigterm?: boolean;
      /** The code it exits with on SIGTERM, when not 0 (a Go program's default handler: 2). */
      stopExitCode?: number;
    })
  /** Prints fixed output and exits (hello-world). */
  | { kind: 'print'; output: string; exitCode: number }
  /** Its command is a shell (alpine, busybox, ubuntu): interactive with -it, exits at once without input. */
  | { kind: 'shell'; shell: string }
  /** A language runtime (python, node): its default command is a REPL; `python app.py` runs a file. */
  | { kind: 'interpreter'; language: 'python' | 'node'; version: string; replBanner: string };

/** The runtime-neutral view of an image (docker's ImageView adds its store's details). */
export interface WorkloadImage {
  id: string;
  /** Familiar names (`nginx:latest`); the first says which repository's tools it ships. */
  tags: string[];
  /** The distribution underneath (`debian:bookworm`, `alpine:3.21`, `busybox`, `scratch`). */
  base: string;
  config: ImageConfig;
  behaviour?: ImageBehaviour;
  /** Files the image carries beyond its distribution's tree, by absolute path. */
  files: Record<string, string>;
  /** Times files keep from their package (nginx's pages: the Last-Modified they are served with). */
  fileTimes?: Record<string, number>;
}
