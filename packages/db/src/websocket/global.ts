import type { WebSocketConstructor } from "@neondatabase/serverless";

/** workerd, Bun, browsers and Node >= 22 have a global WebSocket; the driver uses it by itself. */
export const fallbackWebSocket: WebSocketConstructor | undefined = undefined;
