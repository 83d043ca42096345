// What Ubuntu 24.04's command-not-found knows, as data: the commands of the archive (and of the snap
// store) that a learner on the laptop is likely to type, with the packages that ship them, and the
// commands a stock Ubuntu desktop has that this simulator does not model.
//
// The versions are what the handler's database showed on a noble machine in early 2025 (the
// scenario's clock: 3 March 2025), taken from real terminal transcripts where they exist. Note the
// database's own habit: a package never updated since release shows the version the release
// pocket's command index was made with, older than the one installed (coreutils 9.4-2ubuntu2, grep
// 3.11-3, tree 2.1.1-2), while an updated package shows its noble-updates version (procps, nano,
// git, vim). Lookups go by exact name; order is the database's (priority, then as listed).

/** A package that ships a command: a deb from the archive or a snap from the store. */
export interface ArchiveSource {
  kind: 'deb' | 'snap';
  name: string;
  version: string;
}

const deb = (name: string, version: string): ArchiveSource => ({ kind: 'deb', name, version });
const snap = (name: string, version: string): ArchiveSource => ({ kind: 'snap', name, version });

const COREUTILS = deb('coreutils', '9.4-2ubuntu2');
const PROCPS = deb('procps', '2:4.0.4-4ubuntu3.2');
const VIM = '2:9.1.0016-1ubuntu7.7';

const of = (source: ArchiveSource, names: string) => Object.fromEntries(names.split(' ').map((n) => [n, [source]]));

/**
 * command -> the packages that ship it, as `snap advise-snap` and the deb database answer. Every
 * laptop command that is a program on Ubuntu has its line here (a unit test keeps it so), since
 * did-you-mean suggests them too (`dcoker` -> docker).
 */
export const ARCHIVE: Readonly<Record<string, readonly ArchiveSource[]>> = {
  // The laptop's own programs (the simulator models them), for did-you-mean.
  ...of(
    COREUTILS,
    'cat ls cp mv rm mkdir rmdir touch echo printf pwd env whoami uname date sleep head tail wc sort tee test [ true false ' +
      'cut tr chmod chown chgrp ln id groups users who dir sum mktemp install uniq seq stat du df nproc basename dirname ' +
      'readlink realpath base64 md5sum sha256sum tac nl od split paste join comm fold fmt expand yes timeout tty printenv ' +
      'nohup nice sync truncate shred dd cksum',
  ),
  ...of(PROCPS, 'ps top free kill pgrep pkill pidof uptime w watch vmstat sysctl'),
  docker: [snap('docker', '27.5.1'), deb('docker.io', '26.1.3-0ubuntu1~24.04.1'), deb('podman-docker', '4.9.3+ds1-1ubuntu0.2')],
  kdocker: [deb('kdocker', '5.4-1')],
  grep: [deb('grep', '3.11-3')],
  less: [deb('less', '590-2ubuntu2.1')],
  more: [deb('util-linux', '2.39.3-9ubuntu6.1')],
  man: [deb('man-db', '2.12.0-4build2')],
  awk: [deb('mawk', '1.3.4.20240123-1build1')],
  mawk: [deb('mawk', '1.3.4.20240123-1build1')],
  jq: [snap('jq', '1.5+dfsg-1'), deb('jq', '1.7.1-3build1')],
  sed: [deb('sed', '4.9-2build1')],
  find: [deb('findutils', '4.9.0-5build1')],
  xargs: [deb('findutils', '4.9.0-5build1')],
  diff: [deb('diffutils', '1:3.10-1build1')],
  envsubst: [deb('gettext-base', '0.21-14ubuntu2')],
  nano: [snap('nano', '7.2+pkg-4057'), deb('nano', '7.2-2ubuntu0.1')],
  curl: [deb('curl', '8.5.0-2ubuntu10.6')],
  wget: [deb('wget', '1.21.4-1ubuntu4.1')],
  ping: [deb('iputils-ping', '3:20240117-1build1')],
  hostname: [deb('hostname', '3.23+nmu2ubuntu2')],
  which: [deb('debianutils', '5.17build1')],
  clear: [deb('ncurses-bin', '6.4+20240113-1ubuntu2')],

  // Not on a stock Ubuntu desktop: the handler says how to install them.
  vim: [
    deb('vim', VIM),
    deb('vim-tiny', VIM),
    deb('neovim', '0.7.2-7'),
    deb('vim-athena', VIM),
    deb('vim-gtk3', VIM),
    deb('vim-motif', VIM),
    deb('vim-nox', VIM),
  ],
  htop: [snap('htop', '3.3.0'), deb('htop', '3.2.2-2')],
  tree: [snap('tree', '2.1.3+pkg-5852'), deb('tree', '2.1.1-2')],
  make: [deb('make', '4.3-4.1build1'), deb('make-guile', '4.3-4.1build1')],
  gcc: [deb('gcc', '4:13.2.0-7ubuntu1')],
  git: [deb('git', '1:2.43.0-1ubuntu7.2')],
  pip: [deb('python3-pip', '24.0+dfsg-1ubuntu1')],
  pip3: [deb('python3-pip', '24.0+dfsg-1ubuntu1')],
  podman: [deb('podman', '4.9.3+ds1-1ubuntu0.2')],
  'docker-compose': [snap('docker', '27.5.1'), deb('docker-compose', '1.29.2-6')],
  ifconfig: [deb('net-tools', '2.10-0.1ubuntu4')],
  netstat: [deb('net-tools', '2.10-0.1ubuntu4')],
  sl: [deb('sl', '5.02-1')],
  cowsay: [deb('cowsay', '3.03+dfsg2-8')],
  neofetch: [deb('neofetch', '7.1.0-4')],
  kubectl: [snap('kubectl', '1.32.2')],
  helm: [snap('helm', '3.17.1')],
};

/**
 * Commands a stock Ubuntu 24.04 desktop has (a program, or one of bash's builtins) that this
 * simulator does not model, each with an optional pointer to what the simulator offers instead.
 * The handler never runs for these on a real machine, so they get Berth's own plain words.
 */
export const ON_UBUNTU: Readonly<Record<string, { builtin?: boolean; hint?: string }>> = {
  ...Object.fromEntries(
    (
      'su apt-cache apt-mark dpkg snap view ex editor vim.tiny free killall pkill pgrep pidof pstree uptime w vmstat ' +
      'info dash rbash perl chmod chown chgrp ln cmp tar gzip gunzip zcat bzip2 xz unzip ' +
      'id groups users who last passwd useradd userdel usermod adduser groupadd newgrp df du mount umount lsblk lscpu lsusb lspci ' +
      'dmesg stat file ip ss ssh scp sftp ssh-keygen nc netcat dig host nslookup systemctl journalctl service timedatectl ' +
      'hostnamectl reboot shutdown poweroff readlink tac rev od md5sum sha1sum ' +
      'sha256sum cksum split join paste comm fold fmt expand unexpand column nproc tty stty mktemp install timeout nohup nice ' +
      'printenv sync truncate shred dd hexdump script lsb_release openssl gpg crontab logger iconv locale getent lsof strace fuser'
    )
      .split(' ')
      .map((name) => [name, {}]),
  ),
  ...Object.fromEntries(
    'alias unalias trap exec builtin getopts umask ulimit pushd popd dirs shopt hash logout'
      .split(' ')
      .map((name) => [name, { builtin: true }]),
  ),
  sudo: { hint: 'docker runs without sudo on this laptop: type the docker command itself' },
  apt: { hint: 'to practise installing packages, use apt-get in a Debian-based container (nginx, python:3.12-slim) or apk in alpine' },
  'apt-get': { hint: 'to practise installing packages, use apt-get in a Debian-based container (nginx, python:3.12-slim) or apk in alpine' },
  vi: { hint: 'the editor here is nano: `nano FILE`' },
  top: { hint: '`ps aux` lists the processes; `docker top` and `docker stats` show a container\'s' },
  python3: { hint: 'Python runs in containers here: `docker run --rm python:3.12-slim python3 -c "print(1)"`' },
  bash: { hint: 'this terminal is already bash; `bash` and `sh` run inside containers (`docker run -it --rm ubuntu bash`)' },
  sh: { hint: 'this terminal is already bash; `bash` and `sh` run inside containers (`docker run -it --rm ubuntu bash`)' },
};

/** Tools the course has not reached yet: said plainly, instead of advice to install them. */
export const LATER: Readonly<Record<string, string>> = {
  kubectl: 'Kubernetes comes in a later chapter of the course',
  minikube: 'Kubernetes comes in a later chapter of the course',
  kind: 'Kubernetes comes in a later chapter of the course',
};
