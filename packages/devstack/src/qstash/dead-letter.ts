import type { Broker } from "./broker.ts";
import type { DeadLetter } from "./types.ts";
import { deadLetterToWire } from "./wire.ts";

const DEFAULT_PAGE = 100;

interface Page {
  entries: DeadLetter[];
  cursor?: string;
}

/** Applies the filters the Client sends (dlqIds, or url/queueName/label/... fields) plus paging. */
function select(all: DeadLetter[], query: URLSearchParams): Page {
  const ids = query.getAll("dlqIds");
  const has = (field: string, value: string | undefined) => {
    const wanted = query.getAll(field);
    return wanted.length === 0 || (value !== undefined && wanted.includes(value));
  };
  const from = Number(query.get("fromDate") ?? 0);
  const to = Number(query.get("toDate") ?? Number.POSITIVE_INFINITY);
  const matching = all
    .filter((d) => ids.length === 0 || ids.includes(d.dlqId))
    .filter(
      (d) =>
        has("messageId", d.messageId) &&
        has("url", d.url) &&
        has("queueName", d.queueName) &&
        has("scheduleId", d.scheduleId) &&
        has("responseStatus", d.responseStatus?.toString()) &&
        (query.getAll("label").length === 0 || query.getAll("label").some((l) => d.labels?.includes(l))),
    )
    .filter((d) => d.failedAt >= from && d.failedAt <= to)
    .sort((a, b) => a.failedAt - b.failedAt || a.dlqId.localeCompare(b.dlqId));
  // The cursor is an offset into this stable order; good enough for a local broker.
  const offset = Number(query.get("cursor") ?? 0) || 0;
  const count = Number(query.get("count") ?? DEFAULT_PAGE) || DEFAULT_PAGE;
  const entries = matching.slice(offset, offset + count);
  const next = offset + entries.length;
  return { entries, cursor: next < matching.length ? String(next) : undefined };
}

export function listDeadLetters(broker: Broker, query: URLSearchParams) {
  const page = select(broker.store.deadLetters.values(), query);
  return { messages: page.entries.map(deadLetterToWire), cursor: page.cursor };
}

export async function deleteDeadLetters(broker: Broker, query: URLSearchParams) {
  const page = select(broker.store.deadLetters.values(), query);
  await Promise.all(page.entries.map((d) => broker.store.deadLetters.delete(d.dlqId)));
  return { deleted: page.entries.length, cursor: page.cursor };
}

/** Replays as a fresh message (new id, retry count reset), as QStash does. */
export async function retryDeadLetters(broker: Broker, query: URLSearchParams) {
  const page = select(broker.store.deadLetters.values(), query);
  const responses: { messageId: string }[] = [];
  for (const d of page.entries) {
    const { dlqId, responseStatus, responseHeader, responseBody, error, failedAt, ...message } = d;
    const { messageId } = await broker.accept(
      { ...message, notBefore: Date.now() },
      { scheduleId: d.scheduleId },
    );
    await broker.store.deadLetters.delete(dlqId);
    responses.push({ messageId });
  }
  return { responses, cursor: page.cursor };
}
