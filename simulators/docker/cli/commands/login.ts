// docker login [SERVER]: the client asks for what it was not given (user name, then a password it
// does not echo), has the daemon check them with the registry, and stores them in
// ~/.docker/config.json as base64 of `user:password`, warning that they are not encrypted (no
// credential helper is configured on this laptop). Wording and order from the Docker 28 client
// (docker/cli cli/command/registry/login.go, cli/command/registry.go), checked against it.
import type { CommandContext, Effect } from '../../../core/process';
import { lineReader } from '../../../core/tty';
import { mkdir, lookup, setAttributes, writeFile } from '../../../shell/fs';
import { hostnameOf, INDEX_SERVER, loginDomain, registryLogin, withLogin } from '../../engine/auth';
import { registryKind } from '../../engine/registry';
import { daemonError, latency } from '../output';
import { dockerCommand } from '../spec';

type Run = Generator<Effect, number, string | null>;

// ---------------------------------------------------------------------------------------------
// The client's config file (shared with docker logout)

export function configPath(ctx: CommandContext): { dir: string; file: string } {
  const dir = ctx.env.DOCKER_CONFIG || `${ctx.machine.identity().home}/.docker`;
  return { dir, file: `${dir}/config.json` };
}

/** The config file's JSON, or an empty one when it is missing or unreadable. */
export function readConfig(ctx: CommandContext): Record<string, unknown> {
  const node = lookup(ctx.machine.fs(), configPath(ctx).file);
  if (!node.ok || node.value.kind !== 'file') return {};
  try {
    const data = JSON.parse(node.value.content) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function authsOf(config: Record<string, unknown>): Record<string, { auth?: string }> {
  const auths = config.auths;
  return auths && typeof auths === 'object' && !Array.isArray(auths) ? (auths as Record<string, { auth?: string }>) : {};
}

/** Writes config.json as the client does: `auths` first with sorted keys, tab-indented, mode 0600. */
export function writeConfig(ctx: CommandContext, config: Record<string, unknown>): void {
  const { dir, file } = configPath(ctx);
  const auths = authsOf(config);
  const sorted = Object.fromEntries(Object.keys(auths).sort().map((k) => [k, auths[k]]));
  // Go writes the ConfigFile struct: `auths` is its first field, whatever else the file holds.
  const rest = Object.fromEntries(Object.entries(config).filter(([k]) => k !== 'auths'));
  const text = JSON.stringify({ auths: sorted, ...rest }, null, '\t');
  const identity = ctx.machine.identity();
  const actor = { user: identity.user, now: ctx.world().clock.now };
  let fs = ctx.machine.fs();
  if (!lookup(fs, dir).ok) {
    const made = mkdir(fs, dir, actor, { parents: true });
    if (!made.ok) return;
    const locked = setAttributes(made.value, dir, { mode: 0o700 }, actor);
    fs = locked.ok ? locked.value : made.value;
  }
  const isNew = !lookup(fs, file).ok;
  const written = writeFile(fs, file, text, actor);
  if (!written.ok) return;
  fs = written.value;
  if (isNew) {
    const locked = setAttributes(fs, file, { mode: 0o600 }, actor);
    if (locked.ok) fs = locked.value;
  }
  ctx.machine.setFs(fs);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
  }
  return out;
}

function unbase64(text: string): string | undefined {
  const clean = text.replace(/=+$/, '');
  if (/[^A-Za-z0-9+/]/.test(clean)) return undefined;
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    value = (value << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 255);
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The stored user and password for a registry key (the file store's Get, legacy keys included). */
function storedCredentials(config: Record<string, unknown>, key: string): { username: string; password: string } | undefined {
  const auths = authsOf(config);
  const entry = auths[key] ?? Object.entries(auths).find(([k]) => hostnameOf(k) === key)?.[1];
  const decoded = entry?.auth ? unbase64(entry.auth) : undefined;
  const colon = decoded?.indexOf(':') ?? -1;
  if (!decoded || colon <= 0 || colon === decoded.length - 1) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

// ---------------------------------------------------------------------------------------------
// What the client prints

/** The client's `Info →` note (docker/cli internal/tui): a badge and italic text on a terminal. */
function infoNote(ctx: CommandContext, lines: string[]): string {
  if (!ctx.tty) return `\n Info -> ${lines.join('\n         ')}\n`;
  const [first, ...rest] = lines;
  const badge = '\x1b[1m\x1b[106m\x1b[30mi\x1b[0m\x1b[0m \x1b[96mInfo → \x1b[0m\x1b[0m';
  return `\n${badge}\x1b[3m${first}\x1b[0m\n${rest.map((l) => `         \x1b[3m${l}\x1b[0m\n`).join('')}`;
}

const REGISTER_SUGGEST =
  "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.";
const PAT_SUGGEST =
  'You can log in with your password or a Personal Access Token (PAT). Using a limited-scope PAT grants better security and is required for organizations using SSO. Learn more at https://docs.docker.com/go/access-tokens/';

const hintsEnabled = (ctx: CommandContext) => !/^(0|f|false)$/i.test(ctx.env.DOCKER_CLI_HINTS ?? '');

function unencryptedWarning(path: string): string {
  return `\nWARNING! Your credentials are stored unencrypted in '${path}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n`;
}

// ---------------------------------------------------------------------------------------------

/** Reads the learner's typed line; null (Ctrl-D, or no more input) counts as an empty answer. */
function* ask(ctx: CommandContext, reader: ReturnType<typeof lineReader>, prompt: string, echo: boolean): Generator<Effect, string, string | null> {
  ctx.out(prompt);
  const line = yield* reader.next(ctx, { echo });
  // The terminal echoes Enter; input that ended without one leaves the cursor on the prompt line.
  if (line === null) ctx.out('\n');
  return line ?? '';
}

/** Has the daemon check the credentials, stores them and reports, as loginWithUsernameAndPassword does. */
function* logIn(ctx: CommandContext, key: string, username: string, password: string): Run {
  yield latency(700);
  const refused = registryLogin(key, username, password, ctx.world().docker);
  if (refused) return daemonError(ctx, refused);
  const config = readConfig(ctx);
  const auths = authsOf(config);
  const auth = base64(`${username}:${password}`);
  if (auths[key]?.auth !== auth || Object.keys(auths[key]).length !== 1) {
    writeConfig(ctx, { ...config, auths: { ...auths, [key]: { auth } } });
    ctx.err(unencryptedWarning(configPath(ctx).file));
  }
  ctx.update((w) => ({ ...w, docker: withLogin(w.docker, loginDomain(key), username) }));
  ctx.out('Login Succeeded\n');
  return 0;
}

export const login = dockerCommand('login', {
  args: [{ name: 'SERVER', optional: true }],
  *run(ctx): Run {
    const f = ctx.command.flags;
    const given = ctx.command.given;
    if (given.has('password-stdin')) {
      if (given.has('password')) {
        ctx.err('conflicting options: cannot specify both --password and --password-stdin\n');
        return 1;
      }
      if (!given.has('username')) {
        ctx.err('the --password-stdin option requires --username to be set\n');
        return 1;
      }
    }
    let username = String(f.username ?? '').trim();
    let password = String(f.password ?? '');
    if (given.has('username') && username === '') {
      ctx.err('username is empty\n');
      return 1;
    }
    if (given.has('password') && password === '') {
      ctx.err('password is empty\n');
      return 1;
    }
    if (password) ctx.err('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n');

    const reader = lineReader();
    const piped = ctx.stdin !== null;
    if (f['password-stdin']) {
      let contents = ctx.stdin ?? '';
      if (!piped) {
        // From the terminal, everything typed until Ctrl-D.
        for (let line = yield* reader.next(ctx); line !== null; line = yield* reader.next(ctx)) contents += `${line}\n`;
      }
      password = contents.replace(/\n$/, '').replace(/\r$/, '');
    }

    const [server] = ctx.command.args;
    const address = server && server !== 'docker.io' ? server : INDEX_SERVER;
    const isHub = address === INDEX_SERVER;
    const key = isHub ? INDEX_SERVER : hostnameOf(address);

    let defaultUsername = '';
    if (username === '' && password === '') {
      const stored = storedCredentials(readConfig(ctx), key);
      if (stored) {
        ctx.err(`Authenticating with existing credentials... [Username: ${stored.username}]\n`);
        ctx.err(`${infoNote(ctx, ["To login with a different account, run 'docker logout' followed by 'docker login'"])}\n\n`);
        yield latency(600);
        if (!registryLogin(key, stored.username, stored.password, ctx.world().docker)) {
          ctx.update((w) => ({ ...w, docker: withLogin(w.docker, loginDomain(key), stored.username) }));
          ctx.out('Login Succeeded\n');
          return 0;
        }
        ctx.err('Stored credentials invalid or expired\n');
        defaultUsername = stored.username;
      }
    }

    if ((username === '' || password === '') && piped) {
      ctx.err('Error: Cannot perform an interactive login from a non TTY device\n');
      if (f['password-stdin'] && password === '' && registryKind(hostnameOf(key)) === 'ecr') {
        ctx.err(
          `berth: nothing reached docker login on its standard input. The aws CLI is not part of this simulated laptop, so \`aws ecr get-login-password\` prints nothing here; to practise, pipe any token instead:\n  echo mytoken | docker login --username AWS --password-stdin ${hostnameOf(key)}\n`,
        );
      }
      return 1;
    }

    // Docker Hub with neither a user name nor a password: the real Docker 28 client starts a
    // web-based device-code login (a one-time code to confirm in a browser). A browser sign-in
    // cannot happen here, so the client does what it does when that flow cannot start: says so
    // and asks for a user name and password (as with -u, or DOCKER_CLI_DISABLE_OAUTH_LOGIN=1).
    if (username === '') {
      if (isHub && password === '' && !['1', 'true'].includes(ctx.env.DOCKER_CLI_DISABLE_OAUTH_LOGIN ?? '')) {
        ctx.err('Failed to start web-based login - falling back to command line login...\n\n');
      }
      if (isHub) {
        ctx.out(`${REGISTER_SUGGEST}\n`);
        if (hintsEnabled(ctx)) ctx.out(`${PAT_SUGGEST}\n\n`);
      }
      const typed = (yield* ask(ctx, reader, defaultUsername ? `Username (${defaultUsername}): ` : 'Username: ', true)).trim();
      username = typed || defaultUsername;
      if (!username) {
        ctx.err('Error: Non-null Username Required\n');
        return 1;
      }
    }
    if (password.trim() === '') {
      if (isHub) ctx.err(infoNote(ctx, ['A Personal Access Token (PAT) can be used instead.', `To create a PAT, visit ${ctx.tty ? '\x1b[4mhttps://app.docker.com/settings\x1b[0m' : 'https://app.docker.com/settings'}`, '', '']));
      password = yield* ask(ctx, reader, 'Password: ', false);
      if (password === '') {
        ctx.err('Error: Password Required\n');
        return 1;
      }
    }
    return yield* logIn(ctx, key, username, password);
  },
});
