import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sql } from "./db.ts";
import { createTestClient, settle } from "./harness.ts";
import { createMember } from "./users-support.ts";

describe("ops.queues", () => {
  it("shows the outbox backlog and dead letters to admins, and says what is not configured", async () => {
    const admin = await createMember("ops-queues-admin", { role: "admin" });
    // An event committed but never relayed, an hour old: the backlog's oldest row. Removed after
    // reading, so no other file's outbox sweep relays it.
    const [stuck] = await sql<{ id: string }>(
      `insert into outbox (event_type, event_version, payload, occurred_at, attempts)
       values ('system.pinged', 1, '{"note":"stuck","requestedBy":"operator"}', now() - interval '1 hour', 2)
       returning id`,
    );
    const queues = await createTestClient(admin.auth)
      .ops.queues.query()
      .finally(() => sql("delete from outbox where id = $1", [stuck?.id]));
    expect(queues.outbox.status).toBe("ok");
    if (queues.outbox.status !== "ok") return;
    expect(queues.outbox.data.unpublished).toBeGreaterThanOrEqual(1);
    expect(queues.outbox.data.failedRelays).toBeGreaterThanOrEqual(1);
    const oldest = Date.parse(queues.outbox.data.oldestUnpublishedAt ?? "");
    expect(Date.now() - oldest).toBeGreaterThanOrEqual(3_500_000);
    expect(queues.deadLetters.status).toBe("ok");
    expect(queues.workers.status).toBe("not_configured");
  });

  it("reports a source it cannot reach as unavailable instead of failing the panel", async () => {
    const admin = await createMember("ops-queues-down", { role: "admin" });
    const down = {
      QSTASH_URL: env.TEST_UNREACHABLE_URL,
      WORKERS_METRICS_URL: env.TEST_UNREACHABLE_URL,
      METRICS_TOKEN: "ops-queues-test-metrics-token",
    };
    const queues = await createTestClient(admin.auth, down).ops.queues.query();
    expect(queues.outbox.status).toBe("ok");
    expect(queues.deadLetters).toEqual({ status: "unavailable", reason: "dead letters could not be read" });
    expect(queues.workers).toEqual({ status: "unavailable", reason: "worker metrics could not be read" });
  });

  it("is for admins only", async () => {
    const member = await createMember("ops-queues-member");
    expect((await settle(() => createTestClient(member.auth).ops.queues.query())).status).toBe(403);
  });
});
