"use client";
import type { AppRouter } from "@hometrip/api";
import { newTraceparent } from "@hometrip/contracts/traceparent";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpLink } from "@trpc/client";
import { type ReactNode, useState } from "react";
import { apiErrorCode } from "../api-errors.ts";
import { TRPCProvider } from "./client.ts";
import { createRefreshingFetch } from "./refreshing-fetch.ts";

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change on retry; only transient failures are worth another try.
        retry: (count, error) => {
          const code = apiErrorCode(error);
          return count < 2 && (code === null || code === "UNAVAILABLE");
        },
      },
    },
  });
}

/** Browser side of the API: same-origin `/trpc`, forwarded to the Worker by src/lib/api-proxy.ts. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: "/trpc",
          fetch: createRefreshingFetch({ refreshUrl: "/trpc/auth.refresh" }),
          // Each call (a page action) starts a trace the proxy, API and workers continue.
          headers: () => ({ traceparent: newTraceparent() }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
