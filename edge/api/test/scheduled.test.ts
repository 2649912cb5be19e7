import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import worker from "../src/index.ts";
import { insertOutboxRow, readOutboxRow } from "./db.ts";

it("the cron sweep publishes outbox rows the after-commit relay left behind", async () => {
  const id = await insertOutboxRow(`left behind ${crypto.randomUUID()}`);
  expect((await readOutboxRow(id))?.published_at).toBeNull();

  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ cron: "* * * * *", scheduledTime: Date.now() }),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);

  expect((await readOutboxRow(id))?.published_at).not.toBeNull();
});
