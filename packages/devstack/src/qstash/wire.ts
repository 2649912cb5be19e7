import type { DeadLetter, ScheduleRecord, StoredMessage } from "./types.ts";

/** Groups header pairs the way QStash reports them: name → all values. */
export function headerRecord(pairs: Iterable<[string, string]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of pairs) {
    const values = out[name] ?? [];
    values.push(value);
    out[name] = values;
  }
  return out;
}

/** QStash reports bodies as text when they are UTF-8 and as base64 otherwise. */
function bodyFields(bodyBase64: string): { body?: string; bodyBase64?: string } {
  const bytes = Buffer.from(bodyBase64, "base64");
  try {
    return { body: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { bodyBase64 };
  }
}

export function messageToWire(m: StoredMessage) {
  return {
    messageId: m.messageId,
    url: m.url,
    method: m.method,
    header: headerRecord(m.headers),
    ...bodyFields(m.bodyBase64),
    maxRetries: m.maxRetries,
    retried: m.retried,
    notBefore: m.notBefore,
    createdAt: m.createdAt,
    callback: m.callback,
    failureCallback: m.failureCallback,
    queueName: m.queueName,
    scheduleId: m.scheduleId,
    label: m.labels?.[0],
    labels: m.labels,
  };
}

export function deadLetterToWire(d: DeadLetter) {
  return {
    ...messageToWire(d),
    dlqId: d.dlqId,
    responseStatus: d.responseStatus,
    responseHeader: d.responseHeader,
    responseBody: d.responseBody ?? d.error,
  };
}

export function scheduleToWire(s: ScheduleRecord, nextScheduleTime: number | undefined) {
  return {
    scheduleId: s.scheduleId,
    cron: s.cron,
    createdAt: s.createdAt,
    destination: s.destination,
    method: s.method,
    header: headerRecord(s.headers),
    ...bodyFields(s.bodyBase64),
    retries: s.retries,
    delay: s.delay,
    callback: s.callback,
    failureCallback: s.failureCallback,
    isPaused: s.isPaused,
    queueName: s.queueName,
    label: s.labels?.[0],
    labels: s.labels,
    lastScheduleTime: s.lastScheduleTime,
    nextScheduleTime,
  };
}
