'use client';
// A lesson's code block. Shell commands get "Run" (typed into the terminal this part of the lesson
// uses, visibly, as if by hand) and "Copy"; a file's content gets "Copy" and, when the lesson marks
// it with file="path", "Write to file" (saved in that terminal's machine as an editor would).
// Long lines scroll sideways; being focusable lets keyboard users scroll them too.
import { isValidElement, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { terminalFor, useBenchContext } from '@/components/workbench/bench-context';
import { useHydrated } from '@/components/ui/use-hydrated';

const SHELL = new Set(['bash', 'sh', 'shell']);

type CodeBlockProps = ComponentProps<'pre'> & { 'data-file'?: string; 'data-fails'?: string };

export function CodeBlock({ children, 'data-file': file, 'data-fails': _fails, ...props }: CodeBlockProps) {
  const context = useBenchContext();
  const hydrated = useHydrated();
  const ref = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('');
  const text = textOf(children).replace(/\n$/, '');
  const language = languageOf(children);
  const runnable = Boolean(context) && SHELL.has(language);
  const writable = Boolean(context) && file !== undefined;

  const target = () => (ref.current ? terminalFor(ref.current) : undefined);
  const say = (message: string) => {
    setStatus(message);
    window.setTimeout(() => setStatus((now) => (now === message ? '' : now)), 4000);
  };

  const run = () => {
    const key = target();
    if (!context || !key) return;
    if (window.matchMedia('(max-width: 1023px)').matches) context.bench.setExpanded(true);
    context.bench.withTerminal(key, (terminal) => {
      if (terminal.run(text) === 'busy') say('The terminal is still running a command. Stop it with Ctrl+C, then press Run again.');
    });
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      say('Copied.');
    } catch {
      say('Your browser did not allow copying; select the text and copy it by hand.');
    }
  };
  const write = () => {
    const key = target();
    if (!context || !key || !file) return;
    context.bench.withTerminal(key, (terminal) => {
      const result = terminal.writeFile(file, `${text}\n`);
      say(result.ok ? `Saved ${result.path} in the terminal's machine.` : `Could not save ${result.path}: ${result.error}.`);
    });
  };

  const label = file ?? (SHELL.has(language) ? 'shell' : language || 'text');
  return (
    <div ref={ref} className="not-prose my-5" data-code-block={language || 'text'}>
      <div className="flex min-h-9 flex-wrap items-center justify-between gap-2 rounded-t-md border-b border-slate-700 bg-slate-800 px-3 py-1">
        <span className="font-mono text-xs text-slate-300">{label}</span>
        <span className="flex gap-1.5">
          {runnable && (
            <Button disabled={!hydrated} onClick={run} label={`Run: ${text.split('\n')[0]}`} primary>
              Run
            </Button>
          )}
          {writable && (
            <Button disabled={!hydrated} onClick={write} label={`Write to file ${file}`} primary>
              Write to file
            </Button>
          )}
          <Button disabled={!hydrated} onClick={copy} label="Copy">
            Copy
          </Button>
        </span>
      </div>
      <pre {...props} tabIndex={0} className={`${props.className ?? ''} overflow-x-auto rounded-b-md bg-slate-900 p-4 text-sm leading-relaxed text-slate-100`}>
        {children}
      </pre>
      <p role="status" aria-live="polite" className="mt-1 text-sm text-slate-700 empty:hidden dark:text-slate-300">
        {status}
      </p>
    </div>
  );
}

function Button({ onClick, label, primary, disabled, children }: { onClick(): void; label: string; primary?: boolean; disabled?: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      className={`rounded px-2 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-harbor-300 ${
        primary ? 'bg-harbor-600 text-white hover:bg-harbor-500' : 'bg-slate-700 text-slate-100 hover:bg-slate-600'
      }`}
    >
      {children}
    </button>
  );
}

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

function languageOf(node: ReactNode): string {
  const element = Array.isArray(node) ? node.find(isValidElement) : node;
  if (!isValidElement<{ className?: string }>(element)) return '';
  return /language-(\S+)/.exec(element.props.className ?? '')?.[1] ?? '';
}
