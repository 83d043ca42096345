import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

function setup() {
  const s = createSession();
  for (const line of ['docker pull nginx', 'docker pull alpine']) expect(s.run(line).exitCode).toBe(0);
  return s;
}

const idOf = (s: ReturnType<typeof createSession>, name: string) => Object.values(s.store.getState().docker.containers).find((c) => c.name === name)!.id;

describe('docker volume create / ls / inspect', () => {
  it('creates a volume, prints its name and lists it', () => {
    const s = createSession();
    expect(s.run('docker volume create myvol')).toEqual({ output: 'myvol\n', exitCode: 0 });
    expect(s.run('docker volume create myvol')).toEqual({ output: 'myvol\n', exitCode: 0 });
    expect(s.run('docker volume ls')).toEqual({ output: 'DRIVER    VOLUME NAME\nlocal     myvol\n', exitCode: 0 });
    expect(s.run('docker volume ls -q').output).toBe('myvol\n');
    expect(s.run('docker volume ls --format "{{.Name}}: {{.Mountpoint}}"').output).toBe('myvol: /var/lib/docker/volumes/myvol/_data\n');
  });

  it('refuses names docker does not allow', () => {
    const s = createSession();
    expect(s.run('docker volume create "my vol"')).toEqual({
      output: 'Error response from daemon: create my vol: "my vol" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path\n',
      exitCode: 1,
    });
  });

  it('inspects a volume', () => {
    const s = createSession();
    s.run('docker volume create myvol');
    const r = s.run('docker volume inspect myvol');
    expect(r.output).toMatch(/^\[\n {4}\{\n {8}"CreatedAt": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ",\n {8}"Driver": "local",\n {8}"Labels": null,\n {8}"Mountpoint": "\/var\/lib\/docker\/volumes\/myvol\/_data",\n {8}"Name": "myvol",\n {8}"Options": null,\n {8}"Scope": "local"\n {4}\}\n\]\n$/);
    expect(s.run("docker volume inspect -f '{{.Mountpoint}}' myvol").output).toBe('/var/lib/docker/volumes/myvol/_data\n');
    expect(s.run('docker volume inspect nope')).toEqual({ output: '[]\nError response from daemon: get nope: no such volume\n', exitCode: 1 });
  });
});

describe('volumes in containers', () => {
  it('are made by run when missing, and keep data across containers', () => {
    const s = setup();
    expect(s.run('docker run --rm -v shared:/data alpine sh -c "echo hello > /data/greeting"').exitCode).toBe(0);
    expect(s.run('docker volume ls -q').output).toBe('shared\n');
    expect(s.run('docker run --rm -v shared:/data alpine cat /data/greeting')).toEqual({ output: 'hello\n', exitCode: 0 });
    // mounted elsewhere in another image, same files
    s.run('docker run -d --name web -v shared:/usr/share/nginx/html nginx');
    expect(s.run('docker exec web ls /usr/share/nginx/html').output).toBe('greeting\n');
    expect(s.run('curl -s localhost:80').exitCode).toBe(7);
  });

  it('show writes from one running container in another at once', () => {
    const s = setup();
    s.run('docker run -d --name one -v shared:/data alpine sleep 1000');
    s.run('docker run -d --name two -v shared:/srv alpine sleep 1000');
    s.run('docker exec one sh -c "mkdir /data/logs && echo one > /data/logs/1.txt"');
    expect(s.run('docker exec two ls /srv/logs').output).toBe('1.txt\n');
    s.run('docker exec two rm /srv/logs/1.txt');
    expect(s.run('docker exec one ls /data/logs')).toEqual({ output: '', exitCode: 0 });
    // the container's own files stay its own
    s.run('docker exec one touch /mine');
    expect(s.run('docker exec two ls /mine').exitCode).not.toBe(0);
  });

  it('cannot be removed while a container (even a stopped one) uses them', () => {
    const s = setup();
    s.run('docker run --name keeper -v myvol:/data alpine true');
    expect(s.run('docker volume rm myvol')).toEqual({ output: `Error response from daemon: remove myvol: volume is in use - [${idOf(s, 'keeper')}]\n`, exitCode: 1 });
    s.run('docker rm keeper');
    expect(s.run('docker volume rm myvol')).toEqual({ output: 'myvol\n', exitCode: 0 });
    expect(s.run('docker volume rm myvol')).toEqual({ output: 'Error response from daemon: get myvol: no such volume\n', exitCode: 1 });
    expect(s.run('docker volume rm -f myvol')).toEqual({ output: 'myvol\n', exitCode: 0 });
  });

  it('appear in docker inspect as mounts', () => {
    const s = setup();
    s.run('docker run -d --name web -v myvol:/data:ro nginx');
    expect(s.run("docker inspect -f '{{range .Mounts}}{{.Type}} {{.Name}} {{.Source}} {{.Destination}} {{.RW}}{{end}}' web").output).toBe('volume myvol /var/lib/docker/volumes/myvol/_data /data false\n');
  });
});

describe('bind mounts', () => {
  it("show the laptop's files inside, and writes come back to the laptop as root's", () => {
    const s = setup();
    s.run('mkdir site && echo "<h1>mine</h1>" > site/index.html');
    expect(s.run('docker run --rm -v $(pwd)/site:/app alpine cat /app/index.html').output).toBe('<h1>mine</h1>\n');
    expect(s.run('docker run --rm -v ./site:/app alpine sh -c "echo new > /app/made-inside.txt"').exitCode).toBe(0);
    expect(s.run('cat site/made-inside.txt').output).toBe('new\n');
    expect(s.run('ls -l site/made-inside.txt').output).toMatch(/^-rw-r--r-- 1 root root 4 /);
  });

  it('serve a folder of the laptop from nginx, live', () => {
    const s = setup();
    s.run('mkdir site && echo "v1" > site/index.html');
    s.run('docker run -d --name web -p 8080:80 -v /home/learner/site:/usr/share/nginx/html nginx');
    expect(s.run('docker exec web cat /usr/share/nginx/html/index.html').output).toBe('v1\n');
    s.run('echo v2 > site/index.html');
    expect(s.run('docker exec web cat /usr/share/nginx/html/index.html').output).toBe('v2\n');
    // nginx serves what is in its document root now
    expect(s.run('curl -s localhost:8080').output).toBe('v2\n');
    expect(s.run('curl -sI localhost:8080').output).toContain('Content-Length: 3\r\n');
    expect(s.run('curl -s -o /dev/null -w "%{http_code}" localhost:8080/missing.html').output).toBe('404');
    expect(s.run("docker inspect -f '{{range .Mounts}}{{.Type}} {{.Source}}{{end}}' web").output).toBe('bind /home/learner/site\n');
  });

  it('create a missing laptop folder, owned by root', () => {
    const s = setup();
    s.run('docker run --rm -v /home/learner/new:/x alpine true');
    expect(s.run('ls -ld new').output).toMatch(/^drwxr-xr-x 2 root root /);
  });
});

describe('docker volume prune', () => {
  it('removes only anonymous volumes unless --all', () => {
    const s = setup();
    s.run('docker volume create keepme');
    s.run('docker run --rm -v used:/data alpine true');
    s.run('docker pull redis');
    s.run('docker run -d --name cache redis');
    s.run('docker rm -f cache');
    const anonymous = s.run('docker volume ls -q').output.split('\n').find((n) => /^[0-9a-f]{64}$/.test(n))!;
    expect(anonymous).toBeDefined();
    expect(s.run('docker volume prune', { input: ['y\r'] }).output.replace(/\r/g, '')).toBe(
      `WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] y\nDeleted Volumes:\n${anonymous}\n\nTotal reclaimed space: 0B\n`,
    );
    expect(s.run('docker volume ls -q').output).toBe('keepme\nused\n');
    s.run('docker run --rm -v used:/data alpine sh -c "echo 12345 > /data/f"');
    expect(s.run('docker volume prune -a -f').output).toBe('Deleted Volumes:\nkeepme\nused\n\nTotal reclaimed space: 6B\n');
    expect(s.run('docker volume ls').output).toBe('DRIVER    VOLUME NAME\n');
  });
});

describe('a new volume mounted over the image\'s files', () => {
  it('is filled from the image first, then shared and changed like any volume', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('docker run -d --name web -p 8080:80 -v site:/usr/share/nginx/html nginx');
    expect(s.run('curl -s localhost:8080').output).toContain('<title>Welcome to nginx!</title>');
    expect(s.run('docker run --rm -v site:/data busybox ls /data').output).toBe('50x.html\nindex.html\n');
    s.run('docker run --rm -v site:/data busybox sh -c "echo hello > /data/index.html"');
    expect(s.run('curl -s localhost:8080').output).toBe('hello\n');
    // A volume that already holds files keeps them; one mounted where the image has nothing stays empty.
    s.run('docker run -d --name web2 -p 8081:80 -v site:/usr/share/nginx/html nginx');
    expect(s.run('curl -s localhost:8081').output).toBe('hello\n');
    expect(s.run('docker run --rm -v fresh:/data busybox ls /data').output).toBe('');
  });
});

describe('read-only mounts', () => {
  it('refuse every change with "Read-only file system", in each shell\'s words, and leave the data as it was', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('docker pull ubuntu');
    s.run('docker run --rm -v data:/data busybox sh -c "echo kept > /data/a"');
    const ash = s.run('docker run --rm -v data:/data:ro busybox sh -c "touch /data/x; echo hi > /data/a; rm /data/a; cat /data/a"');
    expect(ash.output).toBe(
      "touch: /data/x: Read-only file system\nsh: can't create /data/a: Read-only file system\nrm: can't remove '/data/a': Read-only file system\nkept\n",
    );
    expect(s.run('docker run --rm -v data:/data:ro ubuntu sh -c "echo hi > /data/a"').output).toBe('sh: 1: cannot create /data/a: Read-only file system\n');
    expect(s.run('docker run --rm -v data:/data busybox cat /data/a').output).toBe('kept\n');
  });

  it('a copy taken out of a read-only mount is writable', () => {
    const s = createSession();
    s.run('docker pull busybox');
    s.run('mkdir site && echo hi > site/index.html');
    const r = s.run('docker run --rm -v ./site:/site:ro busybox sh -c "cp -r /site /tmp/copy && touch /tmp/copy/new && ls /tmp/copy"');
    expect(r).toEqual({ output: 'index.html\nnew\n', exitCode: 0 });
    expect(s.run('cat site/index.html').output).toBe('hi\n');
  });
});
