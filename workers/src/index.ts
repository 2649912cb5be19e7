export { createWorkerApp, type WorkerDeps } from "./app.ts";
export {
  acknowledgeOnly,
  type EventContext,
  type EventHandler,
  type EventHandlers,
  eventHandlers,
} from "./handlers/index.ts";
export { createJsonLogger } from "./log.ts";
export type { SignatureVerifier } from "./signature.ts";
