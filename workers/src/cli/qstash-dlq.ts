/**
 * `bun run qstash:dlq -- list` prints QStash's dead letters (id, event, destination, last status);
 * `bun run qstash:dlq -- replay <dlqId>` asks QStash to deliver one again (its DLQ retry API: same
 * body and headers, so the outbox id still deduplicates and the traceparent still links the trace).
 * Settings: QSTASH_URL, QSTASH_TOKEN.
 */
import { ConfigError, parseQStashAdminEnv } from "@hometrip/config";
import { Client } from "@upstash/qstash";

function describeBody(body: string | undefined): string {
  try {
    const envelope = JSON.parse(body ?? "") as { id?: string; type?: string };
    return `${envelope.type ?? "?"} ${envelope.id ?? ""}`.trim();
  } catch {
    return "(not an event envelope)";
  }
}

try {
  const env = parseQStashAdminEnv(process.env);
  const client = new Client({ baseUrl: env.QSTASH_URL, token: env.QSTASH_TOKEN, enableTelemetry: false });
  const [command, id] = process.argv.slice(2);
  if (command === "list") {
    let cursor: string | undefined;
    let count = 0;
    do {
      const page = await client.dlq.listMessages(cursor ? { cursor } : {});
      for (const m of page.messages) {
        count++;
        const status = (m as { responseStatus?: number }).responseStatus ?? "-";
        process.stdout.write(`${m.dlqId}  ${describeBody(m.body)}  → ${m.url}  last status ${status}\n`);
      }
      cursor = page.cursor;
    } while (cursor);
    process.stdout.write(`${count} dead letter(s)\n`);
  } else if (command === "replay" && id) {
    await client.dlq.retry([id]);
    process.stdout.write(`replayed ${id}\n`);
  } else {
    process.stderr.write("usage: bun run qstash:dlq -- list | replay <dlqId>\n");
    process.exit(2);
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}
