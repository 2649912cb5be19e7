import type { Bindings } from "../src/context.ts";

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      /** A URL whose port nothing listens on, for "dependency down" tests. */
      TEST_UNREACHABLE_URL: string;
      /** The stand-in event consumer behind the broker; GET /received lists deliveries. */
      TEST_EVENT_SINK_URL: string;
      /** Fuzz suite: calls per procedure (default in fuzz.test.ts) and the seed to replay. */
      FUZZ_RUNS: string;
      FUZZ_SEED: string;
      /** The realtime Worker (hometrip-realtime), to open room sockets as a browser would. */
      TEST_REALTIME: Fetcher;
    }
  }
  interface ImportMeta {
    /** Vite's glob import (vitest transforms it), in the raw-text form the source-reading suites use. */
    glob(
      patterns: string[],
      options: { query: "?raw"; import: "default"; eager: true },
    ): Record<string, string>;
  }
}
