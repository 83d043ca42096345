// The containers table: found by name in O(1) through an index kept beside the table, which must
// never disagree with the table itself (removal, a name used again, a restored world, a copied table).
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../simulators';
import { containerNamed, findContainer, removeFromState, setContainer } from '../../../../simulators/docker/engine/container-table';

describe('the containers table', () => {
  it('finds by name after removal and reuse of the name', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('docker create --name aa busybox');
    const first = findContainer(s.store.getState().docker, 'aa')!;
    s.run('docker rm aa');
    expect(findContainer(s.store.getState().docker, 'aa')).toBeUndefined();
    s.run('docker create --name aa busybox');
    const second = findContainer(s.store.getState().docker, '/aa')!;
    expect(second.id).not.toBe(first.id);
    expect(s.run('docker create --name aa busybox').output).toBe(`docker: Error response from daemon: Conflict. The container name "/aa" is already in use by container "${second.id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker create --help' for more information\n`);
  });

  it('follows a record whose name changed, and forgets a removed one', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('docker create --name old busybox');
    let w = s.store.getState();
    const c = containerNamed(w.docker, 'old')!;
    w = setContainer(w, { ...c, name: 'new' });
    expect(containerNamed(w.docker, 'old')).toBeUndefined();
    expect(containerNamed(w.docker, 'new')!.id).toBe(c.id);
    w = removeFromState(w, c.id);
    expect(containerNamed(w.docker, 'new')).toBeUndefined();
  });

  it('agrees with a restored world and with a copied table', () => {
    const s = createSession();
    s.run('docker pull busybox');
    for (const n of ['x1', 'x2', 'x3']) s.run(`docker create --name ${n} busybox`);
    const t = createSession();
    t.restore(s.snapshot());
    expect(['x1', 'x2', 'x3'].map((n) => findContainer(t.store.getState().docker, n)?.name)).toEqual(['x1', 'x2', 'x3']);
    const docker = { ...s.store.getState().docker, containers: { ...s.store.getState().docker.containers } };
    expect(containerNamed(docker, 'x2')?.name).toBe('x2');
  });

  it('finds by full id and by a unique id prefix, and not by an ambiguous one', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('docker create --name one busybox');
    const c = findContainer(s.store.getState().docker, 'one')!;
    expect(findContainer(s.store.getState().docker, c.id)?.name).toBe('one');
    expect(findContainer(s.store.getState().docker, c.id.slice(0, 5))?.name).toBe('one');
    expect(findContainer(s.store.getState().docker, '')).toBeUndefined();
  });
});
