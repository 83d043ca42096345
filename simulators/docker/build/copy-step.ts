// COPY and ADD: the files each source names (from the context, an earlier stage or image, or a
// heredoc) placed under the destination, and a cache key made of every copied file's content.
import { byteLength, resolvePath } from '../../shell/fs';
import { digestOf, stableHex } from '../../core/hash';
import { findImage, viewImage } from '../engine/images';
import { cleanSource, filesOf, matchSource } from './context';
import { splitWords } from './dockerfile';
import { addVertex, fail } from './plan';
import { imageDirs } from './run-step';
import { displayExpand, type LayerStep, type StepContext } from './step-context';

const joinPath = (dir: string, rel: string) => resolvePath(dir || '/', rel);

/** The COPY or ADD step named `name`, starting at `start` (a source that is missing fails there). */
export function copyStep(c: StepContext, name: string, start: number): LayerStep {
  const { st, ins, plan, scope, context, sessionRef, vars } = c;
  const { docker } = plan;
  const words = (ins.json ?? splitWords(ins.rest, scope.escape)).map((w) => c.expand(w));
  const heredocs = new Map(ins.heredocs.map((h) => [h.name, h]));
  const dest = words[words.length - 1];
  const srcs = words.slice(0, -1);
  const chown = ins.flags.chown ? c.expand(ins.flags.chown) : '';
  const fromRef = ins.flags.from ? c.expand(ins.flags.from) : undefined;
  const copies: { path: string; content: string }[] = [];
  const destAbs = joinPath(st.config.workingDir, dest);
  const baseDirs = imageDirs({ base: st.distroBase, repository: st.repository, slim: st.slim, files: st.files, dirs: st.dirs });
  const destIsDir = dest.endsWith('/') || dest === '.' || baseDirs.has(destAbs) || st.dirs.includes(destAbs);
  let fromFiles: Record<string, string> | undefined;
  if (fromRef !== undefined) {
    const s = scope.stageByName(fromRef, c.stageIndex);
    if (s !== undefined) fromFiles = c.finalStates.get(s)!.files;
    else {
      const local = findImage(docker, fromRef);
      fromFiles = local ? viewImage(docker, local).files : {};
    }
  }
  // Each source's files with their path below the destination directory.
  const items: { rel: string; content: string }[] = [];
  let singleFile = srcs.length === 1;
  for (const s of srcs) {
    const here = /^<<-?['"]?([A-Za-z_][A-Za-z0-9_]*)/.exec(s);
    if (here && heredocs.has(here[1])) {
      const h = heredocs.get(here[1])!;
      items.push({ rel: h.name, content: h.expand ? displayExpand(h.content, vars) : h.content });
      continue;
    }
    if (ins.keyword === 'ADD' && /^https?:\/\//.test(s)) {
      const v = addVertex(plan, `${name}`, start, start + 40, { error: `ADD from a URL is not simulated in this terminal: ${s}` });
      plan.t = v.end;
      fail(`ADD from a URL is not simulated in this terminal: ${s}`, ins, v);
    }
    if (fromFiles) {
      const clean = `/${cleanSource(s)}`.replace(/\/$/, '') || '/';
      const exact = fromFiles[clean];
      const under = Object.entries(fromFiles).filter(([p]) => p.startsWith(clean === '/' ? '/' : `${clean}/`));
      if (exact !== undefined) items.push({ rel: clean.split('/').pop()!, content: exact });
      else if (under.length) {
        singleFile = false;
        for (const [p, content] of under) items.push({ rel: p.slice(clean === '/' ? 1 : clean.length + 1), content });
      } else {
        const v = addVertex(plan, name, start, start + 10, { error: `failed to calculate checksum of ref ${sessionRef}: "${clean}": not found` });
        plan.t = v.end;
        fail(`failed to compute cache key: failed to calculate checksum of ref ${sessionRef}: "${clean}": not found`, ins, v);
      }
      continue;
    }
    const matches = matchSource(context, s);
    const found = matches.flatMap((m) => filesOf(context, m).map((f) => ({ m, f })));
    const ignored = matches.length > 0 && found.length === 0 && matches.every((m) => !m.isDir);
    if (!matches.length || ignored) {
      const shownPath = `/${cleanSource(s)}`;
      if (ignored) plan.warnings.push({ rule: 'CopyIgnoredFile', message: `Attempting to Copy file "${cleanSource(s)}" that is excluded by .dockerignore`, line: ins.line });
      const v = addVertex(plan, name, start, start + 10, { error: `failed to calculate checksum of ref ${sessionRef}: "${shownPath}": not found` });
      plan.t = v.end;
      fail(`failed to compute cache key: failed to calculate checksum of ref ${sessionRef}: "${shownPath}": not found`, ins, v);
    }
    if (matches.length > 1 || matches.some((m) => m.isDir)) singleFile = false;
    for (const { f } of found) items.push({ rel: f.rel, content: f.file.content });
  }
  if (srcs.length > 1 && !dest.endsWith('/') && !destIsDir) {
    fail(`When using ${ins.keyword} with more than one source file, the destination must be a directory and end with a /`, ins);
  }
  const many = !singleFile;
  for (const item of items) {
    const path = singleFile && !destIsDir ? destAbs : `${destAbs.replace(/\/$/, '')}/${item.rel}`;
    copies.push({ path: joinPath('/', path), content: item.content });
  }
  const inputs = copies.map((p) => `${p.path}:${stableHex(p.content)}`).sort().join(',');
  return {
    key: digestOf(`${st.key}|${ins.keyword}|${destAbs}|${chown}|${ins.flags.chmod ?? ''}|${inputs}`),
    apply: () => {
      const files = { ...st.files };
      let bytes = 0;
      for (const p of copies) {
        files[p.path] = p.content;
        bytes += byteLength(p.content);
      }
      st.files = files;
      if (many || destIsDir) st.dirs = [...new Set([...st.dirs, destAbs.replace(/\/$/, '') || '/'])];
      return { ms: 45 + bytes / 20_000, sizeBytes: bytes, createdBy: `${ins.keyword} ${srcs.join(' ')} ${dest} # buildkit` };
    },
  };
}
