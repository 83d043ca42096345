// The file system a workload starts with: a small tree shaped like its image's distribution
// (Debian, Alpine, BusyBox, Ubuntu), the image's own files, and the files its runtime writes for it
// (Docker's /etc/hosts and cgroup limits; a pod's, later). Which everyday commands a distribution
// ships is decided here too.
import { makeDir, mkdir, place, makeFile, type DirNode, type FsResult } from '../../shell/fs';
import type { WorkloadImage } from '../image';

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
  // Debian-based official images are slim: no ps or watch (procps), no nano, less or man;
  // BusyBox has less, more and watch applets but no man.
  debian: ['ps', 'nano', 'less', 'man', 'watch'],
  ubuntu: ['nano', 'less', 'man', 'watch'],
  alpine: ['nano', 'man'],
  busybox: ['nano', 'man'],
  scratch: [],
};

/** Images built on buildpack-deps (the full python and node images) do ship procps. */
const WITH_PROCPS = new Set(['python', 'node']);

const isSlim = (image: WorkloadImage) => image.base.includes('slim') || image.tags.some((t) => /slim/.test(t));

/**
 * HTTP clients: BusyBox images have `wget` (an applet) and no curl; nginx's images add curl; the
 * full python and node images (buildpack-deps) have both; slim Debian and Ubuntu images neither.
 */
function hasHttpClient(image: WorkloadImage, repository: string, distro: Distro, command: 'curl' | 'wget'): boolean {
  const full = WITH_PROCPS.has(repository) && !isSlim(image);
  if (command === 'wget') return distro === 'alpine' || distro === 'busybox' || (distro === 'debian' && full);
  return repository === 'nginx' || (distro === 'debian' && full);
}

/** Whether `command` exists inside a container of this image. */
export function hasCommand(image: WorkloadImage, repository: string, command: string): boolean {
  const distro = distroOf(image.base);
  if (distro === 'scratch') return false;
  if (command === 'curl' || command === 'wget') return hasHttpClient(image, repository, distro, command);
  // BusyBox's ping and nslookup applets; Debian's and Ubuntu's images ship neither (iputils-ping, dnsutils).
  if (command === 'ping' || command === 'nslookup') return distro === 'alpine' || distro === 'busybox';
  if ((command === 'ps' || command === 'watch') && distro === 'debian' && WITH_PROCPS.has(repository) && !image.base.includes('slim')) return true;
  return !MISSING[distro].includes(command);
}

/** The shell a container's `sh`/`bash` resolves to, and the user's prompt style. */
export function userlandOf(image: WorkloadImage): 'gnu' | 'busybox' {
  const distro = distroOf(image.base);
  return distro === 'alpine' || distro === 'busybox' ? 'busybox' : 'gnu';
}

const must = (r: FsResult<DirNode>): DirNode => {
  if (!r.ok) throw new Error(`container file system: ${r.code}`);
  return r.value;
};

/**
 * The tree a workload of `image` sees when it starts: the distribution's folders and release
 * files, the image's files (with the times their package gave them), then `runtimeFiles`.
 */
export function buildRootfs(image: WorkloadImage, runtimeFiles: Record<string, string>, now: number): DirNode {
  const distro = distroOf(image.base);
  const root = { user: 'root', now };
  let fs = makeDir('root', now);
  for (const dir of DIRS[distro]) fs = must(mkdir(fs, dir, root, { parents: true }));
  const files: Record<string, string> = {
    '/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n',
    '/dev/null': '',
    ...(OS_RELEASE[distro] ? { '/etc/os-release': OS_RELEASE[distro] } : {}),
    ...(distro === 'alpine' ? { '/etc/alpine-release': '3.21.2\n' } : {}),
    ...(distro === 'debian' ? { '/etc/debian_version': '12.8\n' } : {}),
    ...runtimeFiles,
    ...image.files,
  };
  const times = image.fileTimes ?? {};
  for (const [path, content] of Object.entries(files)) {
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    fs = must(mkdir(fs, parent, root, { parents: true }));
    fs = must(place(fs, path, makeFile(content, 'root', times[path] ?? now), root));
  }
  return fs;
}
