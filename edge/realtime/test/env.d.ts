import type { Env as RealtimeBindings } from "../src/env.ts";

declare global {
  namespace Cloudflare {
    interface Env extends RealtimeBindings {}
  }
}
