// What a saved shell must look like: its file tree and its state (the laptop's, and each
// container's). A tree is checked by a walk that keeps its own stack, so a saved world of any depth
// is answered with a reason, never a stack overflow, and one deeper than the file system lets
// anything make (PATH_MAX) is refused: whatever walks trees later must never run out of stack.
import { z } from 'zod';
import { NAME_MAX, PATH_MAX, type DirNode } from './fs';
import { ARRAY_LIMIT, HISTORY_LIMIT, type ShellState } from './state';
import { SHELL_OPTIONS } from './options';

/** The deepest tree a path within PATH_MAX can reach (`/a/a/...`). */
export const TREE_DEPTH_LIMIT = Math.floor(PATH_MAX / 2);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 8.64e15;
const isMode = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 0o7777;

/** What is wrong with `value` as a directory tree (with the path to it), or undefined when nothing is. */
export function treeProblem(value: unknown): string | undefined {
  const pending: [unknown, string, number][] = [[value, '', 0]];
  while (pending.length) {
    const [node, path, depth] = pending.pop()!;
    const at = path || '/';
    if (!isObject(node)) return `${at}: not a file or directory`;
    if (node.kind !== 'file' && node.kind !== 'dir') return `${at}: not a file or directory`;
    if (!isMode(node.mode)) return `${at}: mode is not a permission number`;
    if (typeof node.owner !== 'string') return `${at}: owner is not a name`;
    if (!isTime(node.mtime)) return `${at}: mtime is not a time`;
    if (node.kind === 'file') {
      if (typeof node.content !== 'string') return `${at}: content is not text`;
      continue;
    }
    if (node.readOnly !== undefined && typeof node.readOnly !== 'boolean') return `${at}: readOnly is not true or false`;
    if (!isObject(node.children)) return `${at}: children is not a table of names`;
    if (depth >= TREE_DEPTH_LIMIT && Object.keys(node.children).length) return `${at}: deeper than ${TREE_DEPTH_LIMIT} directories`;
    for (const name of Object.keys(node.children)) {
      if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\0') || name.length > NAME_MAX) return `${at}: ${JSON.stringify(name.slice(0, 40))} is not a file name`;
      pending.push([node.children[name], `${path}/${name}`, depth + 1]);
    }
  }
  return undefined;
}

/** A directory tree, checked without recursion. */
export const dirTree = z.custom<DirNode>().superRefine((value, ctx) => {
  const problem = treeProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
  else if ((value as DirNode).kind !== 'dir') ctx.addIssue({ code: 'custom', message: 'the root must be a directory' });
});

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** An array's index as the shell writes it: a non-negative decimal within 64 bits, no leading zero. */
const ARRAY_INDEX = /^(0|[1-9][0-9]{0,18})$/;

/** An indexed array: its indices and values, no more elements than the shell lets one hold. */
const shellArray = z
  .record(z.string().regex(ARRAY_INDEX), z.string())
  .refine((array) => Object.keys(array).length <= ARRAY_LIMIT, { message: `more than ${ARRAY_LIMIT} elements` })
  .refine((array) => Object.keys(array).every((i) => BigInt(i) <= 0x7fffffffffffffffn), { message: 'an index past 64 bits' });

export const shellState: z.ZodType<ShellState> = z.object({
  cwd: z.string().startsWith('/'),
  oldpwd: z.string(),
  vars: z.record(z.string(), z.string()),
  exported: z.array(z.string()),
  history: z.array(z.string()).max(HISTORY_LIMIT),
  lastExitCode: z.number().int(),
  arrays: z.record(z.string().regex(VARIABLE_NAME), shellArray).optional(),
  // A function's text is parsed again when it is called: text that does not parse is no function.
  functions: z.record(z.string().min(1), z.string()).optional(),
  options: z.array(z.enum(SHELL_OPTIONS.map((o) => o.name) as [string, ...string[]])).optional(),
  positional: z.array(z.string()).optional(),
});
