// save() and load(): the world as compact JSON text for storage, taken back exactly; anything else
// is refused with SnapshotError and leaves the session as it was.
import { describe, expect, it } from 'vitest';
import { createSession, SnapshotError } from '../../../simulators';

function busyWorld() {
  const s = createSession();
  s.run('docker pull nginx');
  for (let i = 0; i < 20; i++) s.run(`docker run -d --name web${i} nginx`);
  s.run("docker run -d --name crash --restart=always nginx sh -c 'sleep 2; exit 1'");
  s.run('mkdir -p site && echo hello > site/index.html');
  s.advance(60_000);
  return s;
}

describe('saving a world', () => {
  it('loads back exactly the world it saved, and the world goes on from there', () => {
    const s = busyWorld();
    const text = s.save();
    const t = createSession();
    t.load(text);
    expect(JSON.stringify(t.snapshot())).toBe(JSON.stringify(s.snapshot()));
    s.advance(30_000);
    t.advance(30_000);
    expect(t.run('docker ps -a --format "{{.Names}} {{.Status}}"').output).toBe(s.run('docker ps -a --format "{{.Names}} {{.Status}}"').output);
    expect(t.run('docker logs web3').output).toBe(s.run('docker logs web3').output);
  });

  it('writes what repeats once: each more nginx container costs under half its plain size', () => {
    const s = busyWorld();
    const before = { saved: s.save().length, plain: JSON.stringify(s.snapshot()).length };
    for (let i = 0; i < 20; i++) s.run(`docker run -d --name more${i} nginx`);
    const after = { saved: s.save().length, plain: JSON.stringify(s.snapshot()).length };
    expect(after.saved - before.saved).toBeLessThan((after.plain - before.plain) / 2);
    expect(s.save().split('NGINX_VERSION=1.27.3').length - 1).toBe(1);
  });

  it('loads a plain snapshot’s JSON too', () => {
    const s = busyWorld();
    const t = createSession();
    t.load(JSON.stringify(s.snapshot()));
    expect(t.run('docker ps -q | wc -l').output).toBe('21\n');
  });

  it('refuses text that is not a saved world and keeps the session as it was', () => {
    const t = createSession();
    t.run('echo keep > kept.txt');
    for (const bad of ['', 'not json', '{"compact":1,"shapes":[],"shared":[],"root":{"$":9}}', '{"compact":1,"shapes":[],"shared":[],"root":{}}', '[]', 'null']) {
      expect(() => t.load(bad)).toThrow(SnapshotError);
    }
    expect(t.run('cat kept.txt').output).toBe('keep\n');
  });
});
