import type { WebSocketConstructor } from "@neondatabase/serverless";

type SendArgs = Parameters<WebSocket["send"]>;

/**
 * The driver writes each Postgres message of a query on its own (Parse, Bind, Describe, Execute,
 * Sync: a query is three to five writes). With `coalesceWrites` off each write is a WebSocket
 * frame, and every frame costs a send, a wake-up of the proxy and a write to Postgres; with it on,
 * the driver holds writes for a `setTimeout(0)`, which delays every query by a timer tick.
 *
 * This subclass joins the binary sends of one synchronous run (everything a query writes) into one
 * frame, sent from a microtask: before the event loop turns, so nothing waits on a timer. Text
 * frames and `close()` first send what is held, so the order on the wire never changes.
 */
export function coalescingWebSocket(Base: WebSocketConstructor): WebSocketConstructor {
  const Socket = Base as unknown as typeof WebSocket;
  class CoalescingWebSocket extends Socket {
    #held: Uint8Array[] = [];

    override send(...args: SendArgs): void {
      const [data] = args;
      if (args.length !== 1 || !(data instanceof Uint8Array)) {
        this.#flush();
        super.send(...args);
        return;
      }
      this.#held.push(data);
      if (this.#held.length === 1) queueMicrotask(() => this.#flush());
    }

    override close(code?: number, reason?: string): void {
      this.#flush();
      super.close(code, reason);
    }

    #flush(): void {
      const held = this.#held;
      if (held.length === 0) return;
      this.#held = [];
      super.send(held.length === 1 ? (held[0] as Uint8Array) : concat(held));
    }
  }
  return CoalescingWebSocket as unknown as WebSocketConstructor;
}

function concat(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.byteLength;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}
