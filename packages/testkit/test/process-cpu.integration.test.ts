import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/index.ts";
import { descendantsCpuMs, postgresCpuMs, processCpuMs, samplePostgresCpu } from "../src/process-cpu.ts";

/**
 * A fixed amount of work for a Postgres backend (about 0.3 s of CPU per unit here): a count of
 * work, not of time, so a busy machine stretches it without shrinking the CPU it takes.
 */
const workInPostgres = (units: number) =>
  `do $$ declare i int := 0; begin while i < ${Math.trunc(units * 3_000_000)} loop i := i + 1; end loop; end $$`;

/** Does `units` of work in Postgres on a connection of its own, opened now and closed after. */
async function busyBackend(url: string, units: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(workInPostgres(units));
  } finally {
    await client.end();
  }
}

/**
 * A client whose backend is forked before it may start: the TCP connection is opened now (Postgres
 * forks the backend, which keeps the postmaster's command line as its title until the startup
 * packet comes), and pg sends that packet only when `connect` is called.
 */
async function clientHeldBeforeStartup(url: string): Promise<pg.Client> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port || 5432), hostname);
  await once(socket, "connect");
  // pg connects the stream it is given; this one is connected already, so it only says so.
  socket.connect = (() => {
    queueMicrotask(() => socket.emit("connect"));
    return socket;
  }) as typeof socket.connect;
  return new pg.Client({ connectionString: url, stream: () => socket });
}

/** Runs on the CPU until this process has used `ms` more of it (however busy the machine is). */
function spin(ms: number): void {
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const until = cpu() + ms;
  while (cpu() < until) Math.sqrt(Math.random());
}

describe("process CPU from Linux's /proc", () => {
  let ours: TestDatabase;
  let other: TestDatabase;
  beforeAll(async () => {
    [ours, other] = await Promise.all([
      createTestDatabase({ prefix: "cpu ours" }),
      createTestDatabase({ prefix: "cpu other" }),
    ]);
  });
  afterAll(async () => {
    await ours?.drop();
    await other?.drop();
  });

  it("reads this process's CPU as it is used", () => {
    const before = processCpuMs(process.pid) as number;
    spin(300);
    // /proc counts in 10 ms ticks.
    expect((processCpuMs(process.pid) as number) - before).toBeGreaterThanOrEqual(280);
    expect(processCpuMs(2 ** 22 + 12_345)).toBeUndefined();
  });

  it("adds up the CPU of the processes of one name below this one, and only theirs", async () => {
    // The child uses 400 ms of CPU, says so, and waits.
    const busy = `const cpu = () => process.cpuUsage().user / 1000;
      const until = cpu() + 400; while (cpu() < until);
      console.log("done"); setTimeout(() => {}, 10000);`;
    const child = spawn(process.execPath, ["-e", busy]);
    try {
      await new Promise((resolve, reject) => {
        child.stdout.once("data", resolve);
        child.once("exit", (code) => reject(new Error(`the busy child exited (${code})`)));
      });
      const name = readFileSync(`/proc/${child.pid}/comm`, "utf8").trim();
      expect(descendantsCpuMs(name) as number).toBeGreaterThanOrEqual(380);
      expect(descendantsCpuMs("no-such-name")).toBe(0);
      // Counted from the child itself, there is nothing below it.
      expect(descendantsCpuMs(name, child.pid as number)).toBe(0);
    } finally {
      child.kill();
    }
  });

  it("counts the Postgres backends of one database opened during the burst, not another database's", async () => {
    const own = new pg.Client({ connectionString: ours.url });
    await own.connect();
    try {
      // What one unit of work costs, read on a connection held open.
      const before = postgresCpuMs() as number;
      await own.query(workInPostgres(1));
      const unit = (postgresCpuMs() as number) - before;
      expect(unit).toBeGreaterThan(50);

      const pid = (await own.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]?.pid as number;
      const sampler = samplePostgresCpu(pid, ours.name, 5);
      expect(sampler).not.toBeNull();
      // Both backends are forked after sampling began, so their first samples may see them still
      // starting up, before their titles name a database. The other database's does three times
      // the work: counted, it would show.
      await Promise.all([busyBackend(ours.url, 1), busyBackend(other.url, 3)]);
      // And one seen for certain before it named its database: sampled while it waits for its
      // startup packet, it must still be counted once it has one.
      const late = await clientHeldBeforeStartup(ours.url);
      try {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await late.connect();
        await late.query(workInPostgres(1));
        await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        await late.end();
      }
      const burst = sampler?.stop();
      expect(burst?.backends).toBe(2);
      expect(burst?.ms).toBeGreaterThan(1.5 * unit);
      expect(burst?.ms).toBeLessThan(3 * unit);
    } finally {
      await own.end();
    }
  });
});
