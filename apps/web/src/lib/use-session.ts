"use client";
import { useQuery } from "@tanstack/react-query";
import { apiErrorCode } from "./api-errors.ts";
import { useTRPC } from "./trpc/client.ts";

/**
 * The signed-in member on the client (users.me through react-query), or null for a visitor.
 * Server components use getSessionUser() from session.ts instead.
 */
export function useSession() {
  const trpc = useTRPC();
  const me = useQuery({
    ...trpc.users.me.queryOptions(),
    retry: (count, error) => apiErrorCode(error) !== "UNAUTHORIZED" && count < 2,
  });
  const signedOut = apiErrorCode(me.error) === "UNAUTHORIZED";
  return {
    user: me.data ?? null,
    status: me.isPending ? "loading" : signedOut || !me.data ? "signed-out" : "signed-in",
    error: signedOut ? null : me.error,
  } as const;
}
