import type { EdgeEnv } from "@hometrip/config";
import type { TraceContext } from "@hometrip/contracts";
import type { TrpcCallOutcomes } from "./metrics/trpc-call-outcomes.ts";
import type { Services } from "./services/index.ts";
import type { Logger } from "./services/logger.ts";

/** Worker bindings as they arrive: plain strings from [vars], secrets, `.dev.vars` or `--var`. */
export type Bindings = { [K in keyof EdgeEnv]?: string };

export type Variables = {
  requestId: string;
  /** This request's W3C trace context (continued from `traceparent`, or started here). */
  trace: TraceContext;
  logger: Logger;
  config: EdgeEnv;
  services: Services;
  /** Set by the metrics middleware: tRPC reports each failed call of a batch here. */
  trpcCallOutcomes?: TrpcCallOutcomes;
};

export type HonoEnv = { Bindings: Bindings; Variables: Variables };
