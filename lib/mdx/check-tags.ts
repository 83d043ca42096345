// A remark plugin that makes an unknown MDX tag a build error. MDX would otherwise compile
// `<Termnal />` into a component lookup that fails only when a learner opens the page.
interface MdxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number } };
}

export interface CheckTagsOptions {
  allowed: readonly string[];
  file: string;
  /** Attributes whose value must be one of a list, by tag: e.g. a Terminal's scenario must exist. */
  choices?: Record<string, Record<string, readonly string[]>>;
}

export class LessonTagError extends Error {}

export function checkTags({ allowed, file, choices = {} }: CheckTagsOptions) {
  const known = new Set(allowed);
  return (tree: unknown) => {
    const visit = (node: MdxNode) => {
      // Generated exports (the frontmatter) have no position; only an author's own import or export does.
      if (node.type === 'mdxjsEsm' && node.position) {
        throw new LessonTagError(`${file}:${node.position?.start.line ?? '?'}: lessons cannot import or export; use a component from the registry (${[...known].join(', ')})`);
      }
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && !known.has(node.name)) {
        throw new LessonTagError(
          `${file}:${node.position?.start.line ?? '?'}: unknown tag <${node.name}>. Lessons may use: ${[...known].sort().join(', ')} (components/lesson/mdx-components.tsx)`,
        );
      }
      for (const attribute of node.name ? node.attributes ?? [] : []) {
        const allowedValues = choices[node.name!]?.[attribute.name ?? ''];
        if (allowedValues && typeof attribute.value === 'string' && !allowedValues.includes(attribute.value)) {
          throw new LessonTagError(`${file}:${node.position?.start.line ?? '?'}: <${node.name} ${attribute.name}="${attribute.value}"> is not one of: ${allowedValues.join(', ')}`);
        }
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree as MdxNode);
  };
}
