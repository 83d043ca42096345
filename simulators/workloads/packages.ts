// What package managers do inside a build: pip, npm, apt-get and apk as they stood in January 2025
// (the catalog's point in time), with the versions they would resolve, believable output, the
// time they take and the bytes they add. What they install is written into the image's files
// (dist-info folders, node_modules/*/package.json, apt lists) so later steps and the app see it.
//
// Sources: PyPI and the npm registry release histories (latest versions before 15 Jan 2025);
// pip 24.3.1 (bundled with python 3.12.8) and npm 10.9.2 (bundled with node 22.12.0) output
// formats. Installed sizes are estimates (marked "est." where they matter for docker images).
import { normalizePy } from './python/site-packages';

export interface PyPackage {
  /** Version pip picks when unpinned (latest in Jan 2025). */
  version: string;
  /** Requires-Dist as written in the package's metadata: name as spelled there, specifier. */
  requires: [string, string][];
  /** Wheel file name (with {v} for the version); pure-python wheels by default. */
  wheel?: string;
  wheelBytes: number;
  metadataBytes: number;
  /** Bytes it adds to site-packages, with compiled .pyc files (est.). */
  installedBytes: number;
  /** A console script it puts in /usr/local/bin. */
  script?: string;
  /** Older releases whose metadata differs (flask 3.0.x asked for older dependencies). */
  older?: { match: RegExp; requires: [string, string][]; wheelBytes: number; metadataBytes: number };
}

const pure = (name: string) => `${name}-{v}-py3-none-any.whl`;

export const PYPI: Record<string, PyPackage> = {
  flask: {
    version: '3.1.0',
    requires: [['Werkzeug', '>=3.1'], ['Jinja2', '>=3.1.2'], ['itsdangerous', '>=2.2'], ['click', '>=8.1.3'], ['blinker', '>=1.9']],
    wheelBytes: 102_979,
    metadataBytes: 2_727,
    installedBytes: 640_000,
    script: 'flask',
    older: { match: /^3\.0\./, requires: [['Werkzeug', '>=3.0.0'], ['Jinja2', '>=3.1.2'], ['itsdangerous', '>=2.1.2'], ['click', '>=8.1.3'], ['blinker', '>=1.6.2']], wheelBytes: 101_735, metadataBytes: 3_205 },
  },
  werkzeug: { version: '3.1.3', requires: [['MarkupSafe', '>=2.1.1']], wheelBytes: 224_471, metadataBytes: 3_654, installedBytes: 1_930_000 },
  jinja2: { version: '3.1.5', requires: [['MarkupSafe', '>=2.0']], wheelBytes: 134_596, metadataBytes: 2_593, installedBytes: 1_520_000 },
  markupsafe: { version: '3.0.2', requires: [], wheel: 'MarkupSafe-{v}-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', wheelBytes: 23_322, metadataBytes: 4_007, installedBytes: 118_000 },
  itsdangerous: { version: '2.2.0', requires: [], wheelBytes: 16_234, metadataBytes: 1_924, installedBytes: 104_000 },
  click: { version: '8.1.8', requires: [], wheelBytes: 98_188, metadataBytes: 2_319, installedBytes: 1_010_000 },
  blinker: { version: '1.9.0', requires: [], wheelBytes: 8_458, metadataBytes: 1_634, installedBytes: 62_000 },
  requests: { version: '2.32.3', requires: [['charset-normalizer', '<4,>=2'], ['idna', '<4,>=2.5'], ['urllib3', '<3,>=1.21.1'], ['certifi', '>=2017.4.17']], wheelBytes: 64_928, metadataBytes: 4_648, installedBytes: 320_000 },
  'charset-normalizer': { version: '3.4.1', requires: [], wheel: 'charset_normalizer-{v}-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', wheelBytes: 145_960, metadataBytes: 35_165, installedBytes: 480_000, script: 'normalizer' },
  idna: { version: '3.10', requires: [], wheelBytes: 70_442, metadataBytes: 10_158, installedBytes: 460_000 },
  urllib3: { version: '2.3.0', requires: [], wheelBytes: 128_369, metadataBytes: 6_488, installedBytes: 720_000 },
  certifi: { version: '2024.12.14', requires: [], wheelBytes: 164_927, metadataBytes: 2_333, installedBytes: 310_000 },
  gunicorn: { version: '23.0.0', requires: [['packaging', '']], wheelBytes: 85_029, metadataBytes: 4_372, installedBytes: 600_000, script: 'gunicorn' },
  packaging: { version: '24.2', requires: [], wheelBytes: 65_451, metadataBytes: 3_198, installedBytes: 380_000 },
  fastapi: { version: '0.115.6', requires: [['starlette', '<0.42.0,>=0.40.0'], ['pydantic', '!=1.8,!=1.8.1,!=2.0.0,!=2.0.1,!=2.1.0,<3.0.0,>=1.7.4'], ['typing-extensions', '>=4.8.0']], wheelBytes: 94_777, metadataBytes: 27_072, installedBytes: 1_100_000, script: 'fastapi' },
  starlette: { version: '0.41.3', requires: [['anyio', '<5,>=3.4.0']], wheelBytes: 73_225, metadataBytes: 6_001, installedBytes: 560_000 },
  anyio: { version: '4.8.0', requires: [['idna', '>=2.8'], ['sniffio', '>=1.1']], wheelBytes: 96_041, metadataBytes: 4_648, installedBytes: 700_000 },
  sniffio: { version: '1.3.1', requires: [], wheelBytes: 10_235, metadataBytes: 3_875, installedBytes: 30_000 },
  pydantic: { version: '2.10.5', requires: [['annotated-types', '>=0.6.0'], ['pydantic-core', '==2.27.2'], ['typing-extensions', '>=4.12.2']], wheelBytes: 431_426, metadataBytes: 30_208, installedBytes: 2_900_000 },
  'pydantic-core': { version: '2.27.2', requires: [['typing-extensions', '!=4.7.0,>=4.6.0']], wheel: 'pydantic_core-{v}-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', wheelBytes: 2_020_837, metadataBytes: 6_614, installedBytes: 5_200_000 },
  'annotated-types': { version: '0.7.0', requires: [], wheel: 'annotated_types-{v}-py3-none-any.whl', wheelBytes: 13_643, metadataBytes: 15_046, installedBytes: 60_000 },
  'typing-extensions': { version: '4.12.2', requires: [], wheel: 'typing_extensions-{v}-py3-none-any.whl', wheelBytes: 37_438, metadataBytes: 3_015, installedBytes: 150_000 },
  uvicorn: { version: '0.34.0', requires: [['click', '>=7.0'], ['h11', '>=0.8']], wheelBytes: 62_315, metadataBytes: 6_547, installedBytes: 420_000, script: 'uvicorn' },
  h11: { version: '0.14.0', requires: [], wheelBytes: 58_259, metadataBytes: 8_218, installedBytes: 300_000 },
  numpy: { version: '2.2.1', requires: [], wheel: 'numpy-{v}-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', wheelBytes: 16_379_420, metadataBytes: 62_027, installedBytes: 60_800_000 },
  pandas: { version: '2.2.3', requires: [['numpy', '>=1.26.0'], ['python-dateutil', '>=2.8.2'], ['pytz', '>=2020.1'], ['tzdata', '>=2022.7']], wheel: 'pandas-{v}-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', wheelBytes: 12_701_368, metadataBytes: 89_128, installedBytes: 70_100_000 },
  'python-dateutil': { version: '2.9.0.post0', requires: [['six', '>=1.5']], wheel: 'python_dateutil-{v}-py2.py3-none-any.whl', wheelBytes: 229_892, metadataBytes: 8_358, installedBytes: 720_000 },
  pytz: { version: '2024.2', requires: [], wheel: 'pytz-{v}-py2.py3-none-any.whl', wheelBytes: 508_002, metadataBytes: 22_178, installedBytes: 2_900_000 },
  tzdata: { version: '2024.2', requires: [], wheel: 'tzdata-{v}-py2.py3-none-any.whl', wheelBytes: 346_586, metadataBytes: 1_392, installedBytes: 1_800_000 },
  six: { version: '1.17.0', requires: [], wheel: 'six-{v}-py2.py3-none-any.whl', wheelBytes: 11_050, metadataBytes: 1_836, installedBytes: 45_000 },
  redis: { version: '5.2.1', requires: [], wheelBytes: 261_502, metadataBytes: 9_137, installedBytes: 1_700_000 },
  'psycopg2-binary': { version: '2.9.10', requires: [], wheel: 'psycopg2_binary-{v}-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', wheelBytes: 3_044_475, metadataBytes: 4_932, installedBytes: 9_600_000 },
  django: { version: '5.1.5', requires: [['asgiref', '<4,>=3.8.1'], ['sqlparse', '>=0.3.1']], wheel: 'Django-{v}-py3-none-any.whl', wheelBytes: 8_277_130, metadataBytes: 4_218, installedBytes: 38_900_000, script: 'django-admin' },
  asgiref: { version: '3.8.1', requires: [], wheelBytes: 23_828, metadataBytes: 9_247, installedBytes: 100_000 },
  sqlparse: { version: '0.5.3', requires: [], wheelBytes: 44_415, metadataBytes: 3_874, installedBytes: 300_000, script: 'sqlformat' },
  'python-dotenv': { version: '1.0.1', requires: [], wheel: 'python_dotenv-{v}-py3-none-any.whl', wheelBytes: 19_863, metadataBytes: 23_097, installedBytes: 90_000, script: 'dotenv' },
  pyyaml: { version: '6.0.2', requires: [], wheel: 'PyYAML-{v}-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl', wheelBytes: 767_471, metadataBytes: 2_056, installedBytes: 2_400_000 },
  pytest: { version: '8.3.4', requires: [['iniconfig', ''], ['packaging', ''], ['pluggy', '<2,>=1.5']], wheelBytes: 343_083, metadataBytes: 7_508, installedBytes: 2_700_000, script: 'pytest' },
  iniconfig: { version: '2.0.0', requires: [], wheelBytes: 5_892, metadataBytes: 2_584, installedBytes: 20_000 },
  pluggy: { version: '1.5.0', requires: [], wheelBytes: 20_556, metadataBytes: 4_812, installedBytes: 110_000 },
};

/** PEP 503 normalized name: `Flask_Login` -> `flask-login`. */
/** A package pip has never heard of here still installs, as a small pure-python wheel. */
function pyPackage(name: string): PyPackage {
  return PYPI[normalizePy(name)] ?? { version: '1.0.0', requires: [], wheelBytes: 48_000, metadataBytes: 2_400, installedBytes: 240_000 };
}

/** pip's format_size: `101 kB`, `8.5 kB`, `16.4 MB`. */
export function pipSize(bytes: number): string {
  if (bytes > 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes > 10_000) return `${Math.floor(bytes / 1000)} kB`;
  if (bytes > 1000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

export interface Requirement {
  /** As written (`flask`, `Flask`). */
  name: string;
  /** `==3.0.3`, `>=2`, or '' */
  spec: string;
  /** The requirement text as pip echoes it in "Collecting ...". */
  text: string;
  /** Where it came from: `-r requirements.txt (line 1)` or undefined for the command line. */
  origin?: string;
}

/** Parses requirement specifiers (`flask==3.0.3`, `requests>=2,<3`, `gunicorn`). */
export function parseRequirement(text: string, origin?: string): Requirement | undefined {
  const clean = text.replace(/\s+#.*$/, '').trim();
  if (!clean || clean.startsWith('#') || clean.startsWith('-')) return undefined;
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/.exec(clean);
  if (!m) return undefined;
  return { name: m[1], spec: m[3].replace(/\s+/g, '').replace(/;.*$/, ''), text: clean.replace(/\s+/g, ''), origin };
}

export function requirementsFile(content: string, file: string): Requirement[] {
  const out: Requirement[] = [];
  content.split('\n').forEach((line, i) => {
    const r = parseRequirement(line, `-r ${file} (line ${i + 1})`);
    if (r) out.push(r);
  });
  return out;
}

export interface PipInstall {
  name: string;
  /** Name as the dependent spelled it (what "Successfully installed" prints). */
  display: string;
  version: string;
  info: PyPackage;
}

export interface PipPlan {
  lines: { text: string; ms: number }[];
  installed: PipInstall[];
  bytes: number;
  ms: number;
  /** A version that does not exist: pip's error and exit code 1. */
  failed?: boolean;
}

function pinnedVersion(req: Requirement, info: PyPackage): string {
  const exact = /^==([^,]+)$/.exec(req.spec);
  return exact ? exact[1] : info.version;
}

const versionParts = (v: string) => v.split(/[.+-]/).map((p) => parseInt(p, 10) || 0);

/** A pinned version newer than the newest release does not exist (`flask==9.9`). */
function exists(version: string, latest: string): boolean {
  const a = versionParts(version);
  const b = versionParts(latest);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return true;
}

/** Everything `pip install` prints and does for these requirements, with already-installed ones skipped. */
export function planPip(reqs: Requirement[], installed: Record<string, string>, options: { quiet?: boolean; root?: boolean } = {}): PipPlan {
  const lines: { text: string; ms: number }[] = [];
  const say = (text: string, ms: number) => lines.push({ text, ms });
  const collected: (PipInstall & { depth: number; deps: string[]; collectedAs: string })[] = [];
  const seen = new Map<string, number>();
  const satisfied: string[] = [];
  const queue: { req: Requirement; depth: number; chain: string }[] = reqs.map((req) => ({ req, depth: 1, chain: req.origin ?? '' }));
  while (queue.length) {
    const { req, depth, chain } = queue.shift()!;
    const key = normalizePy(req.name);
    if (seen.has(key)) {
      const c = collected[seen.get(key)!];
      if (c) c.depth = Math.max(c.depth, depth);
      continue;
    }
    const known = pyPackage(req.name);
    const version = pinnedVersion(req, known);
    const info = known.older?.match.test(version) ? { ...known, ...known.older } : known;
    const already = installed[key];
    if (already && (!/^==/.test(req.spec) || already === version)) {
      seen.set(key, -1);
      satisfied.push(`Requirement already satisfied: ${req.text} in /usr/local/lib/python3.12/site-packages${chain ? ` (from ${chain})` : ''} (${already})`);
      continue;
    }
    if (!exists(version, known.version)) {
      const from = chain ? ` (from ${chain})` : '';
      return {
        lines: [
          { text: `ERROR: Could not find a version that satisfies the requirement ${req.text}${from} (from versions: ${known.version})`, ms: 600 },
          { text: `ERROR: No matching distribution found for ${req.text}`, ms: 10 },
        ],
        installed: [],
        bytes: 0,
        ms: 900,
        failed: true,
      };
    }
    seen.set(key, collected.length);
    const from = chain ? ` (from ${chain})` : '';
    say(`Collecting ${req.text}${from}`, 380);
    const wheel = (info.wheel ?? pure(key.replace(/-/g, '_'))).replace('{v}', version);
    say(`  Downloading ${wheel}.metadata (${pipSize(info.metadataBytes)})`, 120);
    const childChain = `${req.text}${chain ? `->${chain}` : ''}`;
    collected.push({ name: key, display: req.name, version, info, depth, deps: info.requires.map(([n]) => normalizePy(n)), collectedAs: req.text });
    for (const [depName, depSpec] of info.requires) queue.push({ req: { name: depName, spec: depSpec, text: `${depName}${depSpec}` }, depth: depth + 1, chain: childChain });
  }
  for (const line of satisfied) say(line, 30);
  let bytes = 0;
  for (const c of collected) {
    const wheel = (c.info.wheel ?? pure(c.name.replace(/-/g, '_'))).replace('{v}', c.version);
    say(`Downloading ${wheel} (${pipSize(c.info.wheelBytes)})`, 60 + c.info.wheelBytes / 20_000);
    if (c.info.wheelBytes > 512 * 1024) {
      const mb = (c.info.wheelBytes / 1_000_000).toFixed(1);
      say(`   ${'━'.repeat(40)} ${mb}/${mb} MB 48.3 MB/s eta 0:00:00`, 20);
    }
    bytes += c.info.installedBytes;
  }
  if (collected.length) {
    // Deepest dependencies first; among equals, those with no dependencies of their own first.
    const order = [...collected].sort((a, b) => b.depth - a.depth || Number(a.deps.length > 0) - Number(b.deps.length > 0) || collected.indexOf(a) - collected.indexOf(b));
    say(`Installing collected packages: ${order.map((c) => c.display).join(', ')}`, 300 + collected.length * 160 + bytes / 50_000);
    const done = [...collected].map((c) => `${c.display}-${c.version}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    say(`Successfully installed ${done.join(' ')}`, 40);
  }
  if (options.root !== false) {
    say(
      "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.",
      10,
    );
  }
  const ms = 500 + lines.reduce((n, l) => n + l.ms, 0);
  const shown = options.quiet ? lines.filter((l) => l.text.startsWith('WARNING') || l.text.startsWith('ERROR')) : lines;
  return { lines: shown, installed: collected, bytes, ms };
}

// ------------------------------------------------------------------------------------------------
// npm

export interface NpmPackage {
  version: string;
  /** Packages npm adds in all, this one included (its whole tree), and how many ask for funding. */
  total: number;
  funding: number;
  bytes: number;
}

export const NPM: Record<string, NpmPackage> = {
  express: { version: '4.21.2', total: 66, funding: 13, bytes: 2_300_000 },
  cors: { version: '2.8.5', total: 3, funding: 0, bytes: 60_000 },
  dotenv: { version: '16.4.7', total: 1, funding: 1, bytes: 80_000 },
  nodemon: { version: '3.1.9', total: 29, funding: 3, bytes: 1_900_000 },
  axios: { version: '1.7.9', total: 9, funding: 1, bytes: 2_200_000 },
  lodash: { version: '4.17.21', total: 1, funding: 0, bytes: 1_400_000 },
  mongoose: { version: '8.9.5', total: 24, funding: 1, bytes: 11_600_000 },
  pg: { version: '8.13.1', total: 14, funding: 0, bytes: 700_000 },
  redis: { version: '4.7.0', total: 10, funding: 0, bytes: 1_200_000 },
  typescript: { version: '5.7.3', total: 1, funding: 0, bytes: 23_000_000 },
  react: { version: '19.0.0', total: 1, funding: 0, bytes: 320_000 },
  'react-dom': { version: '19.0.0', total: 2, funding: 0, bytes: 6_400_000 },
  'body-parser': { version: '1.20.3', total: 21, funding: 4, bytes: 900_000 },
  morgan: { version: '1.10.0', total: 8, funding: 0, bytes: 120_000 },
};

export function npmPackage(name: string): NpmPackage {
  return NPM[name] ?? { version: '1.0.0', total: 1, funding: 0, bytes: 150_000 };
}

/** What `npm install` / `npm ci` prints and adds for a package.json's dependencies. */
export function planNpm(deps: Record<string, string>): { lines: string[]; ms: number; bytes: number; installed: [string, string][] } {
  const names = Object.keys(deps);
  const installed: [string, string][] = names.map((n) => {
    const pinned = /^\^?~?(\d+\.\d+\.\d+)$/.exec(deps[n])?.[1];
    const info = npmPackage(n);
    return [n, pinned && !NPM[n] ? pinned : info.version];
  });
  // Trees overlap (express and body-parser share most of theirs): count each shared part once.
  let total = 0;
  let funding = 0;
  let bytes = 0;
  for (const n of names) {
    const info = npmPackage(n);
    const shared = n === 'body-parser' && names.includes('express') ? 1 : info.total;
    total += shared;
    funding += n === 'body-parser' && names.includes('express') ? 0 : info.funding;
    bytes += info.bytes;
  }
  const seconds = Math.max(1, Math.round(0.6 + total * 0.04));
  const lines: string[] = [];
  if (!total) lines.push('', `up to date, audited 1 package in ${seconds}s`, '', 'found 0 vulnerabilities');
  else {
    lines.push('', `added ${total} package${total === 1 ? '' : 's'}, and audited ${total + 1} packages in ${seconds}s`, '');
    if (funding) lines.push(`${funding} package${funding === 1 ? ' is' : 's are'} looking for funding`, '  run `npm fund` for details', '');
    lines.push('found 0 vulnerabilities');
  }
  lines.push('npm notice', 'npm notice New major version of npm available! 10.9.2 -> 11.0.0', 'npm notice Changelog: https://github.com/npm/cli/releases/tag/v11.0.0', 'npm notice To update run: npm install -g npm@11.0.0', 'npm notice');
  return { lines, ms: 900 + total * 45, bytes, installed };
}

// ------------------------------------------------------------------------------------------------
// apt-get (Debian bookworm) and apk (Alpine 3.21)

export const DEBIAN: Record<string, { version: string; kb: number; deps?: string[] }> = {
  curl: { version: '7.88.1-10+deb12u8', kb: 315, deps: ['libcurl4', 'libbrotli1', 'libnghttp2-14', 'libpsl5', 'librtmp1', 'libssh2-1', 'publicsuffix'] },
  libcurl4: { version: '7.88.1-10+deb12u8', kb: 390 },
  libbrotli1: { version: '1.0.9-2+b6', kb: 269 },
  'libnghttp2-14': { version: '1.52.0-1+deb12u2', kb: 72 },
  libpsl5: { version: '0.21.2-1', kb: 58 },
  librtmp1: { version: '2.4+20151223.gitfa8646d.1-2+b2', kb: 60 },
  'libssh2-1': { version: '1.10.0-3+b1', kb: 179 },
  publicsuffix: { version: '20230209.2326-1', kb: 126 },
  wget: { version: '1.21.3-1+b2', kb: 984, deps: ['libpsl5', 'publicsuffix'] },
  git: { version: '1:2.39.5-0+deb12u1', kb: 7265, deps: ['git-man', 'libcurl3-gnutls', 'liberror-perl', 'perl'] },
  'git-man': { version: '1:2.39.5-0+deb12u1', kb: 2053 },
  'libcurl3-gnutls': { version: '7.88.1-10+deb12u8', kb: 385 },
  'liberror-perl': { version: '0.17029-2', kb: 29 },
  perl: { version: '5.36.0-7+deb12u1', kb: 239 },
  vim: { version: '2:9.0.1378-2', kb: 1567, deps: ['vim-common', 'vim-runtime', 'libgpm2', 'libsodium23'] },
  'vim-common': { version: '2:9.0.1378-2', kb: 125 },
  'vim-runtime': { version: '2:9.0.1378-2', kb: 7025 },
  libgpm2: { version: '1.20.7-10+b1', kb: 14 },
  libsodium23: { version: '1.0.18-1', kb: 161 },
  nano: { version: '7.2-1+deb12u1', kb: 690 },
  procps: { version: '2:4.0.2-3', kb: 709, deps: ['libproc2-0'] },
  'libproc2-0': { version: '2:4.0.2-3', kb: 62 },
  'iputils-ping': { version: '3:20221126-1+deb12u1', kb: 47 },
  'ca-certificates': { version: '20230311', kb: 153, deps: ['openssl'] },
  openssl: { version: '3.0.15-1~deb12u1', kb: 1427 },
  gcc: { version: '4:12.2.0-3', kb: 5, deps: ['gcc-12', 'cpp', 'binutils'] },
  'gcc-12': { version: '12.2.0-14', kb: 19254 },
  cpp: { version: '4:12.2.0-3', kb: 7 },
  binutils: { version: '2.40-2', kb: 2653 },
  'build-essential': { version: '12.9', kb: 8, deps: ['gcc', 'g++', 'make', 'dpkg-dev', 'libc6-dev'] },
  'g++': { version: '4:12.2.0-3', kb: 1356 },
  make: { version: '4.3-4.1', kb: 396 },
  'dpkg-dev': { version: '1.21.22', kb: 1353 },
  'libc6-dev': { version: '2.36-9+deb12u9', kb: 1904 },
  'libpq-dev': { version: '15.10-0+deb12u1', kb: 143, deps: ['libpq5'] },
  libpq5: { version: '15.10-0+deb12u1', kb: 192 },
  'net-tools': { version: '2.10-0.1', kb: 243 },
  unzip: { version: '6.0-28', kb: 166 },
  jq: { version: '1.6-2.1', kb: 135, deps: ['libjq1', 'libonig5'] },
  libjq1: { version: '1.6-2.1', kb: 135 },
  libonig5: { version: '6.9.8-1', kb: 188 },
};

export const ALPINE_PKGS: Record<string, { version: string; kb: number; deps?: string[] }> = {
  curl: { version: '8.11.1-r0', kb: 248, deps: ['brotli-libs', 'c-ares', 'libunistring', 'libidn2', 'nghttp2-libs', 'libpsl', 'zstd-libs', 'libcurl'] },
  'brotli-libs': { version: '1.1.0-r2', kb: 328 },
  'c-ares': { version: '1.34.3-r0', kb: 206 },
  libunistring: { version: '1.2-r0', kb: 1589 },
  libidn2: { version: '2.3.7-r0', kb: 164 },
  'nghttp2-libs': { version: '1.64.0-r0', kb: 74 },
  libpsl: { version: '0.21.5-r3', kb: 53 },
  'zstd-libs': { version: '1.5.6-r2', kb: 434 },
  libcurl: { version: '8.11.1-r0', kb: 495 },
  bash: { version: '5.2.37-r0', kb: 1356, deps: ['readline'] },
  readline: { version: '8.2.13-r0', kb: 262 },
  git: { version: '2.47.2-r0', kb: 14012, deps: ['libexpat', 'pcre2'] },
  libexpat: { version: '2.6.4-r0', kb: 186 },
  pcre2: { version: '10.43-r0', kb: 724 },
  'ca-certificates': { version: '20241121-r1', kb: 682 },
  tzdata: { version: '2024b-r1', kb: 1444 },
  python3: { version: '3.12.8-r1', kb: 45056 },
  nodejs: { version: '22.11.0-r1', kb: 44032 },
  wget: { version: '1.25.0-r0', kb: 491 },
};

/** apt's `Get:` size: `[315 kB]`, `[7265 kB]`, `[19.3 MB]`. */
const aptSize = (kb: number) => (kb >= 10_000 ? `${(kb / 1000).toFixed(1)} MB` : `${kb} kB`);

export function planApt(names: string[], listsPresent: boolean): { lines: string[]; ms: number; bytes: number; code: number } {
  const head = ['Reading package lists...', 'Building dependency tree...', 'Reading state information...'];
  if (!listsPresent) {
    return { lines: [...head, `E: Unable to locate package ${names[0]}`], ms: 400, bytes: 0, code: 100 };
  }
  const unknown = names.find((n) => !DEBIAN[n] && !/^lib|-dev$/.test(n));
  if (unknown) return { lines: [...head, `E: Unable to locate package ${unknown}`], ms: 400, bytes: 0, code: 100 };
  const all: string[] = [];
  const visit = (n: string) => {
    if (all.includes(n)) return;
    for (const d of DEBIAN[n]?.deps ?? []) visit(d);
    all.push(n);
  };
  for (const n of names) visit(n);
  const extra = all.filter((n) => !names.includes(n)).sort();
  const info = (n: string) => DEBIAN[n] ?? { version: '1.0-1', kb: 420 };
  const total = all.reduce((s, n) => s + info(n).kb, 0);
  const lines = [...head];
  if (extra.length) lines.push('The following additional packages will be installed:', `  ${extra.join(' ')}`);
  lines.push('The following NEW packages will be installed:', `  ${[...all].sort().join(' ')}`);
  lines.push(`0 upgraded, ${all.length} newly installed, 0 to remove and 0 not upgraded.`);
  lines.push(`Need to get ${aptSize(total)} of archives.`);
  lines.push(`After this operation, ${(total * 3.1 / 1000).toFixed(1)} MB of additional disk space will be used.`);
  all.forEach((n, i) => lines.push(`Get:${i + 1} http://deb.debian.org/debian bookworm/main amd64 ${n} amd64 ${info(n).version} [${aptSize(info(n).kb)}]`));
  lines.push('debconf: delaying package configuration, since apt-utils is not installed');
  lines.push(`Fetched ${aptSize(total)} in 0s (${aptSize(Math.round(total * 1.7))}/s)`);
  let files = 6680;
  for (const n of all) {
    const v = info(n).version;
    lines.push(`Selecting previously unselected package ${n}:amd64.`);
    if (files === 6680) lines.push(`(Reading database ... ${files} files and directories currently installed.)`);
    lines.push(`Preparing to unpack .../${all.indexOf(n)}-${n}_${v.replace(/^\d+:/, '')}_amd64.deb ...`, `Unpacking ${n}:amd64 (${v}) ...`);
    files += 12 + (info(n).kb % 40);
  }
  for (const n of all) lines.push(`Setting up ${n}:amd64 (${info(n).version}) ...`);
  lines.push('Processing triggers for libc-bin (2.36-9+deb12u9) ...');
  return { lines, ms: 1200 + all.length * 220 + total / 4, bytes: total * 3100, code: 0 };
}

export const APT_UPDATE_LINES = [
  'Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]',
  'Get:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]',
  'Get:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]',
  'Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8792 kB]',
  'Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages [13.5 kB]',
  'Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages [243 kB]',
  'Fetched 9303 kB in 1s (7019 kB/s)',
  'Reading package lists...',
];

/** The file apt-get update leaves behind (and `rm -rf /var/lib/apt/lists/*` takes away). */
export const APT_LISTS_MARKER = '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease';

export function planApk(names: string[]): { lines: string[]; ms: number; bytes: number; code: number } {
  const unknown = names.find((n) => !ALPINE_PKGS[n]);
  const lines = ['fetch https://dl-cdn.alpinelinux.org/alpine/v3.21/main/x86_64/APKINDEX.tar.gz', 'fetch https://dl-cdn.alpinelinux.org/alpine/v3.21/community/x86_64/APKINDEX.tar.gz'];
  if (unknown) {
    lines.push('ERROR: unable to select packages:', `  ${unknown} (no such package):`, '    required by: world[' + unknown + ']');
    return { lines, ms: 700, bytes: 0, code: 1 };
  }
  const all: string[] = [];
  const visit = (n: string) => {
    if (all.includes(n)) return;
    for (const d of ALPINE_PKGS[n]?.deps ?? []) visit(d);
    all.push(n);
  };
  for (const n of names) visit(n);
  all.forEach((n, i) => lines.push(`(${i + 1}/${all.length}) Installing ${n} (${ALPINE_PKGS[n].version})`));
  const kb = all.reduce((s, n) => s + ALPINE_PKGS[n].kb, 0);
  lines.push(`OK: ${Math.round((7800 + kb) / 1024)} MiB in ${15 + all.length} packages`);
  return { lines, ms: 900 + all.length * 120, bytes: kb * 1024, code: 0 };
}
