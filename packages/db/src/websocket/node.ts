import type { WebSocketConstructor } from "@neondatabase/serverless";
import ws from "ws";

/** Node 20 has no global WebSocket; `ws` stands in. Only reachable under the "node" condition. */
export const fallbackWebSocket: WebSocketConstructor | undefined =
  typeof globalThis.WebSocket === "function" ? undefined : (ws as unknown as WebSocketConstructor);
