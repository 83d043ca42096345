import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../../simulators';

function setup() {
  const s = createSession();
  for (const line of ['docker pull nginx', 'docker pull alpine']) expect(s.run(line).exitCode).toBe(0);
  return s;
}

const idOf = (s: ReturnType<typeof createSession>, name: string) => Object.values(s.store.getState().docker.containers).find((c) => c.name === name)!.id;

describe('docker network ls', () => {
  it('lists the default networks, sorted by name', () => {
    expect(createSession().run('docker network ls')).toEqual({
      output: 'NETWORK ID     NAME      DRIVER    SCOPE\n8f3c2a1b9d4e   bridge    bridge    local\n2b7d9e1f4a6c   host      host      local\n5e9a1c3b7d2f   none      null      local\n',
      exitCode: 0,
    });
  });

  it('takes -q, filters and formats', () => {
    const s = createSession();
    s.run('docker network create app');
    expect(s.run('docker network ls -q').output.split('\n')).toHaveLength(5);
    expect(s.run('docker network ls --filter type=custom --format "{{.Name}} {{.Driver}}"').output).toBe('app bridge\n');
    expect(s.run('docker network ls -f driver=bridge --format "{{.Name}}"').output).toBe('app\nbridge\n');
    expect(s.run('docker network ls extra').output).toBe("docker: 'docker network ls' accepts no arguments\n\nUsage:  docker network ls [OPTIONS]\n\nRun 'docker network ls --help' for more information\n");
  });
});

describe('docker network create', () => {
  it('prints the new id and gives each bridge the next subnet', () => {
    const s = createSession();
    const r = s.run('docker network create app');
    expect(r.output).toMatch(/^[0-9a-f]{64}\n$/);
    s.run('docker network create back');
    expect(s.run("docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}' app back").output).toBe('172.18.0.0/16 172.18.0.1\n172.19.0.0/16 172.19.0.1\n');
    expect(s.run('docker network ls --format "{{.ID}} {{.Name}}"').output).toContain(`${r.output.slice(0, 12)} app`);
  });

  it('refuses a name that is taken, and drivers it does not have', () => {
    const s = createSession();
    s.run('docker network create app');
    expect(s.run('docker network create app')).toEqual({ output: 'Error response from daemon: network with name app already exists\n', exitCode: 1 });
    expect(s.run('docker network create -d host h2').output).toBe('Error response from daemon: only one instance of "host" network is allowed\n');
    expect(s.run('docker network create --subnet 10.5.0.0/24 lab').exitCode).toBe(0);
    expect(s.run("docker network inspect -f '{{(index .IPAM.Config 0).Gateway}}' lab").output).toBe('10.5.0.1\n');
    expect(s.run('docker network create').output).toContain("docker: 'docker network create' requires 1 argument");
  });
});

describe('containers on networks', () => {
  it('get an address on the network they were started on', () => {
    const s = setup();
    s.run('docker network create app');
    s.run('docker run -d --name api --network app nginx');
    expect(s.run("docker inspect -f '{{.NetworkSettings.Networks.app.IPAddress}} {{.NetworkSettings.Networks.app.Gateway}}' api").output).toBe('172.18.0.2 172.18.0.1\n');
    expect(s.run('docker run -d --name web nginx').exitCode).toBe(0);
    expect(s.run("docker inspect -f '{{.NetworkSettings.IPAddress}}' web").output).toBe('172.17.0.2\n');
  });

  it('reach each other by name on a user-defined network', () => {
    const s = setup();
    s.run('docker network create app');
    s.run('docker run -d --name web --network app nginx');
    const page = s.run('docker exec web cat /usr/share/nginx/html/index.html').output;
    expect(s.run('docker run --rm --network app alpine wget -qO- http://web')).toEqual({ output: page, exitCode: 0 });
    // nginx's image has curl, and a container reaches itself by its own name too
    expect(s.run('docker exec web curl -s http://web')).toEqual({ output: page, exitCode: 0 });
    // nginx logs each caller's address on the network, one line per request, in order: the
    // throwaway alpine container (172.18.0.3, BusyBox wget), then web itself (172.18.0.2).
    expect(s.run('docker logs web 2>/dev/null').output).toBe(
      [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
        '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
        '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
        '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        '',
      ].join('\n') +
        '172.18.0.3 - - [03/Mar/2025:09:00:04 +0000] "GET / HTTP/1.1" 200 615 "-" "Wget" "-"\n' +
        '172.18.0.2 - - [03/Mar/2025:09:00:04 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1" "-"\n',
    );
  });

  it('do not resolve names on the default bridge, only addresses', () => {
    const s = setup();
    s.run('docker run -d --name web nginx');
    expect(s.run('docker run --rm alpine wget -qO- http://web')).toEqual({ output: "wget: bad address 'web'\n", exitCode: 1 });
    expect(s.run('docker run --rm alpine wget -qO- http://172.17.0.2').output).toContain('Welcome to nginx!');
  });

  it('have no curl in alpine, and wget speaks BusyBox', () => {
    const s = setup();
    s.run('docker network create app');
    s.run('docker run -d --name web --network app nginx');
    s.run('docker run -d --name box --network app alpine sleep 1000');
    expect(s.run('docker exec box curl http://web')).toEqual({
      output: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\n',
      exitCode: 127,
    });
    expect(s.run('docker exec box wget http://web')).toEqual({
      output: "Connecting to web (172.18.0.2:80)\nsaving to 'index.html'\nindex.html           100% |*******************************|   615  0:00:00 ETA\n'index.html' saved\n",
      exitCode: 0,
    });
    expect(s.run('docker exec box cat index.html').output).toContain('Welcome to nginx!');
    expect(s.run('docker exec box wget -q -O- http://web/missing')).toEqual({ output: 'wget: server returned error: HTTP/1.1 404 Not Found\n', exitCode: 1 });
    expect(s.run('docker exec box wget -q -O- http://box:8080')).toEqual({ output: "wget: can't connect to remote host (172.18.0.3): Connection refused\n", exitCode: 1 });
  });

  it('are isolated between networks', () => {
    const s = setup();
    s.run('docker network create app');
    s.run('docker network create back');
    s.run('docker run -d --name db --network back nginx');
    expect(s.run('docker run --rm --network app alpine wget -qO- http://db').output).toBe("wget: bad address 'db'\n");
    expect(s.run('docker run --rm --network app alpine wget -q -T 3 -O- http://172.19.0.2').output).toBe('wget: download timed out\n');
  });
});

describe('docker network connect / disconnect', () => {
  it('attaches a running container, which can then reach the others by name', () => {
    const s = setup();
    s.run('docker network create app');
    s.run('docker run -d --name web --network app nginx');
    s.run('docker run -d --name box alpine sleep 1000');
    expect(s.run('docker exec box wget -qO- http://web').exitCode).toBe(1);
    expect(s.run('docker network connect app box')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('docker exec box wget -qO- http://web').output).toContain('Welcome to nginx!');
    expect(s.run("docker inspect -f '{{.NetworkSettings.Networks.app.IPAddress}}' box").output).toBe('172.18.0.3\n');
    expect(s.run('docker network connect app box').output).toBe('Error response from daemon: endpoint with name box already exists in network app\n');
    expect(s.run('docker network disconnect app box')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('docker exec box wget -qO- http://web').output).toBe("wget: bad address 'web'\n");
    expect(s.run('docker network disconnect app box').output).toBe(`Error response from daemon: container ${idOf(s, 'box')} is not connected to network app\n`);
  });

  it('names the missing container or network', () => {
    const s = setup();
    s.run('docker run -d --name box alpine sleep 1000');
    expect(s.run('docker network connect nope box')).toEqual({ output: 'Error response from daemon: network nope not found\n', exitCode: 1 });
    expect(s.run('docker network connect bridge nope')).toEqual({ output: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
  });
});

describe('docker network rm / inspect / prune', () => {
  it('refuses to remove a network with running containers on it', () => {
    const s = setup();
    s.run('docker network create app');
    s.run('docker run -d --name web --network app nginx');
    const r = s.run('docker network rm app');
    expect(r.exitCode).toBe(1);
    expect(r.output).toMatch(/^Error response from daemon: error while removing network: network app has active endpoints \(name:"web" id:"[0-9a-f]{12}"\)\n$/);
    s.run('docker stop web');
    expect(s.run('docker network rm app')).toEqual({ output: 'app\n', exitCode: 0 });
    expect(s.run('docker network rm app')).toEqual({ output: 'Error response from daemon: network app not found\n', exitCode: 1 });
    expect(s.run('docker network rm -f app')).toEqual({ output: '', exitCode: 0 });
    expect(s.run('docker network rm bridge').output).toBe('Error response from daemon: bridge is a pre-defined network and cannot be removed\n');
  });

  it('inspects a network with its containers', () => {
    const s = setup();
    s.run('docker network create app');
    s.run('docker run -d --name web --network app nginx');
    const [n] = JSON.parse(s.run('docker network inspect app').output);
    expect(Object.keys(n)).toEqual(['Name', 'Id', 'Created', 'Scope', 'Driver', 'EnableIPv4', 'EnableIPv6', 'IPAM', 'Internal', 'Attachable', 'Ingress', 'ConfigFrom', 'ConfigOnly', 'Containers', 'Options', 'Labels']);
    expect(n.Containers[idOf(s, 'web')]).toMatchObject({ Name: 'web', MacAddress: '02:42:ac:12:00:02', IPv4Address: '172.18.0.2/16', IPv6Address: '' });
    expect(s.run('docker network inspect nope')).toEqual({ output: '[]\nError response from daemon: network nope not found\n', exitCode: 1 });
  });

  it('prunes the user-defined networks nothing uses', () => {
    const s = setup();
    s.run('docker network create app');
    s.run('docker network create idle');
    s.run('docker run -d --name web --network app nginx');
    expect(s.run('docker network prune', { input: ['y\r'] }).output.replace(/\r/g, '')).toBe(
      'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] y\nDeleted Networks:\nidle\n\n',
    );
    expect(s.run('docker network ls --format "{{.Name}}"').output).toBe('app\nbridge\nhost\nnone\n');
    expect(s.run('docker network prune -f').output).toBe('');
  });
});

describe('--network host', () => {
  it('shares the laptop\'s name and ports: nothing to publish, so ps shows no ports', () => {
    const s = createSession();
    s.run('docker run -d --name hostweb --network host nginx');
    expect(s.run('docker exec hostweb hostname').output).toBe('laptop\n');
    expect(s.run('docker exec hostweb cat /etc/hosts').output).toBe('127.0.0.1 localhost\n127.0.1.1 laptop\n');
    expect(s.run('docker ps --format "{{.Names}} [{{.Ports}}]"').output).toBe('hostweb []\n');
    expect(s.run('curl -s localhost').output).toContain('<title>Welcome to nginx!</title>');
  });
});
