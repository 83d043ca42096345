// Chapter 1: one kernel under everything; namespaces are the walls around a container's processes
// (what they can see), cgroups the limits under them (how much they can use).

const TEXT = 'fill-current';
const HOST_BOX = 'fill-slate-100 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500';
const WALL = 'fill-harbor-50 stroke-harbor-600 dark:fill-slate-900 dark:stroke-harbor-300';
const PROCESS = 'fill-white stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500';
const CGROUP = 'fill-amber-50 stroke-amber-600 dark:fill-amber-950 dark:stroke-amber-400';
const KERNEL = 'fill-slate-200 stroke-slate-500 dark:fill-slate-700 dark:stroke-slate-400';
const LINK = 'stroke-slate-400 dark:stroke-slate-500';

function Process({ x, y, width, label }: { x: number; y: number; width: number; label: string }) {
  return (
    <g>
      <rect x={x} y={y} width={width} height={34} rx={6} className={PROCESS} strokeWidth={1.5} />
      <text x={x + 12} y={y + 23} className={`${TEXT} font-mono`} fontSize={15}>
        {label}
      </text>
    </g>
  );
}

function Container({ x, name, processes, limits }: { x: number; name: string; processes: string[]; limits: [string, string] }) {
  const width = 230;
  return (
    <g>
      <rect x={x} y={20} width={width} height={270} rx={12} className={WALL} strokeWidth={2} strokeDasharray="8 6" />
      <text x={x + 16} y={48} className={`${TEXT} font-semibold`} fontSize={17}>
        {name}
      </text>
      <text x={x + 16} y={72} className={TEXT} fontSize={15}>
        namespaces: its own PIDs,
      </text>
      <text x={x + 16} y={92} className={TEXT} fontSize={15}>
        host name, network, files
      </text>
      {processes.map((label, i) => (
        <Process key={label} x={x + 16} y={108 + i * 44} width={width - 32} label={label} />
      ))}
      <rect x={x + 16} y={214} width={width - 32} height={60} rx={6} className={CGROUP} strokeWidth={1.5} />
      <text x={x + 28} y={238} className={TEXT} fontSize={15}>
        {limits[0]}
      </text>
      <text x={x + 28} y={260} className={TEXT} fontSize={15}>
        {limits[1]}
      </text>
    </g>
  );
}

export function Namespaces() {
  return (
    <svg
      role="img"
      aria-labelledby="picture-namespaces-title picture-namespaces-desc"
      viewBox="0 0 700 400"
      className="h-auto w-full min-w-[35rem]"
      fontFamily="inherit"
    >
      <title id="picture-namespaces-title">Namespaces and cgroups around processes on one kernel</title>
      <desc id="picture-namespaces-desc">
        At the bottom, one Linux kernel spans the whole machine. Above it stand the host&apos;s own processes (systemd,
        dockerd, containerd, bash), which can see everything, and two containers. Each container is a dashed wall, its
        namespaces: inside, its processes have their own process numbers starting at 1, their own host name, network and
        files. The container web holds nginx as PID 1 and a worker as PID 29; the container sleeper holds sleep as PID 1.
        Under each container&apos;s processes sits its cgroup with its limits: 256 MiB of memory and 1.5 CPUs for web,
        64 MiB and half a CPU for sleeper. Lines from every process lead down to the same kernel.
      </desc>

      {/* The host's own processes: no walls, they see the whole machine. */}
      <rect x={10} y={20} width={190} height={270} rx={12} className={HOST_BOX} strokeWidth={1.5} />
      <text x={26} y={48} className={`${TEXT} font-semibold`} fontSize={17}>
        The host
      </text>
      <text x={26} y={72} className={TEXT} fontSize={15}>
        sees every process
      </text>
      {['systemd', 'dockerd', 'containerd', 'bash'].map((label, i) => (
        <Process key={label} x={26} y={92 + i * 46} width={158} label={label} />
      ))}

      <Container x={220} name="Container web" processes={['PID 1  nginx', 'PID 29 nginx']} limits={['cgroup: 256 MiB', 'of memory, 1.5 CPUs']} />
      <Container x={465} name="Container sleeper" processes={['PID 1  sleep']} limits={['cgroup: 64 MiB', 'of memory, 0.5 CPU']} />

      {/* Every process, walled in or not, runs on the same kernel. */}
      {[105, 335, 580].map((x) => (
        <line key={x} x1={x} y1={290} x2={x} y2={320} className={LINK} strokeWidth={2} />
      ))}
      <rect x={10} y={320} width={680} height={66} rx={10} className={KERNEL} strokeWidth={1.5} />
      <text x={350} y={349} textAnchor="middle" className={`${TEXT} font-semibold`} fontSize={17}>
        One Linux kernel, shared by every process
      </text>
      <text x={350} y={373} textAnchor="middle" className={TEXT} fontSize={15}>
        it draws the walls (namespaces) and enforces the limits (cgroups)
      </text>
    </svg>
  );
}
