"use client";
import type { AppRouter } from "@hometrip/api";
import { createTRPCContext } from "@trpc/tanstack-react-query";

/** Hooks for the typed API: `const trpc = useTRPC(); useQuery(trpc.users.me.queryOptions())`. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
