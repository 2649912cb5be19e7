import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startQStashBroker } from "@hometrip/devstack";
import { Client } from "@upstash/qstash";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformSchedules } from "../src/schedules.ts";
import { signingKeys } from "./support/signing.ts";

const token = "deploy-schedules-token";
let broker: Awaited<ReturnType<typeof startQStashBroker>>;
let dataDir: string;
// The destination is never called here: schedules fire each minute at the earliest and the
// broker is closed long before. Production gives its public workers URL.
const workersUrl = "http://127.0.0.1:9/";

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "deploy-schedules-"));
  broker = await startQStashBroker({
    port: 0,
    dataDir,
    token,
    currentSigningKey: signingKeys.current,
    nextSigningKey: signingKeys.next,
  });
});
afterAll(async () => {
  await broker?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The command production's deploy runs, as a child process with only its three settings. */
const deploySchedules = (env: Record<string, string>) =>
  promisify(execFile)(
    process.execPath.includes("bun") ? process.execPath : "bun",
    ["src/cli/deploy-schedules.ts"],
    {
      cwd: join(import.meta.dirname, ".."),
      env: { PATH: process.env.PATH ?? "", ...env },
    },
  );

describe("bun run deploy:schedules", () => {
  it("creates every platform schedule once, however often it runs", async () => {
    const env = { QSTASH_URL: broker.url, QSTASH_TOKEN: token, EVENTS_DESTINATION_URL: workersUrl };
    const first = await deploySchedules(env);
    expect(first.stdout).toContain("schedule outbox-sweep: * * * * * → http://127.0.0.1:9/jobs/outbox-sweep");
    await deploySchedules(env);

    const schedules = await new Client({ baseUrl: broker.url, token }).schedules.list();
    expect(schedules.map((s) => s.scheduleId).sort()).toEqual(
      platformSchedules.map((s) => s.scheduleId).sort(),
    );
    const sweep = schedules.find((s) => s.scheduleId === "outbox-sweep");
    expect(sweep).toMatchObject({ destination: "http://127.0.0.1:9/jobs/outbox-sweep", cron: "* * * * *" });
  });

  it("names a missing setting and exits 1", async () => {
    const failed = await deploySchedules({ QSTASH_URL: broker.url, QSTASH_TOKEN: token }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain("EVENTS_DESTINATION_URL");
  });
});
