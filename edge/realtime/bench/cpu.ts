import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

type Proc = { pid: number; ppid: number; comm: string; cpuTicks: number };

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // comm may hold spaces; the fields after it start behind the last ")".
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, ppid: Number(fields[1]), comm, cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by the `workerd` processes under this one (Linux /proc): what the
 * runtime spent, whatever else competes for the machine.
 */
export function workerdCpuSeconds(root = process.pid): number {
  const procs = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((p): p is Proc => p !== null);
  const children = new Map<number, Proc[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  let ticks = 0;
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      if (child.comm.startsWith("workerd")) ticks += child.cpuTicks;
      walk(child.pid);
    }
  };
  walk(root);
  return ticks / TICKS_PER_SECOND;
}
