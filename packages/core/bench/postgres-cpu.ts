import { readFileSync } from "node:fs";

/**
 * CPU time of the Postgres backends serving one database, sampled from /proc (Linux, Postgres on
 * this machine) every `everyMs` while a burst runs: the postmaster's children whose process
 * title names the database, each counted from its first sample (or from its fork, for one born
 * during the burst) to its last. Meant for pooled backends, which outlive the burst: one that
 * exits between two samples loses what it ran after the last one (with a backend per
 * connection, most of them). The `POST /sql` pool's connections to the database are counted too.
 * Null when /proc or the postmaster cannot be read (Postgres elsewhere, processes hidden).
 */
export function samplePostgresCpu(
  backendPid: number,
  database: string,
  everyMs = 10,
): { stop(): { ms: number; backends: number } } | null {
  const read = (path: string) => {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return null;
    }
  };
  const stat = read(`/proc/${backendPid}/stat`);
  if (!stat) return null;
  const postmaster = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  const childrenPath = `/proc/${postmaster}/task/${postmaster}/children`;
  if (read(childrenPath) === null) return null;

  const ours = new Map<number, boolean>();
  const seen = new Map<number, { first: number; last: number }>();
  const runNs = (pid: number) => Number(read(`/proc/${pid}/schedstat`)?.split(" ")[0] ?? Number.NaN);
  const sample = (initial: boolean) => {
    for (const pid of (read(childrenPath) ?? "").trim().split(" ").map(Number)) {
      if (!pid || pid === backendPid) continue;
      let match = ours.get(pid);
      if (match === undefined) {
        match = (read(`/proc/${pid}/cmdline`) ?? "").includes(` ${database} `);
        ours.set(pid, match);
      }
      if (!match) continue;
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
