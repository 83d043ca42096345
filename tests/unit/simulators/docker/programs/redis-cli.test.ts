// redis-cli in the redis image: one-shot commands, a prompt, pipes, other containers by name,
// and the keys living on the server's container.
import { describe, expect, it } from 'vitest';
import { createSession, stripAnsi } from '../../../../../simulators';
import { execute, formatReply, splitArgs } from '../../../../../simulators/docker/programs/redis-cli';

describe('redis-cli', () => {
  it('answers one command from its arguments, raw when not at a terminal', () => {
    const s = createSession();
    s.run('docker run -d --name cache redis');
    expect(s.run('docker exec cache redis-cli ping')).toEqual({ output: 'PONG\n', exitCode: 0 });
    expect(s.run('docker exec cache redis-cli set greeting hi').output).toBe('OK\n');
    expect(s.run('docker exec cache redis-cli get greeting').output).toBe('hi\n');
    expect(s.run('docker exec -t cache redis-cli get greeting').output).toBe('"hi"\n');
  });

  it('keeps a prompt with -it, decorating replies, until quit', () => {
    const s = createSession();
    s.run('docker run -d --name cache redis');
    const r = s.run('docker exec -it cache redis-cli', { input: ['set n 1\r', 'incr n\r', 'get missing\r', 'keys *\r', 'nosuch\r', 'quit\r'] });
    expect(stripAnsi(r.output)).toBe(
      [
        '127.0.0.1:6379> set n 1',
        'OK',
        '127.0.0.1:6379> incr n',
        '(integer) 2',
        '127.0.0.1:6379> get missing',
        '(nil)',
        '127.0.0.1:6379> keys *',
        '1) "n"',
        '127.0.0.1:6379> nosuch',
        "(error) ERR unknown command 'nosuch', with args beginning with: ",
        '127.0.0.1:6379> quit',
        '',
      ].join('\n'),
    );
  });

  it('reaches another container\'s server by name on a user network; the keys go with the container', () => {
    const s = createSession();
    s.run('docker network create app');
    s.run('docker run -d --name cache --network app redis');
    s.run('docker run --rm --network app redis redis-cli -h cache set visits 41');
    expect(s.run('docker run --rm --network app redis redis-cli -h cache incr visits').output).toBe('42\n');
    expect(s.run('docker run --rm redis redis-cli -h cache ping')).toEqual({ output: 'Could not connect to Redis at cache:6379: Name or service not known\n', exitCode: 1 });
    s.run('docker rm -f cache');
    s.run('docker run -d --name cache --network app redis');
    expect(s.run('docker exec cache redis-cli get visits').output).toBe('\n');
  });

  it('reads commands from a pipe, one per line', () => {
    const s = createSession();
    s.run('docker run -d --name cache redis');
    expect(s.run('printf "set a 1\\nget a\\n" | docker exec -i cache redis-cli').output).toBe('OK\n1\n');
  });
});

describe('the command table', () => {
  it('splits quoted arguments and keeps errors in redis words', () => {
    expect(splitArgs('set k "a b" \'c d\'')).toEqual(['set', 'k', 'a b', 'c d']);
    expect(execute({}, ['GET']).reply).toEqual({ kind: 'error', text: "ERR wrong number of arguments for 'get' command" });
    expect(execute({ n: 'x' }, ['incr', 'n']).reply).toEqual({ kind: 'error', text: 'ERR value is not an integer or out of range' });
    expect(formatReply({ kind: 'array', items: [] }, true)).toBe('(empty array)\n');
    expect(execute({ a: '1' }, ['del', 'a', 'b'])).toEqual({ reply: { kind: 'int', n: 1 }, keys: {} });
  });
});
