import { type Broker, newId } from "./broker.ts";
import { BrokerError, destinationOf, type Route } from "./http.ts";
import {
  forwardedHeaders,
  parseCallbacks,
  parseDuration,
  parseLabels,
  parseMethod,
  parseRetries,
  parseTimeout,
} from "./publish-request.ts";
import type { ScheduleRunner } from "./schedules.ts";
import { scheduleToWire } from "./wire.ts";

export function scheduleRoutes(broker: Broker, runner: ScheduleRunner): Route[] {
  const { store } = broker;
  const find = (rawId: string) => {
    const schedule = store.schedules.get(decodeURIComponent(rawId));
    if (!schedule) throw new BrokerError(404, `schedule ${rawId} not found`);
    return schedule;
  };
  const pauseOrResume = async ({ params }: { params: string[] }) => {
    await runner.setPaused(find(params[0]!).scheduleId, params[1] === "pause");
    return { status: 200 };
  };

  return [
    {
      method: "POST",
      // A destination always contains "://", which is how it differs from /{id}/pause.
      path: /^\/v2\/schedules\/(.+:\/.*)$/s,
      handle: async ({ params, search, headers, body }) => {
        const cron = headers.get("upstash-cron");
        if (!cron) throw new BrokerError(400, "Upstash-Cron header is required");
        if (headers.get("upstash-retry-delay")) {
          throw new BrokerError(400, "Upstash-Retry-Delay is not supported by the local broker");
        }
        const scheduleId = headers.get("upstash-schedule-id") ?? newId("scd");
        const existing = store.schedules.get(scheduleId);
        const delay = headers.get("upstash-delay");
        await runner.upsert({
          scheduleId,
          cron,
          destination: destinationOf(params[0]!, search),
          method: parseMethod(headers),
          headers: forwardedHeaders(headers),
          bodyBase64: body.toString("base64"),
          retries: parseRetries(headers),
          delay: delay ? Math.round(parseDuration(delay, "Upstash-Delay") / 1000) : 0,
          timeoutMs: parseTimeout(headers),
          createdAt: existing?.createdAt ?? Date.now(),
          isPaused: existing?.isPaused ?? false,
          queueName: headers.get("upstash-queue-name") ?? undefined,
          ...parseCallbacks(headers),
          labels: parseLabels(headers),
          lastScheduleTime: existing?.lastScheduleTime,
        });
        return { status: 200, body: { scheduleId } };
      },
    },
    {
      method: "GET",
      path: /^\/v2\/schedules\/?$/,
      handle: () => ({
        status: 200,
        body: store.schedules.values().map((s) => scheduleToWire(s, runner.nextRun(s.scheduleId))),
      }),
    },
    {
      method: "GET",
      path: /^\/v2\/schedules\/([^/]+)$/,
      handle: ({ params }) => {
        const schedule = find(params[0]!);
        return { status: 200, body: scheduleToWire(schedule, runner.nextRun(schedule.scheduleId)) };
      },
    },
    {
      method: "DELETE",
      path: /^\/v2\/schedules\/([^/]+)$/,
      handle: async ({ params }) => {
        await runner.remove(find(params[0]!).scheduleId);
        return { status: 200 };
      },
    },
    // The Client uses PATCH; POST is what QStash's REST docs show.
    { method: "PATCH", path: /^\/v2\/schedules\/([^/]+)\/(pause|resume)$/, handle: pauseOrResume },
    { method: "POST", path: /^\/v2\/schedules\/([^/]+)\/(pause|resume)$/, handle: pauseOrResume },
  ];
}
