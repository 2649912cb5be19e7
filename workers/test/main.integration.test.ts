import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { systemPings } from "@hometrip/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerToken, type EventStack, startEventStack } from "./support/event-stack.ts";
import { pingEnvelope, signDelivery, signingKeys } from "./support/signing.ts";
import { waitFor } from "./support/wait.ts";

// `bun run test` puts bun's own path in npm_execpath; a plain `npx vitest` finds it on PATH.
const bun = process.env.npm_execpath?.match(/bun(\.exe)?$/) ? process.env.npm_execpath : "bun";
const workersDir = fileURLToPath(new URL("..", import.meta.url));

let stack: EventStack;
beforeAll(async () => {
  stack = await startEventStack();
});
afterAll(async () => {
  await stack?.close();
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("bun src/main.ts", () => {
  it("boots from env, applies a signed delivery through its own pool, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const child = spawn(bun, ["src/main.ts"], {
      cwd: workersDir,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH,
        APP_ENV: "test",
        WORKERS_PORT: String(port),
        DATABASE_URL: stack.databaseUrl,
        NEON_WS_PROXY: stack.wsProxy,
        QSTASH_URL: stack.brokerUrl,
        QSTASH_TOKEN: brokerToken,
        QSTASH_CURRENT_SIGNING_KEY: signingKeys.current,
        QSTASH_NEXT_SIGNING_KEY: signingKeys.next,
        EVENTS_DESTINATION_URL: baseUrl,
        APP_URL: "http://localhost:3000",
        EMAIL_TRANSPORT: "dev",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = once(child, "exit");
    try {
      await waitFor("workers health", async () => {
        const response = await fetch(`${baseUrl}/health`).catch(() => undefined);
        return response?.ok;
      });

      const envelope = pingEnvelope();
      const body = JSON.stringify(envelope);
      const url = `${baseUrl}/events`;
      const response = await fetch(url, {
        method: "POST",
        headers: { "upstash-signature": signDelivery({ url, body }) },
        body,
      });
      expect(response.status).toBe(200);
      expect(
        await stack.db.select().from(systemPings).where(eq(systemPings.eventId, envelope.id)),
      ).toHaveLength(1);
    } finally {
      child.kill("SIGTERM");
    }
    const [code] = await exited;
    expect(code, output).toBe(0);
    const lines = output
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { message: string });
    expect(lines.map((l) => l.message)).toEqual(
      expect.arrayContaining(["workers listening", "workers stopped"]),
    );
  });

  it("refuses to start without its settings and names what is missing", async () => {
    const child = spawn(bun, ["src/main.ts"], { cwd: workersDir, env: { PATH: process.env.PATH } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const [code] = await once(child, "exit");
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_URL");
    expect(stderr).toContain("QSTASH_CURRENT_SIGNING_KEY");
  });
});
