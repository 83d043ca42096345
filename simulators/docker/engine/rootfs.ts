// The file system a container starts with: a small tree shaped like its image's distribution
// (Debian, Alpine, BusyBox, Ubuntu), the image's own files, and what the engine writes per
// container (/etc/hostname, /etc/hosts, the cgroup limits under /sys/fs/cgroup).
import { makeDir, mkdir, place, makeFile, type DirNode, type FsResult } from '../../shell/fs';
import type { Container } from '../state';
import type { ImageView } from './images';
import { NGINX_50X_PAGE } from '../catalog/nginx';

export type Distro = 'debian' | 'alpine' | 'busybox' | 'ubuntu' | 'scratch';

export function distroOf(base: string): Distro {
  if (base.startsWith('alpine')) return 'alpine';
  if (base.startsWith('busybox')) return 'busybox';
  if (base.startsWith('ubuntu')) return 'ubuntu';
  if (base === 'scratch') return 'scratch';
  return 'debian';
}

const OS_RELEASE: Record<Distro, string> = {
  debian:
    'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
  alpine:
    'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.2\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
  busybox: '',
  ubuntu:
    'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\n',
  scratch: '',
};

const DIRS: Record<Distro, string[]> = {
  debian: ['/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/lib64', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys/fs/cgroup', '/tmp', '/usr/bin', '/usr/lib', '/usr/local/bin', '/usr/share', '/var/log', '/var/lib'],
  ubuntu: ['/bin', '/boot', '/dev', '/etc', '/home/ubuntu', '/lib', '/lib64', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys/fs/cgroup', '/tmp', '/usr/bin', '/usr/lib', '/usr/local/bin', '/usr/share', '/var/log', '/var/lib'],
  alpine: ['/bin', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys/fs/cgroup', '/tmp', '/usr/bin', '/usr/lib', '/usr/local/bin', '/usr/share', '/var/log'],
  busybox: ['/bin', '/dev', '/etc', '/home', '/lib', '/lib64', '/proc', '/root', '/sys/fs/cgroup', '/tmp', '/usr/sbin', '/var/spool/mail', '/var/www'],
  scratch: ['/dev', '/etc', '/proc', '/sys/fs/cgroup'],
};

/** Commands each distribution provides beyond the shell's own builtins. */
const MISSING: Record<Distro, string[]> = {
  // Debian-based official images are slim: no ps (procps), no nano.
  debian: ['ps', 'nano'],
  ubuntu: ['nano'],
  alpine: ['nano'],
  busybox: ['nano'],
  scratch: [],
};

/** Images built on buildpack-deps (the full python and node images) do ship procps. */
const WITH_PROCPS = new Set(['python', 'node']);

const isSlim = (image: ImageView) => image.base.includes('slim') || image.tags.some((t) => /slim/.test(t));

/**
 * HTTP clients: BusyBox images have `wget` (an applet) and no curl; nginx's images add curl; the
 * full python and node images (buildpack-deps) have both; slim Debian and Ubuntu images neither.
 */
function hasHttpClient(image: ImageView, repository: string, distro: Distro, command: 'curl' | 'wget'): boolean {
  const full = WITH_PROCPS.has(repository) && !isSlim(image);
  if (command === 'wget') return distro === 'alpine' || distro === 'busybox' || (distro === 'debian' && full);
  return repository === 'nginx' || (distro === 'debian' && full);
}

/** Whether `command` exists inside a container of this image. */
export function hasCommand(image: ImageView, repository: string, command: string): boolean {
  const distro = distroOf(image.base);
  if (distro === 'scratch') return false;
  if (command === 'curl' || command === 'wget') return hasHttpClient(image, repository, distro, command);
  if (command === 'ps' && distro === 'debian' && WITH_PROCPS.has(repository) && !image.base.includes('slim')) return true;
  return !MISSING[distro].includes(command);
}

/** The shell a container's `sh`/`bash` resolves to, and the user's prompt style. */
export function userlandOf(image: ImageView): 'gnu' | 'busybox' {
  const distro = distroOf(image.base);
  return distro === 'alpine' || distro === 'busybox' ? 'busybox' : 'gnu';
}

const must = (r: FsResult<DirNode>): DirNode => {
  if (!r.ok) throw new Error(`container file system: ${r.code}`);
  return r.value;
};

function cpuMax(nanoCpus: number): string {
  if (!nanoCpus) return 'max 100000\n';
  return `${Math.round((nanoCpus / 1e9) * 100000)} 100000\n`;
}

/** The tree a container of `image` sees when it starts. */
export function buildRootfs(container: Container, image: ImageView, now: number): DirNode {
  const distro = distroOf(image.base);
  const root = { user: 'root', now };
  let fs = makeDir('root', now);
  for (const dir of DIRS[distro]) fs = must(mkdir(fs, dir, root, { parents: true }));
  const files: Record<string, string> = {
    '/etc/hostname': `${container.config.hostname}\n`,
    '/etc/hosts': container.hostConfig.networkMode === 'host' ? `127.0.0.1 localhost\n127.0.1.1 ${container.config.hostname}\n` : `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::\tip6-localnet\nff00::\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${Object.values(container.networks).find((n) => n.ip)?.ip || '172.17.0.2'}\t${container.config.hostname}\n`,
    // On a user-defined network the container asks docker's embedded DNS server (127.0.0.11).
    '/etc/resolv.conf': ['bridge', 'host', 'none', 'default'].includes(container.hostConfig.networkMode)
      ? '# Generated by Docker Engine.\nnameserver 8.8.8.8\nnameserver 8.8.4.4\n'
      : '# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\nnameserver 127.0.0.11\nsearch .\noptions ndots:0\n',
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
    '/sys/fs/cgroup/memory.max': container.hostConfig.memory ? `${container.hostConfig.memory}\n` : 'max\n',
    '/sys/fs/cgroup/cpu.max': cpuMax(container.hostConfig.nanoCpus),
    '/sys/fs/cgroup/pids.max': 'max\n',
    '/dev/null': '',
    ...(OS_RELEASE[distro] ? { '/etc/os-release': OS_RELEASE[distro] } : {}),
    ...(distro === 'alpine' ? { '/etc/alpine-release': '3.21.2\n' } : {}),
    ...(distro === 'debian' ? { '/etc/debian_version': '12.8\n' } : {}),
    ...imageFiles(image),
  };
  const times = packageTimes(image);
  for (const [path, content] of Object.entries(files)) {
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    fs = must(mkdir(fs, parent, root, { parents: true }));
    fs = must(place(fs, path, makeFile(content, 'root', times[path] ?? now), root));
  }
  return fs;
}

/**
 * Files that keep the time their package gave them: nginx's pages carry the Last-Modified its
 * responses show (`ls -l` and the ETag of a page served from the file agree with it).
 */
function packageTimes(image: ImageView): Record<string, number> {
  const lastModified = image.behaviour?.kind === 'server' ? image.behaviour.http?.['/']?.headers['Last-Modified'] : undefined;
  const at = lastModified ? Date.parse(lastModified) : NaN;
  if (!isNginx(image) || Number.isNaN(at)) return {};
  return { '/usr/share/nginx/html/index.html': at, '/usr/share/nginx/html/50x.html': at };
}

const isNginx = (image: ImageView) => /nginx/.test(image.tags.join(' ') + image.config.cmd?.join(' '));

/** Files an image carries that learners look at: nginx's pages (index.html and 50x.html), a built app's sources. */
function imageFiles(image: ImageView): Record<string, string> {
  const files: Record<string, string> = { ...image.files };
  const behaviour = image.behaviour;
  if (behaviour?.kind === 'server' && behaviour.protocol === 'http' && behaviour.http?.['/']) {
    const page = behaviour.http['/'].body;
    if (isNginx(image)) {
      files['/usr/share/nginx/html/50x.html'] = NGINX_50X_PAGE;
      files['/usr/share/nginx/html/index.html'] = page;
      files['/etc/nginx/nginx.conf'] = NGINX_CONF;
    } else files['/usr/local/apache2/htdocs/index.html'] = page;
  }
  if (behaviour?.kind === 'print') files['/hello'] = '';
  return files;
}

const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`.slice(1);
