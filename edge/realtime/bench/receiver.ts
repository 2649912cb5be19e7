/**
 * A bench:chat receiver thread: joins the room with the tokens it is given, timestamps each
 * message per socket (wall-clock ms, comparable across threads), heartbeats like a browser, and
 * hands the receipts back when told to finish.
 */
import { HEARTBEAT_INTERVAL_MS } from "@hometrip/contracts";

declare const self: Worker;

export type ReceiverStart = { type: "start"; wsBase: string; tokens: string[]; messages: number };
export type ReceiverReport = { type: "report"; received: number[][]; duplicates: number };

const now = () => performance.timeOrigin + performance.now();
const sockets: WebSocket[] = [];
let received: number[][] = [];
let duplicates = 0;

function join(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  const seen = new Set<number>();
  return new Promise((resolve, reject) => {
    ws.onmessage = (message) => {
      const at = now();
      const data = String(message.data);
      // Only message frames carry "seq"; presence admits the socket.
      const seqAt = data.indexOf('"seq":');
      if (seqAt === -1) {
        if (data.startsWith('{"type":"presence"')) resolve(ws);
        return;
      }
      const seq = Number.parseInt(data.slice(seqAt + 6), 10);
      if (seen.has(seq)) duplicates++;
      seen.add(seq);
      received[seq]?.push(at);
    };
    ws.onclose = (event) => reject(new Error(`closed ${event.code} ${event.reason}`));
    ws.onerror = () => reject(new Error("socket error"));
  });
}

self.onmessage = async (event: MessageEvent<ReceiverStart | { type: "finish" }>) => {
  const command = event.data;
  if (command.type === "start") {
    received = Array.from({ length: command.messages }, () => []);
    for (let i = 0; i < command.tokens.length; i += 25) {
      const batch = command.tokens.slice(i, i + 25);
      sockets.push(
        ...(await Promise.all(batch.map((t) => join(`${command.wsBase}?token=${encodeURIComponent(t)}`)))),
      );
    }
    setInterval(() => {
      for (const ws of sockets) ws.send('{"type":"heartbeat"}');
    }, HEARTBEAT_INTERVAL_MS);
    self.postMessage({ type: "ready" });
  } else {
    for (const ws of sockets) ws.close(1000);
    self.postMessage({ type: "report", received, duplicates } satisfies ReceiverReport);
  }
};
