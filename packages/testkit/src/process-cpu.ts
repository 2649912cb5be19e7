import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time of processes, read from Linux's /proc, so a bench can say where its CPU went across
 * the processes it drives (workerd, the workers, Postgres). Where there is no /proc (or it hides
 * the process) a reading is undefined (the sampler null): the bench says it cannot tell.
 */

/** /proc counts utime and stime in USER_HZ ticks, which Linux fixes at 100 a second. */
const msPerTick = 10;

interface ProcessStat {
  pid: number;
  parentPid: number;
  /** The command name as the kernel keeps it (at most 15 characters). */
  name: string;
  /** User and system CPU so far, in milliseconds. */
  cpuMs: number;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

function statOf(pid: number): ProcessStat | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // "pid (name) state ppid …": the name may hold spaces and parentheses, so split after the last ")".
  const close = stat.lastIndexOf(")");
  const fields = stat.slice(close + 2).split(" ");
  return {
    pid,
    parentPid: Number(fields[1]),
    name: stat.slice(stat.indexOf("(") + 1, close),
    // Fields 14 and 15 of the line (utime, stime) are 11 and 12 once pid and name are cut off.
    cpuMs: (Number(fields[11]) + Number(fields[12])) * msPerTick,
  };
}

/** Every process this user may see now; undefined without /proc. */
function allProcesses(): ProcessStat[] | undefined {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return undefined;
  }
  return entries.flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    const stat = statOf(Number(entry));
    return stat ? [stat] : [];
  });
}

/** CPU milliseconds a process has used so far. */
export function processCpuMs(pid: number): number | undefined {
  return statOf(pid)?.cpuMs;
}

/**
 * CPU milliseconds used so far by every process named `postgres` running now: the server's
 * backends and its writers. A backend that exits between two readings takes its time with it, so
 * read both while the connections being measured are open.
 */
export function postgresCpuMs(): number | undefined {
  const processes = allProcesses();
  if (!processes) return undefined;
  let total = 0;
  for (const p of processes) if (p.name === "postgres") total += p.cpuMs;
  return total;
}

/** CPU milliseconds used so far by the processes named `name` below `root` (this process by default). */
export function descendantsCpuMs(name: string, root = process.pid): number | undefined {
  const processes = allProcesses();
  if (!processes) return undefined;
  const children = new Map<number, ProcessStat[]>();
  for (const p of processes) {
    const siblings = children.get(p.parentPid);
    if (siblings) siblings.push(p);
    else children.set(p.parentPid, [p]);
  }
  let total = 0;
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      if (child.name === name) total += child.cpuMs;
      walk(child.pid);
    }
  };
  walk(root);
  return total;
}

/**
 * CPU time of the Postgres backends serving one database, sampled from /proc (Postgres on this
 * machine) every `everyMs` while a burst runs: the postmaster's children whose process title names
 * the database, each counted from its first sample (or from its fork, for one born during the
 * burst) to its last. Meant for pooled backends, which outlive the burst: one that exits between
 * two samples loses what it ran after the last one (with a backend per connection, most of them).
 * The `POST /sql` pool's connections to the database are counted too.
 * `backendPid` is any backend of the server (a connection of the caller's own, which is left out).
 * Null when /proc or the postmaster cannot be read (Postgres elsewhere, processes hidden).
 */
export function samplePostgresCpu(
  backendPid: number,
  database: string,
  everyMs = 10,
): { stop(): { ms: number; backends: number } } | null {
  const postmaster = statOf(backendPid)?.parentPid;
  if (postmaster === undefined) return null;
  const childrenPath = `/proc/${postmaster}/task/${postmaster}/children`;
  if (read(childrenPath) === null) return null;

  /** Decided backends: whether each serves the database. */
  const ours = new Map<number, boolean>();
  const seen = new Map<number, { first: number; last: number }>();
  const runNs = (pid: number) => Number(read(`/proc/${pid}/schedstat`)?.split(" ")[0] ?? Number.NaN);
  const serves = (pid: number): boolean | undefined => {
    const known = ours.get(pid);
    if (known !== undefined) return known;
    const title = (read(`/proc/${pid}/cmdline`) ?? "").replaceAll("\0", " ");
    // A backend just forked still shows the postmaster's command line until it has read the
    // client's startup packet: ask again at the next sample rather than count it out for good.
    if (!title.startsWith("postgres: ")) return undefined;
    const match = title.includes(` ${database} `);
    ours.set(pid, match);
    return match;
  };
  const sample = (initial: boolean) => {
    for (const pid of (read(childrenPath) ?? "").trim().split(" ").map(Number)) {
      if (!pid || pid === backendPid || !serves(pid)) continue;
      const ns = runNs(pid);
      if (Number.isNaN(ns)) continue;
      const entry = seen.get(pid);
      if (entry) entry.last = ns;
      else seen.set(pid, { first: initial ? ns : 0, last: ns });
    }
  };
  sample(true);
  const timer = setInterval(() => sample(false), everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample(false);
      let ns = 0;
      for (const { first, last } of seen.values()) ns += last - first;
      return { ms: ns / 1e6, backends: [...seen.values()].filter((e) => e.last > e.first).length };
    },
  };
}
