import { connect, createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type ConnectionGate, startConnectionGate } from "./connection-gate.ts";

let upstream: Server;
let gate: ConnectionGate;
let active = 0;

/** A single-connection echo server standing in for PGlite. */
async function start(waitTimeoutMs: number) {
  upstream = createServer((s) => {
    active++;
    s.on("close", () => active--);
    s.pipe(s);
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  gate = await startConnectionGate({
    host: "127.0.0.1",
    port: 0,
    upstreamPort: (upstream.address() as { port: number }).port,
    upstreamBusy: () => active > 0,
    waitTimeoutMs,
    log: () => {},
  });
}

afterEach(async () => {
  await gate.close();
  await new Promise((resolve) => upstream.close(resolve));
});

function dial(): Promise<Socket> {
  return new Promise((resolve) => {
    const s = connect(gate.port, "127.0.0.1", () => resolve(s));
  });
}
const firstData = (s: Socket) => new Promise<Buffer>((resolve) => s.once("data", resolve));

describe("connection gate", () => {
  it("admits one client at a time, the next as soon as the first leaves", async () => {
    await start(5000);
    const a = await dial();
    const b = await dial();
    const bAnswer = firstData(b);
    b.write("from b");
    a.write("from a");
    expect((await firstData(a)).toString()).toBe("from a");
    expect(active).toBe(1); // b is waiting, not connected upstream
    a.end();
    expect((await bAnswer).toString()).toBe("from b"); // b's early bytes were kept, not lost
    b.destroy();
  });

  it("answers a client that waited too long with a Postgres 53300 error", async () => {
    await start(100);
    const a = await dial();
    const b = await dial();
    const error = await firstData(b);
    expect(error[0]).toBe(0x45); // 'E' ErrorResponse
    expect(error.toString("latin1")).toContain("C53300");
    a.destroy();
  });
});
