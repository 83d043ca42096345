// Chapter 5's drawing of an image name taken apart: registry, repository, then a tag after ':' or a
// digest after '@'; and the short name `nginx` with the parts Docker fills in. Each part of a name is
// its own <text> with a fixed textLength, so the brackets under it line up whatever the monospace font.

type Part = 'registry' | 'repository' | 'tag' | 'digest';

interface Piece {
  text: string;
  part?: Part;
  /** Not typed: Docker fills it in. */
  implied?: boolean;
}

interface Example {
  heading: string;
  pieces: Piece[];
}

const EXAMPLES: Example[] = [
  {
    heading: 'A name with a tag',
    pieces: [
      { text: 'registry.example.com', part: 'registry' },
      { text: '/' },
      { text: 'team/myapp', part: 'repository' },
      { text: ':' },
      { text: '1.0', part: 'tag' },
    ],
  },
  {
    heading: 'The same image named by its digest',
    pieces: [
      { text: 'registry.example.com', part: 'registry' },
      { text: '/' },
      { text: 'team/myapp', part: 'repository' },
      { text: '@' },
      { text: 'sha256:c9d534a7…', part: 'digest' },
    ],
  },
  {
    heading: 'You type nginx; Docker reads the whole name (grey: filled in)',
    pieces: [
      { text: 'docker.io', part: 'registry', implied: true },
      { text: '/', implied: true },
      { text: 'library/', part: 'repository', implied: true },
      { text: 'nginx', part: 'repository' },
      { text: ':', implied: true },
      { text: 'latest', part: 'tag', implied: true },
    ],
  },
];

const COLOUR: Record<Part, { text: string; line: string }> = {
  registry: { text: 'fill-sky-700 dark:fill-sky-300', line: 'stroke-sky-700 dark:stroke-sky-300' },
  repository: { text: 'fill-violet-700 dark:fill-violet-300', line: 'stroke-violet-700 dark:stroke-violet-300' },
  tag: { text: 'fill-emerald-700 dark:fill-emerald-300', line: 'stroke-emerald-700 dark:stroke-emerald-300' },
  digest: { text: 'fill-amber-700 dark:fill-amber-300', line: 'stroke-amber-700 dark:stroke-amber-300' },
};

const IMPLIED = 'fill-slate-400 dark:fill-slate-500';
const WIDTH = 560;
const X0 = 12;
const NAME_SIZE = 18;
/** The advance of one monospace character at NAME_SIZE, enforced with textLength. */
const CHAR = NAME_SIZE * 0.6;
const ROW_H = 112;

/** The pieces laid out left to right, and one bracket per part (adjacent pieces of one part join). */
function layout(pieces: Piece[]) {
  let x = X0;
  const placed = pieces.map((p) => {
    const width = [...p.text].length * CHAR;
    const at = { ...p, x, width };
    x += width;
    return at;
  });
  const spans: { part: Part; x: number; width: number }[] = [];
  for (const p of placed) {
    if (!p.part) continue;
    const last = spans[spans.length - 1];
    if (last && last.part === p.part && Math.abs(last.x + last.width - p.x) < 0.01) last.width += p.width;
    else spans.push({ part: p.part, x: p.x, width: p.width });
  }
  return { placed, spans };
}

function ExampleRow({ example, y }: { example: Example; y: number }) {
  const { placed, spans } = layout(example.pieces);
  const baseline = y + 46;
  const bracket = baseline + 10;
  return (
    <g>
      <text x={X0} y={y + 18} fontSize={15} className="fill-slate-600 dark:fill-slate-400">
        {example.heading}
      </text>
      {placed.map((p, i) => (
        <text
          key={i}
          x={p.x}
          y={baseline}
          fontSize={NAME_SIZE}
          textLength={p.width}
          lengthAdjust="spacingAndGlyphs"
          className={`font-mono ${p.implied ? IMPLIED : p.part ? COLOUR[p.part].text : ''}`}
          fill={p.implied || p.part ? undefined : 'currentColor'}
          fontWeight={p.implied ? 400 : 600}
        >
          {p.text}
        </text>
      ))}
      {spans.map((s, i) => (
        <g key={i}>
          <path
            d={`M ${s.x + 1} ${bracket} v 8 H ${s.x + s.width - 1} v -8`}
            fill="none"
            strokeWidth={2}
            className={COLOUR[s.part].line}
          />
          <text x={s.x + s.width / 2} y={bracket + 30} fontSize={15} textAnchor="middle" className={COLOUR[s.part].text}>
            {s.part}
          </text>
        </g>
      ))}
    </g>
  );
}

const HEIGHT = EXAMPLES.length * ROW_H + 4;

/** `<Picture name="image-name" />` */
export function ImageName() {
  return (
    <svg
      role="img"
      aria-labelledby="image-name-title image-name-desc"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      className="mx-auto block h-auto min-w-[30.5rem] max-w-2xl"
    >
      <title id="image-name-title">The parts of an image name: registry, repository, tag or digest</title>
      <desc id="image-name-desc">
        registry.example.com/team/myapp:1.0 is read as the registry registry.example.com, the repository team/myapp
        and, after the colon, the tag 1.0. registry.example.com/team/myapp@sha256:c9d534a7… names the same
        repository and, after the at sign, a digest instead of a tag. The short name nginx is read as
        docker.io/library/nginx:latest: Docker fills in the registry docker.io, the library/ part of the repository
        and the tag latest.
      </desc>
      {EXAMPLES.map((example, i) => (
        <ExampleRow key={example.heading} example={example} y={i * ROW_H} />
      ))}
    </svg>
  );
}
