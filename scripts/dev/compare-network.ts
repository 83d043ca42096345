// Runs ping and nslookup both in the simulator and for real on this machine, and prints where they
// differ: output (stdout and stderr together) and exit status. The cases are data: add a line to
// CASES to check one more thing. The loop and report are ./compare/runner.ts's.
//
//   npx tsx scripts/dev/compare-network.ts            every case
//   npx tsx scripts/dev/compare-network.ts nslookup   only lines containing one of the words
//   npx tsx scripts/dev/compare-network.ts --all      also print the cases that agree
//
// Needs root, busybox and iputils-ping (`apt-get install -y busybox iputils-ping`).
//
// - `busybox` cases run inside a busybox:latest container of the simulator (glibc, like Debian's
//   busybox here: the same getopt wording) and as the real BusyBox applet (1.35.0 here, 1.37.0 in
//   the images: the usage banner is set aside, the rest of the two applets' code is the same).
// - `laptop` cases run on the simulated laptop and as the real iputils ping, as user nobody (the
//   learner is not root). This machine has iputils 20221126, Ubuntu 24.04 has 20240117: where their
//   words differ the case says so (`known`).
// - nslookup's answers come from a small DNS server this script starts on 127.0.0.11:53 that answers
//   as Docker's embedded server does (containers' names non-authoritatively, an empty AAAA answer for
//   them, NXDOMAIN for the rest, localhost as the loopback), so the real applet prints real replies of
//   the kind the simulator models. The simulator's container sits on a user-defined network whose
//   containers are what that server knows.
// Round-trip times differ run to run: `time=0.123 ms` and the statistics' numbers are set aside.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../../simulators';
import { compare, type KnownCase, type Outcome } from './compare/runner';
import { spawnOutcome } from './compare/real';

interface Case extends KnownCase {
  /** Where it runs: a busybox container and the real BusyBox, or the laptop and the real iputils ping. */
  on: 'busybox' | 'laptop';
  line: string;
  /** The real side's line when this machine needs another address for the same situation. */
  real?: string;
}

const STDBUF = '/usr/libexec/coreutils/libstdbuf.so';

/** An address where nothing answers: an unused one on the simulated bridge, a black hole here. */
const SILENT = { sim: '172.18.0.99', real: '10.255.255.1' };

const USAGE_20221126 = 'the usage of iputils 20240117 (the simulator) and 20221126 (here) differ in a few words';

const DEBIAN_WGET = "Debian's BusyBox leaves out wget's -T (FEATURE_WGET_TIMEOUT), so its usage lacks a line the images' has";

const CASES: Case[] = [
  // BusyBox ping
  { on: 'busybox', line: 'ping -c 2 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 3 -q 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 2 -i 0.2 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 1 -s 2 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 1 -s 100 127.0.0.1' },
  { on: 'busybox', line: 'ping -w 2 127.0.0.1' },
  { on: 'busybox', line: 'ping -w 3 -i 2 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 0 -w 2 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 2 0.0.0.0' },
  { on: 'busybox', line: 'ping -qc2 127.0.0.1' },
  { on: 'busybox', line: `ping -c 2 -W 1 ${SILENT.sim}`, real: `ping -c 2 -W 1 ${SILENT.real}` },
  { on: 'busybox', line: `ping -w 2 ${SILENT.sim}`, real: `ping -w 2 ${SILENT.real}` },
  { on: 'busybox', line: 'ping -c 1 -I 127.0.0.1 127.0.0.1' },
  { on: 'busybox', line: 'ping nosuchhost.invalid' },
  { on: 'busybox', line: 'ping' },
  { on: 'busybox', line: 'ping a b' },
  { on: 'busybox', line: 'ping -x 127.0.0.1' },
  { on: 'busybox', line: 'ping --foo 127.0.0.1' },
  { on: 'busybox', line: 'ping 127.0.0.1 -c' },
  { on: 'busybox', line: 'ping --help' },
  { on: 'busybox', line: 'ping -c abc 127.0.0.1' },
  { on: 'busybox', line: 'ping -c -1 127.0.0.1' },
  { on: 'busybox', line: 'ping -c +3 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 3000000000 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 99999999999 127.0.0.1' },
  { on: 'busybox', line: 'ping -s 70000 127.0.0.1' },
  { on: 'busybox', line: 'ping -i abc 127.0.0.1' },
  { on: 'busybox', line: 'ping -i 0.5x 127.0.0.1' },
  { on: 'busybox', line: 'ping -i 1.2.3 127.0.0.1' },
  { on: 'busybox', line: 'ping -p zz 127.0.0.1' },
  { on: 'busybox', line: 'ping -p 1ff 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 1 -p 0xff 127.0.0.1' },
  { on: 'busybox', line: 'ping -I nosuchif 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 1 127.0.0.1 >/dev/null; echo $?' },
  { on: 'busybox', line: 'ping -c 3 -A 127.0.0.1' },
  { on: 'busybox', line: 'ping -6 -c 1 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 1 -t 5 -v 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 1 -qv 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 1 -vq 127.0.0.1' },
  { on: 'busybox', line: 'ping -c 2 -w 5 127.0.0.1; echo $?' },
  { on: 'busybox', line: `ping -c 2 -w 3 ${SILENT.sim}; echo $?`, real: `ping -c 2 -w 3 ${SILENT.real}; echo $?` },
  // BusyBox nslookup, against Docker-like answers on 127.0.0.11
  { on: 'busybox', line: 'nslookup web 127.0.0.11' },
  { on: 'busybox', line: 'nslookup WEB 127.0.0.11' },
  { on: 'busybox', line: 'nslookup db 127.0.0.11' },
  { on: 'busybox', line: 'nslookup nosuch 127.0.0.11' },
  { on: 'busybox', line: 'nslookup example.com 127.0.0.11' },
  { on: 'busybox', line: 'nslookup localhost 127.0.0.11' },
  { on: 'busybox', line: 'nslookup 172.18.0.2 127.0.0.11' },
  { on: 'busybox', line: 'nslookup 172.18.0.77 127.0.0.11' },
  { on: 'busybox', line: 'nslookup -type=a web 127.0.0.11' },
  { on: 'busybox', line: 'nslookup -type=aaaa web 127.0.0.11' },
  { on: 'busybox', line: 'nslookup -type=A -type=AAAA web 127.0.0.11' },
  { on: 'busybox', line: 'nslookup -debug web 127.0.0.11' },
  { on: 'busybox', line: 'nslookup -type=ptr 172.18.0.2 127.0.0.11' },
  { on: 'busybox', line: 'nslookup -query=a web 127.0.0.11' },
  { on: 'busybox', line: 'nslookup -querytype=A web 127.0.0.11' },
  { on: 'busybox', line: 'nslookup web 127.0.0.11 >/dev/null; echo $?' },
  { on: 'busybox', line: 'nslookup nosuch 127.0.0.11 >/dev/null; echo $?' },
  { on: 'busybox', line: 'nslookup web 127.0.0.1' },
  { on: 'busybox', line: 'nslookup 172.18.0.2 127.0.0.1' },
  { on: 'busybox', line: 'nslookup web nosuchserver.invalid' },
  { on: 'busybox', line: 'nslookup' },
  { on: 'busybox', line: 'nslookup a b c' },
  { on: 'busybox', line: 'nslookup --help' },
  { on: 'busybox', line: 'nslookup -x web' },
  { on: 'busybox', line: 'nslookup -type=zz web' },
  { on: 'busybox', line: 'nslookup -type web' },
  { on: 'busybox', line: 'nslookup -port=0 web' },
  { on: 'busybox', line: 'nslookup -port=x web' },
  { on: 'busybox', line: 'nslookup -retry=0 web' },
  { on: 'busybox', line: 'nslookup -timeout=99999999 web' },
  { on: 'busybox', line: 'nslookup web -type=a' },
  // BusyBox wget's refusals (its transfers are checked in the simulator's own tests)
  { on: 'busybox', line: 'wget', known: DEBIAN_WGET },
  { on: 'busybox', line: 'wget -x http://127.0.0.1/', known: DEBIAN_WGET },
  { on: 'busybox', line: 'wget -qO- http://127.0.0.1:1/' },
  { on: 'busybox', line: 'wget -O- http://127.0.0.1:1/' },
  { on: 'busybox', line: 'wget -qO- http://nosuchhost.invalid/' },
  { on: 'busybox', line: 'wget -T abc http://127.0.0.1:1/' },
  { on: 'busybox', line: 'wget ftp:/x', known: 'BusyBox reads a URL without :// as host "ftp:" with an empty port; the simulator as host ftp' },
  { on: 'busybox', line: 'wget -qO- gopher://127.0.0.1/' },
  // iputils ping on the laptop
  { on: 'laptop', line: 'ping -c 2 127.0.0.1' },
  { on: 'laptop', line: 'ping -c 2 localhost' },
  { on: 'laptop', line: 'ping -c 3 -q 127.0.0.1' },
  { on: 'laptop', line: 'ping -c 3 -i 0.2 127.0.0.1' },
  { on: 'laptop', line: 'ping -w 2 127.0.0.1' },
  { on: 'laptop', line: 'ping -c 1 -s 2 127.0.0.1' },
  { on: 'laptop', line: 'ping -c 1 -s 100 127.0.0.1' },
  { on: 'laptop', line: `ping -c 2 -W 1 ${SILENT.sim}`, real: `ping -c 2 -W 1 ${SILENT.real}`, known: "this machine's network answers a user's ICMP socket with port unreachable: no silent address to compare with" },
  { on: 'laptop', line: 'ping -c 1 -n localhost' },
  { on: 'laptop', line: 'ping -c 2 -q localhost' },
  { on: 'laptop', line: 'ping -c 1 -w 5 127.0.0.1; echo $?' },
  { on: 'laptop', line: 'ping -c 3 -A 127.0.0.1' },
  { on: 'laptop', line: 'ping -c 2 -i 1.5 127.0.0.1' },
  { on: 'laptop', line: 'ping -c 1 -i abc 127.0.0.1', known: 'the flood refusal is worded differently by iputils 20240117' },
  { on: 'laptop', line: 'ping -c 1 -W abc 127.0.0.1' },
  { on: 'laptop', line: 'ping -c 1 -W -1 127.0.0.1' },
  { on: 'laptop', line: 'ping -c 1 -s -1 127.0.0.1' },
  { on: 'laptop', line: 'ping nosuchhost.invalid' },
  { on: 'laptop', line: 'ping' },
  { on: 'laptop', line: 'ping -x 127.0.0.1', known: USAGE_20221126 },
  { on: 'laptop', line: 'ping 127.0.0.1 -c', known: USAGE_20221126 },
  { on: 'laptop', line: 'ping -c abc 127.0.0.1' },
  { on: 'laptop', line: 'ping -c 0 127.0.0.1' },
  { on: 'laptop', line: 'ping -t 300 127.0.0.1' },
  { on: 'laptop', line: 'ping -4 -6 127.0.0.1' },
  { on: 'laptop', line: 'ping -i 0.001 127.0.0.1', known: 'iputils 20240117 words it "cannot flood, minimal interval for user must be >= 2 ms, use -i 0.002 (or higher)", and on a terminal the header comes first' },
  { on: 'laptop', line: 'ping -h', known: USAGE_20221126 },
  { on: 'laptop', line: 'ping --help', known: USAGE_20221126 },
  { on: 'laptop', line: 'ping -c 1 -q -- 127.0.0.1' },
  { on: 'laptop', line: 'ping -c 1 127.0.0.1 -q' },
  { on: 'laptop', line: 'ping -c1 -s 16 127.0.0.1' },
  { on: 'laptop', line: 'ping -c1 -s 15 127.0.0.1' },
];

// ---------------------------------------------------------------------------------------------
// The real side

/** Docker's embedded DNS as data: what the simulator's user-defined network `app` holds. */
const ZONE = { A: { web: ['172.18.0.2'], db: ['172.18.0.4'], box: ['172.18.0.3'], localhost: ['127.0.0.1'] }, AAAA: { localhost: ['::1'] }, PTR: { '2.0.18.172.in-addr.arpa': 'web.app', '4.0.18.172.in-addr.arpa': 'db.app', '3.0.18.172.in-addr.arpa': 'box.app', '1.0.0.127.in-addr.arpa': 'localhost' } };

/** A tiny DNS server (UDP, one question per message) answering from ZONE, never authoritatively. */
const DNS_SERVER = `
import json, socket, struct, sys
zone = json.loads(sys.argv[1])
known = {n.lower() for n in zone['A']} | {n.lower() for n in zone['AAAA']}
types = {1: 'A', 28: 'AAAA', 12: 'PTR'}
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(('127.0.0.11', 53))
print('ready', flush=True)
def enc(name):
    return b''.join(bytes([len(p)]) + p.encode() for p in name.split('.')) + b'\\0'
while True:
    q, addr = s.recvfrom(512)
    i = 12; labels = []
    while q[i]:
        labels.append(q[i+1:i+1+q[i]].decode()); i += q[i] + 1
    qtype = struct.unpack('>H', q[i+1:i+3])[0]
    question = q[12:i+5]
    name = '.'.join(labels); key = name.lower(); kind = types.get(qtype)
    answers = []
    if kind == 'PTR' and key in zone['PTR']:
        answers = [(12, enc(zone['PTR'][key]))]
    elif kind in ('A', 'AAAA') and key in known:
        for ip in {k.lower(): v for k, v in zone[kind].items()}.get(key, []):
            answers.append((qtype, socket.inet_pton(socket.AF_INET if kind == 'A' else socket.AF_INET6, ip)))
    rcode = 0 if answers or (kind in ('A', 'AAAA') and key in known) else 3
    flags = 0x8000 | (q[2] & 1) << 8 | 0x80 | rcode
    out = q[:2] + struct.pack('>HHHHH', flags, 1, len(answers), 0, 0) + question
    for t, data in answers:
        out += struct.pack('>HHHIH', 0xc00c, t, 1, 600, len(data)) + data
    s.sendto(out, addr)
`;

function startDns(): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', DNS_SERVER, JSON.stringify(ZONE)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => resolve(() => child.kill()));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the DNS server stopped (${code}): is port 53 of 127.0.0.11 free, and is this root?`)));
  });
}

function runReal(c: Case, bin: string): Outcome {
  const line = c.real ?? c.line;
  // BusyBox's applets come first in PATH, with stdout line-buffered as on a terminal (stdbuf's
  // library), so stdout and stderr interleave as a learner would see them. iputils runs as nobody,
  // whom ping treats as a user (its file capability keeps stdbuf's library out: stderr comes first).
  const script = c.on === 'busybox' ? `export PATH=${bin}:$PATH LD_PRELOAD=${STDBUF} _STDBUF_O=L; { ${line}; } 2>&1` : `{ ${line}; } 2>&1`;
  const argv = c.on === 'busybox' ? ['bash', '-c', script] : ['su', '-s', '/bin/bash', 'nobody', '-c', script];
  return spawnOutcome(argv, { env: { ...process.env, LC_ALL: 'C' }, timeout: 30_000 });
}

// ---------------------------------------------------------------------------------------------
// The simulated side

function simulator() {
  const s = createSession();
  for (const line of ['docker pull -q busybox', 'docker pull -q nginx', 'docker network create app', 'docker run -d --name web --network app nginx', 'docker run -d --name box --network app busybox sleep infinity', 'docker run -d --name db --network app nginx']) {
    const r = s.run(line);
    if (r.exitCode !== 0) throw new Error(`${line}: ${r.output}`);
  }
  return (c: Case) => {
    const quoted = `'${c.line.replace(/'/g, `'\\''`)}'`;
    return s.run(c.on === 'busybox' ? `docker exec box sh -c ${quoted}` : c.line, { maxSimMs: 60_000 });
  };
}

// ---------------------------------------------------------------------------------------------

/** What differs from run to run (times) or build to build (BusyBox's banner), set aside. */
function normalize(text: string, c: Case): string {
  let out = text
    .replace(/time=\d+(\.\d+)? ms/g, 'time=T ms')
    .replace(/round-trip min\/avg\/max = [\d./]+ ms/g, 'round-trip min/avg/max = T ms')
    .replace(/rtt min\/avg\/max\/mdev = [\d./]+ ms/g, 'rtt min/avg/max/mdev = T ms')
    .replace(/, time \d+ms/g, ', time Tms')
    .replace(/ipg\/ewma [\d./]+ ms/g, 'ipg/ewma T ms')
    .replace(/completed in \d+ms/g, 'completed in Tms')
    .replace(/^BusyBox v\S+ \([^)]*\) multi-call binary\./gm, 'BusyBox (build) multi-call binary.');
  if (c.real) out = out.split(SILENT.real).join(SILENT.sim);
  return out;
}

async function main() {
  const bin = mkdtempSync(join(tmpdir(), 'berth-network-'));
  for (const applet of ['ping', 'nslookup', 'wget']) symlinkSync(execFileSync('which', ['busybox'], { encoding: 'utf8' }).trim(), join(bin, applet));
  const stopDns = await startDns();
  const sim = simulator();
  try {
    await compare({
      cases: CASES,
      title: (c) => `[${c.on}] ${c.line}`,
      searched: (c) => c.line,
      real: (c) => runReal(c, bin),
      simulated: sim,
      normalize,
      layout: 'lines',
    });
  } finally {
    stopDns();
    rmSync(bin, { recursive: true, force: true });
  }
}

void main();
