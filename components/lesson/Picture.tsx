import { PICTURES } from '@/components/pictures';

/** `<Picture name="layer-cache" />`: one of the drawings in components/pictures, with its caption. */
export function Picture({ name, caption }: { name: string; caption?: string }) {
  const Drawing = PICTURES[name];
  // The build refuses an unknown name (lib/lessons.ts); this only guards a page built by hand.
  if (!Drawing) return null;
  return (
    <figure className="not-prose my-8">
      <div className="overflow-x-auto text-slate-800 dark:text-slate-200">
        <Drawing />
      </div>
      {caption && <figcaption className="mt-2 text-center text-sm text-slate-600 dark:text-slate-400">{caption}</figcaption>}
    </figure>
  );
}
