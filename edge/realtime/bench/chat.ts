/**
 * bun run bench:chat [-- --clients 500 --messages 200 --threads 2 --runtime wrangler-dev|workerd]
 *
 * N clients join one conversation room of the realtime Worker (under `wrangler dev` as `bun run
 * dev` serves it, or the deploy bundle in workerd), spread over receiver threads; one sender puts M
 * messages into the room the way the Bun workers do (POST /internal/deliver; the API's Durable
 * Object binding makes the same RPC without the HTTP hop), one after another. Fan-out latency is
 * send → the last receiver of that message.
 */
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { conversationRoom } from "@hometrip/contracts";
import { signRoomToken } from "@hometrip/core/realtime/room-token";
import { descendantsCpuMs } from "@hometrip/testkit/process-cpu";
import { startRealtimeWorkerd } from "../testing/workerd.ts";
import { type RealtimeDev, startRealtimeDev } from "./realtime-dev.ts";
import type { ReceiverReport, ReceiverStart } from "./receiver.ts";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "500" },
    messages: { type: "string", default: "200" },
    threads: { type: "string", default: String(Math.max(1, Math.min(4, availableParallelism()))) },
    runtime: { type: "string", default: "wrangler-dev" },
  },
});
const clients = Number(values.clients);
const messageCount = Number(values.messages);
const threads = Math.max(1, Math.min(Number(values.threads), clients));
const secret = `bench-room-secret-${crypto.randomUUID()}`;
const internalToken = `bench-internal-${crypto.randomUUID()}`;
const log = (line: string) => console.log(`[bench:chat] ${line}`);
const now = () => performance.timeOrigin + performance.now();
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const ms = (n: number) => n.toFixed(1);

const vars = { APP_ENV: "development", ROOM_TOKEN_SECRET: secret, REALTIME_INTERNAL_TOKEN: internalToken };
async function startRuntime(): Promise<RealtimeDev> {
  if (values.runtime !== "workerd") return startRealtimeDev(vars, log);
  const workerd = await startRealtimeWorkerd(vars);
  log(`realtime Worker bundle in workerd via Miniflare at ${workerd.url}`);
  return workerd;
}
const runtime = await startRuntime();
const workers: Worker[] = [];
try {
  const conversationId = crypto.randomUUID();
  const room = conversationRoom(conversationId);
  const wsBase = `${runtime.url.replace("http", "ws")}/parties/conversation-room/${conversationId}`;
  const tokens = await Promise.all(
    Array.from(
      { length: clients },
      async () => (await signRoomToken(secret, { userId: crypto.randomUUID(), room })).token,
    ),
  );

  const joinStarted = now();
  const reply = (worker: Worker, type: string) =>
    new Promise<MessageEvent>((resolve, reject) => {
      worker.onmessage = (event) => event.data?.type === type && resolve(event);
      worker.onerror = (event) => reject(new Error(event.message));
    });
  await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const worker = new Worker(new URL("./receiver.ts", import.meta.url).href);
      workers.push(worker);
      const ready = reply(worker, "ready");
      const share = tokens.filter((_, i) => i % threads === t);
      worker.postMessage({
        type: "start",
        wsBase,
        tokens: share,
        messages: messageCount,
      } satisfies ReceiverStart);
      return ready;
    }),
  );
  log(`${clients} clients admitted over ${threads} receiver threads in ${ms(now() - joinStarted)} ms`);
  // The joins' last presence broadcast (coalesced, up to a second late) goes out before timing starts.
  await new Promise((r) => setTimeout(r, 1_500));

  const sentAt: number[] = [];
  const answeredAt: number[] = [];
  const senderId = crypto.randomUUID();
  const cpuBefore = { workerd: workerdCpuSeconds(), bench: process.cpuUsage() };
  for (let seq = 0; seq < messageCount; seq++) {
    sentAt[seq] = now();
    const response = await fetch(`${runtime.url}/internal/deliver`, {
      method: "POST",
      headers: { authorization: `Bearer ${internalToken}`, "content-type": "application/json" },
      body: JSON.stringify({
        room,
        event: {
          type: "message",
          message: {
            id: crypto.randomUUID(),
            conversationId,
            seq,
            senderId,
            body: `Message ${seq}: is the flat still free for the second week of June?`,
            masked: false,
            attachments: [],
            createdAt: new Date().toISOString(),
          },
        },
      }),
    });
    if (!response.ok) throw new Error(`delivery ${seq}: HTTP ${response.status}`);
    await response.arrayBuffer();
    answeredAt[seq] = now();
  }
  // Let the last frames land, then collect every thread's receipts.
  await new Promise((r) => setTimeout(r, 1_000));
  const workerdCpu = workerdCpuSeconds() - cpuBefore.workerd;
  const benchCpu = process.cpuUsage(cpuBefore.bench);
  const reports = await Promise.all(
    workers.map((worker) => {
      const report = reply(worker, "report");
      worker.postMessage({ type: "finish" });
      return report.then((event) => event.data as ReceiverReport);
    }),
  );
  const received = sentAt.map((_, seq) => reports.flatMap((r) => r.received[seq] ?? []));
  const duplicates = reports.reduce((sum, r) => sum + r.duplicates, 0);
  const lost = received.reduce((sum, r) => sum + Math.max(0, clients - r.length), 0);
  const fanOut = received.map((r, i) => Math.max(...r) - (sentAt[i] ?? 0)).sort((a, b) => a - b);
  const each = received.flatMap((r, i) => r.map((t) => t - (sentAt[i] ?? 0))).sort((a, b) => a - b);
  const answer = answeredAt.map((t, i) => t - (sentAt[i] ?? 0)).sort((a, b) => a - b);
  const seconds = (Math.max(...received.flat()) - (sentAt[0] ?? 0)) / 1000;
  const msgsPerSecond = messageCount / seconds;
  log(
    `delivery request answered (room has sent to all): p50 ${ms(percentile(answer, 50))} ms, p95 ${ms(percentile(answer, 95))} ms`,
  );
  log(
    `per delivery (one receiver): p50 ${ms(percentile(each, 50))} ms, p95 ${ms(percentile(each, 95))} ms, ` +
      `p99 ${ms(percentile(each, 99))} ms over ${each.length} deliveries`,
  );
  log(
    `fan-out (send → every receiver): p99 ${ms(percentile(fanOut, 99))} ms; ${messageCount} messages in ` +
      `${seconds.toFixed(2)} s, ${Math.round(msgsPerSecond * clients)} deliveries/s, duplicates ${duplicates}`,
  );
  log(
    `CPU while sending: workerd ${workerdCpu.toFixed(2)} s (${ms((workerdCpu * 1000) / messageCount)} ms per fan-out), ` +
      `bench client ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(2)} s; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${availableParallelism()} CPUs`,
  );
  console.log(
    `bench:chat clients=${clients} p50_ms=${ms(percentile(fanOut, 50))} p95_ms=${ms(percentile(fanOut, 95))} ` +
      `p99_ms=${ms(percentile(fanOut, 99))} msgs_per_s=${msgsPerSecond.toFixed(1)} lost=${lost}`,
  );
} finally {
  for (const worker of workers) worker.terminate();
  await runtime.close();
}

/** CPU seconds of the workerd processes under this one (NaN, printed so, where /proc cannot tell). */
function workerdCpuSeconds(): number {
  return (descendantsCpuMs("workerd") ?? Number.NaN) / 1000;
}
