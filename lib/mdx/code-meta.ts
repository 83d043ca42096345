// A rehype plugin that hands a code fence's meta to its block: ```dockerfile file="Dockerfile" gives
// the block a "Write to file" button for that path, and ```bash fails marks a command that fails on
// purpose. MDX drops the meta otherwise.
interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  data?: { meta?: string | null };
  children?: HastNode[];
}

export class CodeMetaError extends Error {}

export function parseCodeMeta(meta: string): { file?: string; fails: boolean } {
  const file = /(?:^|\s)file="([^"]+)"/.exec(meta)?.[1];
  const fails = /(?:^|\s)fails(?:\s|$)/.test(meta);
  const rest = meta.replace(/(?:^|\s)file="[^"]*"/, ' ').replace(/(?:^|\s)fails(?=\s|$)/, ' ').trim();
  if (rest) throw new CodeMetaError(`unknown code block option "${rest}" (known: file="path", fails)`);
  if (file !== undefined && (file.includes('..') || /[\x00-\x1f]/.test(file))) throw new CodeMetaError(`file="${file}" must be a plain path inside the working directory`);
  return { file, fails };
}

export function codeMeta({ file }: { file: string }) {
  return (tree: unknown) => {
    const visit = (node: HastNode) => {
      if (node.type === 'element' && node.tagName === 'pre') {
        const code = node.children?.find((c) => c.type === 'element' && c.tagName === 'code');
        const meta = code?.data?.meta;
        if (meta) {
          let parsed;
          try {
            parsed = parseCodeMeta(meta);
          } catch (error) {
            throw new CodeMetaError(`${file}: ${(error as Error).message}`);
          }
          node.properties = { ...node.properties, ...(parsed.file ? { dataFile: parsed.file } : {}), ...(parsed.fails ? { dataFails: 'true' } : {}) };
        }
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree as HastNode);
  };
}
