export { createWorkerApp, type WorkerDeps } from "./app.ts";
export {
  acknowledgeOnly,
  createEventHandlers,
  createMailDeps,
  type EventContext,
  type EventHandler,
  type EventHandlers,
  eventHandlers,
  type MailDeps,
} from "./handlers/index.ts";
export { createJsonLogger } from "./log.ts";
export type { SignatureVerifier } from "./signature.ts";
