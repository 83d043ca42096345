// docker logout [SERVER]: forget the stored credentials. The Docker 28 client says it removes them
// whether or not any were stored, and tries the legacy forms of the key too (http://, https://).
import { withoutLogin, hostnameOf, INDEX_SERVER, loginDomain } from '../../engine/auth';
import { DOCKER_HUB } from '../../reference';
import { dockerCommand } from '../spec';
import { authsOf, readConfig, writeConfig } from './login';

export const logout = dockerCommand('logout', {
  args: [{ name: 'SERVER', optional: true }],
  run(ctx) {
    const [server] = ctx.command.args;
    const address = server || INDEX_SERVER;
    const host = server ? hostnameOf(server) : INDEX_SERVER;
    const keys = server ? [address, host, `http://${host}`, `https://${host}`] : [INDEX_SERVER];
    ctx.out(`Removing login credentials for ${host}\n`);
    const config = readConfig(ctx);
    const auths = { ...authsOf(config) };
    const erased = keys.filter((k) => k in auths);
    if (erased.length) {
      for (const k of erased) delete auths[k];
      writeConfig(ctx, { ...config, auths });
    }
    // `docker logout docker.io` names no key the client stored Docker Hub's login under: it stays.
    const domain = server ? loginDomain(host) : DOCKER_HUB;
    if (!server || erased.length || domain !== DOCKER_HUB) ctx.update((w) => ({ ...w, docker: withoutLogin(w.docker, domain) }));
    return 0;
  },
});
