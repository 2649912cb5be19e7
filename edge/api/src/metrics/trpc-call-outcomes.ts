import type { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { maxBatchCalls, trpcCallPaths } from "../trpc-wire.ts";

/** The label of a path no procedure has: unbounded garbage must not become a metric series. */
export const unknownProcedure = "trpc:unknown";

/**
 * The status of each call of a tRPC request. The response's status speaks for a single call or a
 * batch whose calls agree; a mixed batch answers 207, so failures are noted per path as tRPC
 * reports them (`onError`), and the calls not noted succeeded. `procedurePaths` are the paths the
 * router has, handed in by whoever assembles the app (this file sits below the router).
 */
export class TrpcCallOutcomes {
  private readonly failed = new Map<string, number[]>();

  constructor(private readonly procedurePaths: ReadonlySet<string>) {}

  failedCall(path: string | undefined, error: TRPCError): void {
    const key = path ?? "";
    const list = this.failed.get(key) ?? [];
    list.push(getHTTPStatusCodeFromError(error));
    this.failed.set(key, list);
  }

  calls(url: string, responseStatus: number): { procedure: string; status: number }[] {
    // New routers are picked up by path: whatever the router has is a label, anything else is not.
    return trpcCallPaths(url)
      .slice(0, maxBatchCalls)
      .map((path) => ({
        procedure: this.procedurePaths.has(path) ? path : unknownProcedure,
        status: this.failed.get(path)?.shift() ?? (responseStatus === 207 ? 200 : responseStatus),
      }));
  }
}
