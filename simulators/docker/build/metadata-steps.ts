// Instructions that change the image's config and history but make no layer: ARG, ENV, LABEL,
// MAINTAINER, EXPOSE, CMD, ENTRYPOINT, USER, VOLUME, STOPSIGNAL, SHELL, HEALTHCHECK, ONBUILD,
// each written into history as BuildKit writes it.
import { commandArgv } from './dockerfile';
import { processWords } from './shell-lex';
import { fail } from './plan';
import { PLATFORM_ARGS } from './stages';
import { BUILDKIT, type StepContext } from './step-context';

/** Go's %q for a []string, as BuildKit writes CMD and ENTRYPOINT into history. */
export function goQuoteList(items: string[]): string {
  return `[${items.map((s) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => c)).join(' ')}]`;
}

function setEnv(env: string[], key: string, value: string): string[] {
  const out = env.filter((e) => e.split('=')[0] !== key);
  out.push(`${key}=${value}`);
  return out;
}

/** Applies a metadata instruction; false when the instruction makes a layer (WORKDIR, COPY, ADD, RUN). */
export function metadataStep(c: StepContext): boolean {
  const { st, ins, expand, vars, plan, scope } = c;
  const { req } = plan;
  const meta = (createdBy: string) => st.history.push({ createdBy, sizeBytes: 0, emptyLayer: true, comment: BUILDKIT });
  switch (ins.keyword) {
    case 'ARG':
      for (const p of ins.pairs ?? []) {
        const fromGlobal = scope.declaredGlobal.has(p.key) ? scope.globalArgs[p.key] : PLATFORM_ARGS[p.key];
        const value = req.buildArgs[p.key] ?? (p.value !== undefined ? expand(p.value) : fromGlobal);
        st.args.set(p.key, value);
      }
      meta(`ARG ${(ins.pairs ?? []).map((p) => (st.args.get(p.key) === undefined ? p.key : `${p.key}=${st.args.get(p.key)}`)).join(' ')}`);
      return true;
    case 'ENV': {
      const pairs = (ins.pairs ?? []).map((p) => [p.key, ins.legacyKeyValue ? expand(p.value ?? '') : expand(p.value ?? '')] as const);
      for (const [k, v] of pairs) st.config.env = setEnv(st.config.env, k, v);
      meta(`ENV ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`);
      return true;
    }
    case 'LABEL': {
      const pairs = (ins.pairs ?? []).map((p) => [expand(p.key), expand(p.value ?? '')] as const);
      for (const [k, v] of pairs) st.config.labels = { ...st.config.labels, [k]: v };
      meta(`LABEL ${pairs.map(([k, v]) => `${k}=${v}`).join(' ')}`);
      return true;
    }
    case 'MAINTAINER':
      meta(`MAINTAINER ${ins.args[0]}`);
      return true;
    case 'EXPOSE': {
      const ports = processWords(ins.rest, vars, scope.escape);
      c.undefinedVars(ports.unmatched, ins);
      const list: string[] = [];
      for (const p of ports.words) {
        const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(p);
        if (!m) fail(`invalid containerPort: ${p.split('/')[0]}`, ins);
        const proto = (m![3] ?? 'tcp').toLowerCase();
        for (let port = Number(m![1]); port <= Number(m![2] ?? m![1]); port++) list.push(`${port}/${proto}`);
      }
      st.config.exposedPorts = [...new Set([...st.config.exposedPorts, ...list])];
      meta(`EXPOSE map[${[...new Set(list)].sort().map((p) => `${p}:{}`).join(' ')}]`);
      return true;
    }
    case 'CMD': {
      const argv = commandArgv(ins, st.shell);
      st.config.cmd = argv;
      meta(`CMD ${goQuoteList(argv)}`);
      return true;
    }
    case 'ENTRYPOINT': {
      const argv = commandArgv(ins, st.shell);
      st.config.entrypoint = argv.length ? argv : null;
      // An ENTRYPOINT resets a CMD inherited from the base image.
      if (!st.stage.commands.slice(0, st.stage.commands.indexOf(ins)).some((x) => x.keyword === 'CMD')) st.config.cmd = null;
      meta(`ENTRYPOINT ${goQuoteList(argv)}`);
      return true;
    }
    case 'USER':
      st.config.user = expand(ins.args[0]);
      meta(`USER ${st.config.user}`);
      return true;
    case 'VOLUME': {
      const vols = (ins.json ?? processWords(ins.rest, vars, scope.escape).words).map((v) => expand(v));
      st.config.volumes = [...new Set([...(st.config.volumes ?? []), ...vols])];
      meta(`VOLUME [${vols.join(' ')}]`);
      return true;
    }
    case 'STOPSIGNAL':
      st.config.stopSignal = expand(ins.args[0]);
      meta(`STOPSIGNAL ${st.config.stopSignal}`);
      return true;
    case 'SHELL':
      st.shell = ins.json ?? st.shell;
      meta(`SHELL [${st.shell.join(' ')}]`);
      return true;
    case 'HEALTHCHECK':
      meta(`HEALTHCHECK &{${goQuoteList(ins.args[0]?.toUpperCase() === 'NONE' ? ['NONE'] : ['CMD-SHELL', ins.rest.replace(/^CMD\s+/i, '')])} "0s" "0s" "0s" "0s" '\\x00'}`);
      return true;
    case 'ONBUILD':
      meta(`ONBUILD ${ins.rest}`);
      return true;
    case 'FROM':
      return true;
    default:
      return false;
  }
}
