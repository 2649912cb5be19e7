import { describe, expect, it } from "vitest";
import { createRefreshingFetch } from "./refreshing-fetch.ts";

/** A stand-in for the API: the access cookie is "expired" until one refresh succeeds. */
function fakeApi(opts: { refreshWorks: boolean }) {
  const calls: string[] = [];
  let signedIn = false;
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    calls.push(url);
    await new Promise((r) => setTimeout(r, 5));
    if (url.endsWith("/trpc/auth.refresh")) {
      signedIn = opts.refreshWorks;
      return new Response("{}", { status: opts.refreshWorks ? 200 : 401 });
    }
    if (url.includes("/trpc/auth.logIn")) return new Response("{}", { status: 401 });
    return new Response("{}", { status: signedIn ? 200 : 401 });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe("createRefreshingFetch", () => {
  it("rotates the session once and replays the call that found it expired", async () => {
    const api = fakeApi({ refreshWorks: true });
    const f = createRefreshingFetch({ fetch: api.fetch, refreshUrl: "/trpc/auth.refresh" });
    const res = await f("/trpc/users.me");
    expect(res.status).toBe(200);
    expect(api.calls).toEqual(["/trpc/users.me", "/trpc/auth.refresh", "/trpc/users.me"]);
  });

  it("shares one refresh between calls that expire together (a refresh token is single-use)", async () => {
    const api = fakeApi({ refreshWorks: true });
    const f = createRefreshingFetch({ fetch: api.fetch, refreshUrl: "/trpc/auth.refresh" });
    const results = await Promise.all([
      f("/trpc/users.me"),
      f("/trpc/auth.listSessions"),
      f("/trpc/apiKeys.list"),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(api.calls.filter((c) => c.endsWith("auth.refresh"))).toHaveLength(1);
  });

  it("leaves wrong credentials alone and reports a session that cannot be refreshed", async () => {
    const api = fakeApi({ refreshWorks: false });
    let lost = 0;
    const f = createRefreshingFetch({
      fetch: api.fetch,
      refreshUrl: "/trpc/auth.refresh",
      onSessionLost: () => {
        lost += 1;
      },
    });
    expect((await f("/trpc/auth.logIn")).status).toBe(401);
    expect(api.calls).toEqual(["/trpc/auth.logIn"]);
    expect((await f("/trpc/users.me")).status).toBe(401);
    expect(lost).toBe(1);
  });
});
