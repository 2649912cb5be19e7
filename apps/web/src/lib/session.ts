import type { AppRouter, RouterOutputs } from "@hometrip/api";
import { continueTrace, newTraceparent, parseTraceparent } from "@hometrip/contracts/traceparent";
import { createTRPCClient, httpLink } from "@trpc/client";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { apiErrorCode } from "./api-errors.ts";
import { webEnv } from "./env.ts";

export type SessionUser = RouterOutputs["users"]["me"];

/**
 * The API as the signed-in visitor: the incoming Cookie header is forwarded, so the API sees
 * the same `ht_access` cookie the browser sent to the web origin. Server components only.
 */
export async function serverApi() {
  const [jar, incoming] = await Promise.all([cookies(), headers()]);
  const cookie = jar.toString();
  const forwardedFor = incoming.get("x-forwarded-for");
  // A server render is the start of its own trace (or continues one a caller sent with the page request).
  const incomingTrace = parseTraceparent(incoming.get("traceparent")) ? incoming.get("traceparent") : null;
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${webEnv().apiUrl}/trpc`,
        headers: () => ({
          ...(cookie ? { cookie } : {}),
          ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
          traceparent: incomingTrace ? continueTrace(incomingTrace).traceparent : newTraceparent(),
        }),
      }),
    ],
  });
}

/** The signed-in user for this request, or null; one API call per render however often asked. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const jar = await cookies();
  if (!jar.has("ht_access")) return null;
  try {
    return await (await serverApi()).users.me.query();
  } catch (error) {
    if (apiErrorCode(error) === "UNAUTHORIZED") return null;
    throw error;
  }
});

/** For pages behind sign-in: the user, or a redirect to /login that comes back here afterwards. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return user;
}
