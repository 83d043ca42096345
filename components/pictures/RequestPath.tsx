// Chapter 3: the path of `curl http://localhost:8080` through the published port into the container,
// and why -p 8080:80 lets other machines in too.

const TEXT = 'fill-current';
const MACHINE = 'fill-slate-50 stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-500';
const BOX = 'fill-white stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500';
const PORT = 'fill-amber-50 stroke-amber-600 dark:fill-amber-950 dark:stroke-amber-400';
const WALL = 'fill-harbor-50 stroke-harbor-600 dark:fill-slate-900 dark:stroke-harbor-300';
const ARROW = 'stroke-slate-800 fill-slate-800 dark:stroke-slate-200 dark:fill-slate-200';
const OUTSIDE = 'stroke-slate-500 fill-slate-500 dark:stroke-slate-400 dark:fill-slate-400';

/** A straight arrow with its head drawn as a triangle (no <marker>, so no ids shared across the page). */
function Arrow({ x1, y1, x2, y2, dashed, className }: { x1: number; y1: number; x2: number; y2: number; dashed?: boolean; className: string }) {
  const length = Math.hypot(x2 - x1, y2 - y1);
  const [ux, uy] = [(x2 - x1) / length, (y2 - y1) / length];
  const [bx, by] = [x2 - ux * 10, y2 - uy * 10];
  const head = `${x2},${y2} ${bx - uy * 5},${by + ux * 5} ${bx + uy * 5},${by - ux * 5}`;
  return (
    <g className={className}>
      <line x1={x1} y1={y1} x2={bx} y2={by} strokeWidth={2} strokeDasharray={dashed ? '4 4' : undefined} />
      <polygon points={head} stroke="none" />
    </g>
  );
}

export function RequestPath() {
  return (
    <svg
      role="img"
      aria-labelledby="picture-request-path-title picture-request-path-desc"
      viewBox="0 0 700 420"
      className="h-auto w-full min-w-[35rem]"
      fontFamily="inherit"
    >
      <title id="picture-request-path-title">The path of a request from curl through the published port to the container</title>
      <desc id="picture-request-path-desc">
        Inside the laptop, curl sends a request to localhost port 8080. Docker has published port 8080 on every address of
        the laptop, 0.0.0.0 and [::], and passes the request on to port 80 of the container web, where nginx listens on all
        of the container&apos;s addresses. The page travels back the same way to curl. Outside the laptop, another computer
        on the same network can reach port 8080 as well; publishing with -p 127.0.0.1:8080:80 would shut it out.
      </desc>

      {/* The laptop holds all three steps. */}
      <rect x={10} y={10} width={680} height={302} rx={14} className={MACHINE} strokeWidth={1.5} />
      <text x={28} y={40} className={`${TEXT} font-semibold`} fontSize={17}>
        Your laptop
      </text>

      {/* 1: curl */}
      <rect x={28} y={90} width={160} height={92} rx={8} className={BOX} strokeWidth={1.5} />
      <text x={108} y={124} textAnchor="middle" className={`${TEXT} font-mono font-semibold`} fontSize={16}>
        curl
      </text>
      <text x={108} y={150} textAnchor="middle" className={`${TEXT} font-mono`} fontSize={15}>
        localhost:8080
      </text>

      {/* 2: the published port */}
      <rect x={248} y={78} width={180} height={116} rx={8} className={PORT} strokeWidth={1.5} />
      <text x={338} y={106} textAnchor="middle" className={`${TEXT} font-semibold`} fontSize={16}>
        Published port
      </text>
      <text x={338} y={130} textAnchor="middle" className={`${TEXT} font-mono`} fontSize={15}>
        0.0.0.0:8080
      </text>
      <text x={338} y={152} textAnchor="middle" className={`${TEXT} font-mono`} fontSize={15}>
        [::]:8080
      </text>
      <text x={338} y={176} textAnchor="middle" className={TEXT} fontSize={14}>
        Docker forwards it
      </text>

      {/* 3: the container */}
      <rect x={486} y={54} width={186} height={186} rx={12} className={WALL} strokeWidth={2} strokeDasharray="8 6" />
      <text x={579} y={82} textAnchor="middle" className={`${TEXT} font-semibold`} fontSize={16}>
        Container web
      </text>
      <rect x={502} y={100} width={154} height={84} rx={8} className={BOX} strokeWidth={1.5} />
      <text x={579} y={130} textAnchor="middle" className={`${TEXT} font-mono font-semibold`} fontSize={16}>
        nginx
      </text>
      <text x={579} y={156} textAnchor="middle" className={TEXT} fontSize={14}>
        listens on port 80,
      </text>
      <text x={579} y={175} textAnchor="middle" className={TEXT} fontSize={14}>
        on 0.0.0.0
      </text>
      <text x={579} y={210} textAnchor="middle" className={TEXT} fontSize={14}>
        its own address,
      </text>
      <text x={579} y={228} textAnchor="middle" className={TEXT} fontSize={14}>
        e.g. 172.17.0.2
      </text>

      {/* The request goes right, the page comes back left. */}
      <Arrow x1={190} y1={120} x2={246} y2={120} className={ARROW} />
      <Arrow x1={430} y1={120} x2={500} y2={120} className={ARROW} />
      <Arrow x1={500} y1={160} x2={430} y2={160} className={ARROW} dashed />
      <Arrow x1={246} y1={160} x2={190} y2={160} className={ARROW} dashed />
      <text x={108} y={220} textAnchor="middle" className={TEXT} fontSize={14}>
        → request
      </text>
      <text x={108} y={242} textAnchor="middle" className={TEXT} fontSize={14}>
        ← the page (dashed)
      </text>

      {/* Another computer on the network: let in by 0.0.0.0, kept out by 127.0.0.1. */}
      <rect x={248} y={340} width={180} height={64} rx={8} className={BOX} strokeWidth={1.5} />
      <text x={338} y={367} textAnchor="middle" className={TEXT} fontSize={15}>
        Another computer
      </text>
      <text x={338} y={389} textAnchor="middle" className={TEXT} fontSize={15}>
        on your network
      </text>
      <Arrow x1={338} y1={338} x2={338} y2={196} className={OUTSIDE} />
      <text x={350} y={262} className={TEXT} fontSize={14}>
        gets in too,
      </text>
      <text x={350} y={280} className={TEXT} fontSize={14}>
        unless you publish
      </text>
      <text x={350} y={298} className={`${TEXT} font-mono`} fontSize={14}>
        -p 127.0.0.1:8080:80
      </text>
    </svg>
  );
}
