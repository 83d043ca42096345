// redis-cli in the redis image: one command from the command line (`redis-cli ping`) or an
// interactive `127.0.0.1:6379>` prompt. It talks to the redis server it reaches on the network
// (the container's own by default, `-h name` on a user network); the server's keys live on that
// container, so they outlast the client and vanish when the container is removed.
import { UNLIMITED } from '../../core/budget';
import { compileGlob } from '../../shell/glob-match';
import type { CommandContext, Effect, NestedShell } from '../../core/process';
import type { CommandSpec } from '../../core/command/spec';
import { bashBuiltin } from '../../core/command/dialects';
import { finishedProcess } from '../../shell/process';
import { connectFrom } from '../../network/connect';
import { setContainer } from '../engine/container-table';

type Reply = { kind: 'status'; text: string } | { kind: 'error'; text: string } | { kind: 'int'; n: number } | { kind: 'bulk'; text: string | null } | { kind: 'array'; items: string[] };

/** Splits a line as redis-cli does: words, with "double" and 'single' quotes. */
export function splitArgs(line: string): string[] | undefined {
  const out: string[] = [];
  const re = /\s*(?:"((?:\\.|[^"\\])*)"|'([^']*)'|(\S+))/g;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(line)) && m[0].length) {
    at = re.lastIndex;
    out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] ?? m[3]);
  }
  if (line.slice(at).trim()) return undefined;
  return out;
}

const ARITY: Record<string, number> = { PING: -1, ECHO: 2, SET: -3, GET: 2, DEL: -2, EXISTS: -2, INCR: 2, DECR: 2, INCRBY: 3, KEYS: 2, DBSIZE: 1, FLUSHALL: -1, FLUSHDB: -1, TTL: 2, TYPE: 2, APPEND: 3, STRLEN: 2, MSET: -3, MGET: -2 };

/** Runs one command against a server's keys; returns the reply and the keys after it. */
export function execute(keys: Readonly<Record<string, string>>, argv: string[]): { reply: Reply; keys: Record<string, string> } {
  const name = argv[0].toUpperCase();
  const args = argv.slice(1);
  const next = { ...keys };
  const arity = ARITY[name];
  if (arity === undefined) {
    const start = args.length ? args.map((a) => `'${a}'`).join(' ') + ' ' : '';
    return { reply: { kind: 'error', text: `ERR unknown command '${argv[0]}', with args beginning with: ${start}` }, keys };
  }
  if ((arity > 0 && argv.length !== arity) || (arity < 0 && argv.length < -arity)) {
    return { reply: { kind: 'error', text: `ERR wrong number of arguments for '${argv[0].toLowerCase()}' command` }, keys };
  }
  const integer = (k: string): number | Reply => {
    const v = keys[k] ?? '0';
    return /^-?\d+$/.test(v) ? Number(v) : { kind: 'error', text: 'ERR value is not an integer or out of range' };
  };
  switch (name) {
    case 'PING':
      return { reply: args[0] !== undefined ? { kind: 'bulk', text: args[0] } : { kind: 'status', text: 'PONG' }, keys };
    case 'ECHO':
      return { reply: { kind: 'bulk', text: args[0] }, keys };
    case 'SET':
      next[args[0]] = args[1];
      return { reply: { kind: 'status', text: 'OK' }, keys: next };
    case 'MSET':
      if (args.length % 2) return { reply: { kind: 'error', text: "ERR wrong number of arguments for 'mset' command" }, keys };
      for (let i = 0; i < args.length; i += 2) next[args[i]] = args[i + 1];
      return { reply: { kind: 'status', text: 'OK' }, keys: next };
    case 'GET':
      return { reply: { kind: 'bulk', text: keys[args[0]] ?? null }, keys };
    case 'MGET':
      return { reply: { kind: 'array', items: args.map((k) => keys[k] ?? '') }, keys };
    case 'APPEND':
      next[args[0]] = (keys[args[0]] ?? '') + args[1];
      return { reply: { kind: 'int', n: next[args[0]].length }, keys: next };
    case 'STRLEN':
      return { reply: { kind: 'int', n: (keys[args[0]] ?? '').length }, keys };
    case 'DEL':
    case 'EXISTS': {
      const found = args.filter((k) => k in keys);
      if (name === 'DEL') for (const k of found) delete next[k];
      return { reply: { kind: 'int', n: found.length }, keys: name === 'DEL' ? next : keys };
    }
    case 'INCR':
    case 'DECR':
    case 'INCRBY': {
      const value = integer(args[0]);
      if (typeof value !== 'number') return { reply: value, keys };
      const by = name === 'INCRBY' ? Number(args[1]) : name === 'INCR' ? 1 : -1;
      if (!Number.isInteger(by)) return { reply: { kind: 'error', text: 'ERR value is not an integer or out of range' }, keys };
      next[args[0]] = String(value + by);
      return { reply: { kind: 'int', n: value + by }, keys: next };
    }
    case 'KEYS': {
      // Redis's glob (* ? [...] \\), matched without backtracking: a pattern may be anything.
      const pattern = compileGlob(args[0], UNLIMITED);
      return { reply: { kind: 'array', items: Object.keys(keys).filter((k) => pattern.matches(k)) }, keys };
    }
    case 'DBSIZE':
      return { reply: { kind: 'int', n: Object.keys(keys).length }, keys };
    case 'FLUSHALL':
    case 'FLUSHDB':
      return { reply: { kind: 'status', text: 'OK' }, keys: {} };
    case 'TTL':
      return { reply: { kind: 'int', n: args[0] in keys ? -1 : -2 }, keys };
    default: // TYPE
      return { reply: { kind: 'status', text: args[0] in keys ? 'string' : 'none' }, keys };
  }
}

/** How redis-cli prints a reply: decorated at a terminal, raw when piped. */
export function formatReply(reply: Reply, tty: boolean): string {
  switch (reply.kind) {
    case 'status':
      return `${reply.text}\n`;
    case 'error':
      return tty ? `(error) ${reply.text}\n` : `${reply.text}\n`;
    case 'int':
      return tty ? `(integer) ${reply.n}\n` : `${reply.n}\n`;
    case 'bulk':
      if (reply.text === null) return tty ? '(nil)\n' : '\n';
      return tty ? `${JSON.stringify(reply.text)}\n` : `${reply.text}\n`;
    case 'array':
      if (!reply.items.length) return tty ? '(empty array)\n' : '';
      return reply.items.map((item, i) => (tty ? `${i + 1}) ${JSON.stringify(item)}\n` : `${item}\n`)).join('');
  }
}

/** The container of the redis server the client reaches at host:port, if one is listening there. */
function serverAt(ctx: CommandContext, host: string, port: number): string | undefined {
  const target = connectFrom(ctx, host, port);
  if (target.kind !== 'endpoint') return undefined;
  const { server, place } = target.endpoint;
  return server?.protocol === 'redis' && server.port === target.endpoint.port && place.startsWith('container/') ? place.slice('container/'.length) : undefined;
}


export const redisCli: CommandSpec = {
  name: 'redis-cli',
  summary: 'Redis command line interface',
  dialect: bashBuiltin,
  rawArgs: true,
  builtinOnly: true,
  *run(ctx: CommandContext): Generator<Effect, number, string | null> {
    const argv = [...ctx.command.args];
    let host = '127.0.0.1';
    let port = 6379;
    while (argv[0]?.startsWith('-')) {
      const flag = argv.shift()!;
      if (flag === '-h') host = argv.shift() ?? host;
      else if (flag === '-p') port = Number(argv.shift() ?? port);
      else if (flag === '--version' || flag === '-v') {
        ctx.out('redis-cli 7.4.2\n');
        return 0;
      } else {
        ctx.err(`Unrecognized option or bad number of args for: '${flag}'\n`);
        return 1;
      }
    }
    const keysOf = (id: string) => ctx.world().docker.containers[id]?.redisKeys ?? {};
    const store = (id: string, keys: Record<string, string>) => ctx.update((w) => setContainer(w, { ...w.docker.containers[id], redisKeys: keys }));
    const refused = `Could not connect to Redis at ${host}:${port}: ${connectFrom(ctx, host, port).kind === 'unresolved' ? 'Name or service not known' : 'Connection refused'}`;
    yield { type: 'wait', ms: 5 };

    if (argv.length) {
      const server = serverAt(ctx, host, port);
      if (!server) {
        ctx.err(`${refused}\n`);
        return 1;
      }
      const { reply, keys } = execute(keysOf(server), argv);
      store(server, keys);
      ctx.out(formatReply(reply, ctx.tty !== null));
      return 0;
    }

    // No command: read commands, from a pipe one per line, or at a prompt until quit / Ctrl-D.
    if (ctx.stdin !== null || ctx.tty === null) {
      const server = serverAt(ctx, host, port);
      if (!server) {
        ctx.err(`${refused}\n`);
        return 1;
      }
      for (const line of (ctx.stdin ?? '').split('\n').filter((l) => l.trim())) {
        const args = splitArgs(line);
        if (!args) continue;
        const { reply, keys } = execute(keysOf(server), args);
        store(server, keys);
        ctx.out(formatReply(reply, false));
      }
      return 0;
    }
    const prompt = () => (serverAt(ctx, host, port) ? `${host}:${port}> ` : 'not connected> ');
    const history: string[] = [];
    const repl: NestedShell = {
      prompt: () => ({ text: prompt(), width: prompt().length }),
      check: () => 'complete',
      complete: () => ({ insert: '', candidates: [] }),
      history: () => history,
      eofText: '',
      start(line, { write }) {
        const args = splitArgs(line);
        if (line.trim()) history.push(line);
        if (!args) {
          write('Invalid argument(s)\n');
          return finishedProcess(0);
        }
        if (!args.length) return finishedProcess(0);
        if (/^(quit|exit)$/i.test(args[0])) return finishedProcess(0, true);
        const server = serverAt(ctx, host, port);
        if (!server) {
          write(`${refused}\n`);
          return finishedProcess(1);
        }
        const { reply, keys } = execute(keysOf(server), args);
        store(server, keys);
        write(formatReply(reply, true));
        return finishedProcess(0);
      },
    };
    const result: string | null = yield { type: 'shell', shell: repl };
    return Number(result ?? 0) || 0;
  },
};
