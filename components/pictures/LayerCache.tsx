// Chapter 4's drawing of the build cache: the same rebuild after an edit to app.py, with the
// dependency list copied before the code (the chapter's Dockerfile) and with the code copied first.
// Each row is a step as `docker build` numbers it; each cell is what that step does on a rebuild.

type Status = 'base' | 'cached' | 'runs';

interface Row {
  step: string;
  unchanged: Status;
  edited: Status;
}

const DEPENDENCIES_FIRST: Row[] = [
  { step: 'FROM python:3.12-slim', unchanged: 'base', edited: 'base' },
  { step: 'WORKDIR /app', unchanged: 'cached', edited: 'cached' },
  { step: 'COPY requirements.txt .', unchanged: 'cached', edited: 'cached' },
  { step: 'RUN pip install …', unchanged: 'cached', edited: 'cached' },
  { step: 'COPY . .', unchanged: 'cached', edited: 'runs' },
];

const CODE_FIRST: Row[] = [
  { step: 'FROM python:3.12-slim', unchanged: 'base', edited: 'base' },
  { step: 'WORKDIR /app', unchanged: 'cached', edited: 'cached' },
  { step: 'COPY . .', unchanged: 'cached', edited: 'runs' },
  { step: 'RUN pip install …', unchanged: 'cached', edited: 'runs' },
];

const CELL = {
  base: {
    label: 'base image',
    box: 'fill-slate-100 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500',
    text: 'fill-slate-700 dark:fill-slate-200',
  },
  cached: {
    label: 'CACHED',
    box: 'fill-emerald-100 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-400',
    text: 'fill-emerald-900 dark:fill-emerald-100',
  },
  runs: {
    label: 'runs again',
    box: 'fill-amber-100 stroke-amber-600 dark:fill-amber-950 dark:stroke-amber-400',
    text: 'fill-amber-900 dark:fill-amber-100 font-semibold',
  },
} as const;

const WIDTH = 600;
const ROW = 40;
const STEP_X = 8;
const STEP_W = 300;
const COLS = [320, 462];
const COL_W = 130;

function StatusCell({ status, x, y }: { status: Status; x: number; y: number }) {
  const cell = CELL[status];
  return (
    <g>
      <rect x={x} y={y} width={COL_W} height={ROW - 8} rx={5} className={cell.box} strokeWidth={1.5} strokeDasharray={status === 'runs' ? '6 3' : undefined} />
      <text x={x + COL_W / 2} y={y + 21} textAnchor="middle" fontSize={15} className={cell.text}>
        {cell.label}
      </text>
    </g>
  );
}

function Panel({ y, heading, rows, note }: { y: number; heading: string; rows: Row[]; note: string }) {
  const top = y + 60;
  return (
    <g>
      <text x={STEP_X} y={y + 20} fontSize={17} fontWeight={700} fill="currentColor">
        {heading}
      </text>
      <text x={STEP_X} y={y + 48} fontSize={15} className="fill-slate-600 dark:fill-slate-400">
        Step
      </text>
      <text x={COLS[0] + COL_W / 2} y={y + 48} fontSize={15} textAnchor="middle" className="fill-slate-600 dark:fill-slate-400">
        nothing changed
      </text>
      <text x={COLS[1] + COL_W / 2} y={y + 48} fontSize={15} textAnchor="middle" className="fill-slate-600 dark:fill-slate-400">
        app.py edited
      </text>
      {rows.map((row, i) => {
        const rowY = top + i * ROW;
        return (
          <g key={row.step}>
            <rect x={STEP_X} y={rowY} width={STEP_W} height={ROW - 8} rx={5} className="fill-white stroke-slate-300 dark:fill-slate-900 dark:stroke-slate-600" strokeWidth={1} />
            <text x={STEP_X + 10} y={rowY + 21} fontSize={15} className="font-mono" fill="currentColor">
              <tspan className="fill-slate-500 dark:fill-slate-400">{`[${i + 1}/${rows.length}] `}</tspan>
              {row.step}
            </text>
            <StatusCell status={row.unchanged} x={COLS[0]} y={rowY} />
            <StatusCell status={row.edited} x={COLS[1]} y={rowY} />
          </g>
        );
      })}
      <text x={STEP_X} y={top + rows.length * ROW + 14} fontSize={15} fill="currentColor">
        {note}
      </text>
    </g>
  );
}

const FIRST_H = 60 + DEPENDENCIES_FIRST.length * ROW + 30;
const SECOND_Y = FIRST_H + 24;
const HEIGHT = SECOND_Y + 60 + CODE_FIRST.length * ROW + 30;

/** `<Picture name="layer-cache" />` */
export function LayerCache() {
  return (
    <svg
      role="img"
      aria-labelledby="layer-cache-title layer-cache-desc"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      className="mx-auto block h-auto min-w-[32.5rem] max-w-2xl"
    >
      <title id="layer-cache-title">The build cache before and after an edit, for two orders of instructions</title>
      <desc id="layer-cache-desc">
        Two Dockerfiles rebuilt twice, once with nothing changed and once after editing app.py. With the
        dependency list copied first, a rebuild with nothing changed marks WORKDIR, COPY requirements.txt, RUN pip
        install and COPY . . as CACHED; after the edit only COPY . . runs again and pip install stays cached. With
        the code copied first, the edit changes what COPY . . copies, so COPY . . and the pip install after it both
        run again. The FROM line is never marked CACHED: it names the base image, which is already there.
      </desc>
      <Panel y={0} heading="Dependencies first (this chapter's Dockerfile)" rows={DEPENDENCIES_FIRST} note="After the edit, only COPY . . runs; the slow install stays cached." />
      <Panel y={SECOND_Y} heading="Code first (COPY . . before pip install)" rows={CODE_FIRST} note="COPY . . sees the edit, so every step after it runs again too." />
    </svg>
  );
}
