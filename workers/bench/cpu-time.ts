import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU time (user + system) of processes, read from Linux's /proc, so the bench can say where an
 * event's CPU goes across its processes. Elsewhere (no /proc) every reading is undefined and the
 * bench leaves the line out. /proc counts in USER_HZ ticks, which Linux fixes at 100 a second.
 */
const msPerTick = 10;

function statFields(pid: string): { name: string; cpuMs: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The name sits in parentheses and may itself hold spaces or parentheses: split after the last ")".
  const close = stat.lastIndexOf(")");
  const name = stat.slice(stat.indexOf("(") + 1, close);
  const fields = stat.slice(close + 2).split(" ");
  // Fields 14 and 15 of the line (utime, stime) are 11 and 12 once pid and name are cut off.
  return { name, cpuMs: (Number(fields[11]) + Number(fields[12])) * msPerTick };
}

/** CPU milliseconds a process has used so far. */
export function processCpuMs(pid: number): number | undefined {
  return statFields(String(pid))?.cpuMs;
}

/**
 * CPU milliseconds used so far by every process named `postgres` that is running now: the
 * server's backends and its writers. A backend that exits between two readings takes its time
 * with it, so read both while the connections being measured are open.
 */
export function postgresCpuMs(): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined;
  }
  let total = 0;
  for (const pid of pids) {
    const stat = statFields(pid);
    if (stat?.name === "postgres") total += stat.cpuMs;
  }
  return total;
}
