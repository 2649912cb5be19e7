import type { Bindings } from "../src/context.ts";

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      /** A URL whose port nothing listens on, for "dependency down" tests. */
      TEST_UNREACHABLE_URL: string;
      /** The stand-in event consumer behind the broker; GET /received lists deliveries. */
      TEST_EVENT_SINK_URL: string;
    }
  }
}
