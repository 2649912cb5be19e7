import { parseWorkersEnv } from "@hometrip/config";
import { createEmailTransport, type Logger, type NotifyResult } from "@hometrip/core";
import type { Client } from "@upstash/qstash";
import { describe, expect, it } from "vitest";
import {
  type DueSendWakeUps,
  minimumWakeUpLeadMs,
  qstashDueSendWakeUps,
  wakeWhenDue,
} from "./due-send-wake-ups.ts";
import { createNotificationDeps } from "./from-env.ts";

type Published = Parameters<Client["publishJSON"]>[0];

function recordingClient() {
  const published: Published[] = [];
  const client: Pick<Client, "publishJSON"> = {
    publishJSON: (async (request: Published) => {
      published.push(request);
      return { messageId: `msg_${published.length}` };
    }) as Client["publishJSON"],
  };
  return { client, published };
}

function recordingWakeUps(fail = false) {
  const at: Date[] = [];
  const wakeUps: DueSendWakeUps = {
    async at(due) {
      if (fail) throw new Error("broker unreachable");
      at.push(due);
    },
  };
  return { wakeUps, at };
}

function recordingLog() {
  const warnings: { message: string; fields?: Record<string, unknown> }[] = [];
  const log: Logger = {
    info() {},
    warn(message, fields) {
      warnings.push({ message, fields });
    },
    error() {},
  };
  return { log, warnings };
}

const scheduled = (...deliverAfter: Date[]): NotifyResult => ({
  notification: null,
  scheduled: deliverAfter.map((at, i) => ({ channel: i % 2 ? "push" : "email", deliverAfter: at })),
});

describe("a delayed QStash message per instant a send falls due", () => {
  it("goes to the delivery job at that second, deduplicated by the second", async () => {
    const { client, published } = recordingClient();
    const wakeUps = qstashDueSendWakeUps(client, "http://127.0.0.1:8790/");
    const due = new Date(Date.now() + 20_400);
    await wakeUps.at(due);
    const seconds = Math.ceil(due.getTime() / 1000);
    expect(published).toEqual([
      expect.objectContaining({
        url: "http://127.0.0.1:8790/jobs/notification-deliveries",
        notBefore: seconds,
        deduplicationId: `notification-deliveries-${seconds}`,
      }),
    ]);
  });

  it("wakes once per distinct second, and never before the handler's transaction can have committed", async () => {
    const { wakeUps, at } = recordingWakeUps();
    const now = new Date();
    const inTwenty = new Date(now.getTime() + 20_000);
    await wakeWhenDue(wakeUps, scheduled(inTwenty, inTwenty, now), { now, log: recordingLog().log });
    const second = (ms: number) => Math.ceil(ms / 1000) * 1000;
    expect(at.map((d) => d.getTime()).sort()).toEqual([
      second(now.getTime() + minimumWakeUpLeadMs),
      second(inTwenty.getTime()),
    ]);
  });

  it("logs a wake-up the broker refused instead of throwing (the minute sweep sends it)", async () => {
    const { wakeUps } = recordingWakeUps(true);
    const { log, warnings } = recordingLog();
    const now = new Date();
    await expect(
      wakeWhenDue(wakeUps, scheduled(new Date(now.getTime() + 60_000)), { now, log }),
    ).resolves.toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ message: "notification wake-up not scheduled" })]);
  });
});

describe("NOTIFY_AWAY_DELAY_SECONDS", () => {
  const env = {
    DATABASE_URL: "postgres://u:p@localhost:5432/db",
    QSTASH_URL: "http://127.0.0.1:8081",
    QSTASH_TOKEN: "dev-qstash-token",
    QSTASH_CURRENT_SIGNING_KEY: "sig_current_key",
    QSTASH_NEXT_SIGNING_KEY: "sig_next_key_00",
    EVENTS_DESTINATION_URL: "http://127.0.0.1:8790",
    UPSTASH_REDIS_REST_URL: "http://127.0.0.1:8079",
    UPSTASH_REDIS_REST_TOKEN: "dev-redis-token",
    APP_URL: "http://localhost:3000",
    API_PUBLIC_URL: "http://127.0.0.1:8787",
    UNSUBSCRIBE_SIGNING_KEY: "test-unsubscribe-signing-key-0123456789",
    STRIPE_SECRET_KEY: "sk_test_hometrip_local_0000000000000000",
    EMAIL_TRANSPORT: "dev",
  };
  const depsFor = (extra: Record<string, string>) =>
    createNotificationDeps(parseWorkersEnv({ ...env, ...extra }), {
      transport: createEmailTransport({ kind: "dev", from: "HomeTrip <no-reply@hometrip.test>" }),
    });

  it("sets the away delay of message sends (default 2 min)", () => {
    expect(depsFor({}).timing.awayDelayMs).toBe(120_000);
    expect(depsFor({ NOTIFY_AWAY_DELAY_SECONDS: "20" }).timing.awayDelayMs).toBe(20_000);
  });
});
