import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../src/index.ts";
import { descendantsCpuMs, postgresCpuMs, processCpuMs, samplePostgresCpu } from "../src/process-cpu.ts";

/** Keeps a Postgres backend on the CPU for about `ms`. */
const spinInPostgres = (ms: number) =>
  `do $$ begin while clock_timestamp() < now() + interval '${Math.trunc(ms)} milliseconds' loop end loop; end $$`;

/** Burns about `ms` of CPU in Postgres on a connection of its own, opened now and closed after. */
async function busyBackend(url: string, ms: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(spinInPostgres(ms));
  } finally {
    await client.end();
  }
}

/**
 * A backend opened by hand: the TCP connection first (Postgres forks the backend, which keeps the
 * postmaster's command line as its title), the startup packet only when `start` is called.
 */
async function backendBeforeStartup(url: string) {
  const { hostname, port, username, pathname } = new URL(url);
  const socket: Socket = connect(Number(port || 5432), hostname);
  await new Promise((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let buffered = Buffer.alloc(0);
  let waiting: { resolve(): void; reject(error: Error): void } | undefined;
  let failure: string | undefined;
  socket.on("data", (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 5 && buffered.length >= 1 + buffered.readInt32BE(1)) {
      const type = String.fromCharCode(buffered[0] as number);
      const body = buffered.subarray(5, 1 + buffered.readInt32BE(1));
      buffered = buffered.subarray(1 + buffered.readInt32BE(1));
      if (type === "E") failure = body.toString("utf8").replaceAll("\0", " ");
      if (type === "Z") {
        const done = waiting;
        waiting = undefined;
        if (failure) done?.reject(new Error(failure));
        else done?.resolve();
        failure = undefined;
      }
    }
  });
  const untilReady = () =>
    new Promise<void>((resolve, reject) => {
      waiting = { resolve, reject };
    });
  const message = (type: string, text: string) => {
    const body = Buffer.from(`${text}\0`, "utf8");
    const head = Buffer.alloc(5);
    head.write(type, 0);
    head.writeInt32BE(4 + body.length, 1);
    return Buffer.concat([head, body]);
  };
  return {
    async start() {
      const params = Buffer.from(
        `user\0${username || "postgres"}\0database\0${pathname.slice(1)}\0\0`,
        "utf8",
      );
      const head = Buffer.alloc(8);
      head.writeInt32BE(8 + params.length, 0);
      head.writeInt32BE(196608, 4);
      const ready = untilReady();
      socket.write(Buffer.concat([head, params]));
      await ready;
    },
    async query(text: string) {
      const ready = untilReady();
      socket.write(message("Q", text));
      await ready;
    },
    close() {
      socket.end(Buffer.from([0x58, 0, 0, 0, 4]));
    },
  };
}

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) Math.sqrt(Math.random());
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
    expect((processCpuMs(process.pid) as number) - before).toBeGreaterThanOrEqual(200);
    expect(processCpuMs(2 ** 22 + 12_345)).toBeUndefined();
  });

  it("adds up the CPU of the processes of one name below this one, and only theirs", async () => {
    const busy = "const t = Date.now() + 400; while (Date.now() < t); setTimeout(() => {}, 5000)";
    const child = spawn(process.execPath, ["-e", busy]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 800));
      const name = readFileSync(`/proc/${child.pid}/comm`, "utf8").trim();
      expect(descendantsCpuMs(name) as number).toBeGreaterThanOrEqual(300);
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
      const pid = (await own.query<{ pid: number }>("select pg_backend_pid() as pid")).rows[0]?.pid as number;
      const sampler = samplePostgresCpu(pid, ours.name, 5);
      expect(sampler).not.toBeNull();
      // Both backends are forked after sampling began, so their first samples may see them still
      // starting up, before their titles name a database.
      await Promise.all([busyBackend(ours.url, 400), busyBackend(other.url, 400)]);
      // And one seen for certain before it named its database: sampled while it waits for its
      // startup packet, it must still be counted once it has one.
      const late = await backendBeforeStartup(ours.url);
      try {
        await new Promise((resolve) => setTimeout(resolve, 50));
        await late.start();
        await late.query(spinInPostgres(300));
        await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        late.close();
      }
      const burst = sampler?.stop();
      expect(burst?.backends).toBe(2);
      expect(burst?.ms).toBeGreaterThanOrEqual(500);
      expect(burst?.ms).toBeLessThan(1000);
    } finally {
      await own.end();
    }
  });

  it("adds up every postgres process while the connections measured are open", async () => {
    const client = new pg.Client({ connectionString: ours.url });
    await client.connect();
    try {
      const before = postgresCpuMs() as number;
      await client.query(spinInPostgres(300));
      expect((postgresCpuMs() as number) - before).toBeGreaterThanOrEqual(200);
    } finally {
      await client.end();
    }
  });
});
