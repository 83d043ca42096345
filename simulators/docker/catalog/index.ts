// The image catalog: real Docker Hub official images as they stood in mid-January 2025.
//
// Point in time: about 15 January 2025 (Docker 28's classic image store, linux/amd64). Builds are the ones
// Docker Hub served then; where a repository was rebuilt during that month the file says which build was
// taken (nginx:latest is the 14 Jan 2025 rebuild, postgres/python/node/nginx:stable the 24 Dec 2024
// rebuilds, redis the 6 Jan 2025 build, alpine 3.21.2 of 8 Jan 2025, httpd the 14 Jan 2025 rebuild).
// Versions agree with each other: nginx 1.27.3 / 1.26.2, httpd 2.4.62, redis 7.4.2, postgres 17.2 / 16.6,
// python 3.13.1 / 3.12.8, node 22.12.0 / 23.6.0 (latest), alpine 3.21.2, busybox 1.37.0, ubuntu 24.04 (noble-20241118.1).
// One exception, by request: registry 3.0.0 (April 2025), which `registry:3` and `registry:latest` name as on
// Docker Hub today, beside registry 2.8.3 (`registry:2`); registry.ts says what that changes.
//
// Placeholders used in log lines, headers and bodies (the engine substitutes them):
export const CATALOG_PLACEHOLDERS = {
  '{datetime}': 'nginx error-log time, e.g. 2025/01/15 09:00:00',
  '{kernel}': 'host kernel release (uname -r), e.g. 6.8.0-51-generic',
  '{remote_addr}': 'client address as the container sees it, e.g. 172.17.0.1',
  '{clf_time}': 'access-log time, e.g. 15/Jan/2025:09:00:00 +0000',
  '{method}': 'request method, e.g. GET',
  '{path}': 'request target, e.g. /',
  '{status}': 'response status code, e.g. 200',
  '{bytes}': 'response body bytes, e.g. 615',
  '{user_agent}': 'User-Agent request header, e.g. curl/8.5.0',
  '{http_date}': 'HTTP Date header, e.g. Wed, 15 Jan 2025 09:00:00 GMT',
  '{apache_time}': 'httpd error-log time, e.g. Wed Jan 15 09:00:00.123456 2025',
  '{container_ip}': "the container's own address, e.g. 172.17.0.2",
  '{redis_time}': 'redis log time, e.g. 15 Jan 2025 09:00:00.123',
  '{epoch}': 'unix time in seconds, e.g. 1736931600',
  '{pg_time}': 'postgres log time with zone, e.g. 2025-01-15 09:00:00.123 UTC',
  '{pg_time_s}': 'postgres time without fraction, e.g. 2025-01-15 09:00:00 UTC',
  '{rfc3339_nano}': 'Go RFC 3339 time with nanoseconds, e.g. 2025-01-15T09:00:00.123456789Z',
} as const;

import type { CatalogImage } from './types';
import { ALPINE } from './alpine';
import { BUSYBOX } from './busybox';
import { HELLO_WORLD } from './hello-world';
import { HTTPD } from './httpd';
import { NGINX } from './nginx';
import { NODE } from './node';
import { POSTGRES } from './postgres';
import { PYTHON } from './python';
import { REDIS } from './redis';
import { REGISTRY } from './registry';
import { UBUNTU } from './ubuntu';

export const CATALOG: CatalogImage[] = [
  ...NGINX,
  ...HTTPD,
  ...REDIS,
  ...POSTGRES,
  ...PYTHON,
  ...NODE,
  ...ALPINE,
  ...BUSYBOX,
  ...UBUNTU,
  ...HELLO_WORLD,
  ...REGISTRY,
];

export type { CatalogImage, CatalogLayer, CatalogHistoryStep, ImageConfig, ImageBehaviour } from './types';
