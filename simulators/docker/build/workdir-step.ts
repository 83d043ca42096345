// WORKDIR: a layer that makes the directory (empty, unless it was missing) and moves into it.
import { resolvePath } from '../../shell/fs';
import { digestOf } from '../../core/hash';
import type { LayerStep, StepContext } from './step-context';

export function workdirStep(c: StepContext): LayerStep {
  const { st, ins, plan } = c;
  const raw = c.expand(ins.args[0]);
  if (!raw.startsWith('/') && !st.stage.commands.slice(0, st.stage.commands.indexOf(ins)).some((x) => x.keyword === 'WORKDIR')) {
    plan.warnings.push({ rule: 'WorkdirRelativePath', message: `Relative workdir "${raw}" can have unexpected results if the base image changes`, line: ins.line });
  }
  const path = resolvePath(st.config.workingDir || '/', raw);
  return {
    key: digestOf(`${st.key}|WORKDIR|${path}|${st.config.user}`),
    apply: () => {
      st.config.workingDir = path;
      if (!st.dirs.includes(path)) st.dirs = [...st.dirs, path];
      return { ms: 80, sizeBytes: 0, createdBy: `WORKDIR ${path}` };
    },
  };
}
