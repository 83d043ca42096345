import type { ComponentProps } from 'react';

/**
 * A lesson's code block. Long commands scroll sideways; being focusable lets keyboard users scroll
 * them too (WCAG: scrollable regions must be reachable).
 */
export function CodeBlock(props: ComponentProps<'pre'>) {
  return <pre {...props} tabIndex={0} />;
}
