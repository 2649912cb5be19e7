import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventHandlers } from "../src/handlers/index.ts";
import { brokerToken, type EventStack, startEventStack } from "./support/event-stack.ts";
import { pingEnvelope } from "./support/signing.ts";
import { waitFor } from "./support/wait.ts";

const cli = fileURLToPath(new URL("../src/cli/qstash-dlq.ts", import.meta.url));
const run = promisify(execFile);
let stack: EventStack;
let failing = true;
const applied: string[] = [];

beforeAll(async () => {
  const handlers = createEventHandlers();
  stack = await startEventStack({
    handlers: {
      ...handlers,
      "system.pinged": async (ctx) => {
        if (failing) throw new Error("handler broken until the fix ships");
        applied.push(ctx.event.id);
      },
    },
  });
});
afterAll(async () => {
  await stack?.close();
});

describe("bun run qstash:dlq", () => {
  it("lists a dead letter and replays it once the handler is fixed", async () => {
    const id = randomUUID();
    await stack.publisher.publish(pingEnvelope({ id }));
    const env = { PATH: process.env.PATH ?? "", QSTASH_URL: stack.brokerUrl, QSTASH_TOKEN: brokerToken };
    const listed = await waitFor("the dead letter", async () => {
      const { stdout } = await run("bun", [cli, "list"], { env });
      return stdout.includes(id) ? stdout : undefined;
    });
    const line = listed.split("\n").find((l) => l.includes(id)) ?? "";
    expect(line).toContain("system.pinged");
    expect(line).toContain(`${stack.workersUrl}/events`);
    const dlqId = line.split(/\s+/)[0] ?? "";

    failing = false;
    const { stdout } = await run("bun", [cli, "replay", dlqId], { env });
    expect(stdout).toContain(`replayed ${dlqId}`);
    await waitFor("the replayed effect", async () => applied.includes(id));
    expect(applied.filter((applied) => applied === id)).toHaveLength(1);
  });

  it("names a missing setting and shows usage for an unknown command", async () => {
    const missing = await run("bun", [cli, "list"], { env: { PATH: process.env.PATH ?? "" } }).catch(
      (e) => e,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("QSTASH_TOKEN");
    const env = { PATH: process.env.PATH ?? "", QSTASH_URL: stack.brokerUrl, QSTASH_TOKEN: brokerToken };
    const usage = await run("bun", [cli, "purge"], { env }).catch((e) => e);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage");
  });
});
