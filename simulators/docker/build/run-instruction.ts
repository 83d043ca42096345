// RUN: its cache key (the command, the environment and build args it sees, user and directory),
// and the command run in a throwaway container (run-step.ts), whose files become the layer.
import { digestOf } from '../../core/hash';
import { commandArgv } from './dockerfile';
import { runStep } from './run-step';
import type { LayerStep, StepContext } from './step-context';

/** The RUN step starting at `start`. */
export function runInstruction(c: StepContext, start: number): LayerStep {
  const { st, ins, plan } = c;
  const { world, req, cache, startAt } = plan;
  const heredoc = ins.heredocs[0];
  const onlyHeredoc = heredoc && /^<<-?['"]?[A-Za-z_][A-Za-z0-9_]*['"]?$/.test(ins.rest.trim());
  const argv = onlyHeredoc ? [...st.shell, heredoc.content] : commandArgv(ins, st.shell);
  const runEnv = [...st.config.env];
  const buildArgEnv: string[] = [];
  for (const [k, v] of st.args) {
    if (v === undefined) continue;
    buildArgEnv.push(`${k}=${v}`);
    if (!runEnv.some((e) => e.startsWith(`${k}=`))) runEnv.push(`${k}=${v}`);
  }
  const argvText = argv.join(' ');
  const createdBy = `RUN ${buildArgEnv.length ? `|${buildArgEnv.length} ${buildArgEnv.join(' ')} ` : ''}${argvText} # buildkit`;
  const key = digestOf(`${st.key}|RUN|${JSON.stringify(argv)}|${runEnv.join('\n')}|${st.config.user}|${st.config.workingDir}`);
  return {
    key,
    apply: () => {
      const shellForm = !ins.json || onlyHeredoc;
      const entry = cache[key];
      const at = entry && !req.noCache ? entry.created : startAt + start;
      const result = runStep({
        world,
        at,
        image: { base: st.distroBase, repository: st.repository, slim: st.slim, files: st.files, dirs: st.dirs },
        env: runEnv,
        workdir: st.config.workingDir || '/',
        user: st.config.user,
        script: shellForm ? argv[argv.length - 1] : undefined,
        argv: shellForm ? undefined : argv,
        seed: key,
      });
      const logs = result.logs.filter((l) => !(l.text === 'exit' && /\bexit\b/.test(argvText))).map((l) => ({ at: l.ms + 150, text: l.text }));
      if (result.exitCode !== 0) {
        return { ms: 180 + result.ms, sizeBytes: 0, logs, error: `process "${argvText}" did not complete successfully: exit code: ${result.exitCode}`, createdBy };
      }
      st.files = result.files;
      st.dirs = result.dirs;
      return { ms: 200 + result.ms, sizeBytes: result.addedBytes, logs, createdBy };
    },
  };
}
