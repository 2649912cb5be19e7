import { Cron } from "croner";
import type { Broker } from "./broker.ts";
import { BrokerError } from "./http.ts";
import type { Log, ScheduleRecord } from "./types.ts";

/** QStash accepts a "CRON_TZ=Area/City " prefix; without it, schedules run in UTC. */
function parseCron(cron: string): { pattern: string; timezone: string } {
  const match = /^CRON_TZ=(\S+)\s+(.+)$/.exec(cron.trim());
  return match ? { pattern: match[2]!, timezone: match[1]! } : { pattern: cron.trim(), timezone: "UTC" };
}

function createJob(cron: string, paused: boolean, run?: () => void): Cron {
  const { pattern, timezone } = parseCron(cron);
  try {
    // Five fields as in QStash, or six with seconds (handy in tests).
    const options = { timezone, paused, mode: "5-or-6-parts" as const, protect: true };
    return run ? new Cron(pattern, options, run) : new Cron(pattern, options);
  } catch (error) {
    throw new BrokerError(400, `invalid Upstash-Cron "${cron}": ${(error as Error).message}`);
  }
}

export function assertValidCron(cron: string): void {
  createJob(cron, true).stop();
}

/** Keeps one croner job per stored schedule; each tick publishes an ordinary message. */
export class ScheduleRunner {
  private readonly jobs = new Map<string, Cron>();
  private readonly firing = new Set<Promise<void>>();

  constructor(
    private readonly broker: Broker,
    private readonly log: Log,
  ) {}

  start(): void {
    for (const schedule of this.broker.store.schedules.values()) this.arm(schedule);
  }

  async upsert(schedule: ScheduleRecord): Promise<void> {
    assertValidCron(schedule.cron);
    await this.broker.store.schedules.put(schedule);
    this.arm(schedule);
  }

  async remove(scheduleId: string): Promise<void> {
    this.jobs.get(scheduleId)?.stop();
    this.jobs.delete(scheduleId);
    await this.broker.store.schedules.delete(scheduleId);
  }

  async setPaused(scheduleId: string, isPaused: boolean): Promise<void> {
    const schedule = this.broker.store.schedules.get(scheduleId);
    if (!schedule) throw new BrokerError(404, `schedule ${scheduleId} not found`);
    await this.upsert({ ...schedule, isPaused });
  }

  nextRun(scheduleId: string): number | undefined {
    return this.jobs.get(scheduleId)?.nextRun()?.getTime();
  }

  async close(): Promise<void> {
    for (const job of this.jobs.values()) job.stop();
    this.jobs.clear();
    await Promise.allSettled([...this.firing]);
  }

  private arm(schedule: ScheduleRecord): void {
    this.jobs.get(schedule.scheduleId)?.stop();
    const job = createJob(schedule.cron, schedule.isPaused, () => {
      const firing = this.fire(schedule.scheduleId)
        .catch((error: unknown) =>
          this.log(`schedule ${schedule.scheduleId} failed to fire: ${String(error)}`),
        )
        .finally(() => this.firing.delete(firing));
      this.firing.add(firing);
    });
    this.jobs.set(schedule.scheduleId, job);
  }

  private async fire(scheduleId: string): Promise<void> {
    const schedule = this.broker.store.schedules.get(scheduleId);
    if (!schedule || schedule.isPaused) return;
    const now = Date.now();
    const { messageId } = await this.broker.accept(
      {
        url: schedule.destination,
        method: schedule.method,
        headers: schedule.headers,
        bodyBase64: schedule.bodyBase64,
        maxRetries: schedule.retries,
        notBefore: now + schedule.delay * 1000,
        timeoutMs: schedule.timeoutMs,
        queueName: schedule.queueName,
        callback: schedule.callback,
        callbackHeaders: schedule.callbackHeaders,
        failureCallback: schedule.failureCallback,
        failureCallbackHeaders: schedule.failureCallbackHeaders,
        labels: schedule.labels,
      },
      { scheduleId },
    );
    this.log(`schedule ${scheduleId} (${schedule.cron}) fired ${messageId}`);
    // Re-read: the schedule may have been updated or deleted while publishing.
    const current = this.broker.store.schedules.get(scheduleId);
    if (current) await this.broker.store.schedules.put({ ...current, lastScheduleTime: now });
  }
}
