/**
 * A fetch for the tRPC link that survives an expired access cookie: the `ht_access` cookie lives
 * only as long as the access token, so a page left open answers 401. Then we rotate once with
 * the `ht_refresh` cookie (auth.refresh in cookie mode) and replay the call. Concurrent 401s
 * share one refresh, because a refresh token is single-use and a second rotation would look
 * like reuse and revoke the whole session.
 */
export function createRefreshingFetch(opts: {
  fetch?: typeof fetch;
  refreshUrl: string;
  onSessionLost?: () => void;
}): typeof fetch {
  const base = opts.fetch ?? globalThis.fetch.bind(globalThis);
  let inflight: Promise<boolean> | null = null;
  const refresh = () => {
    inflight ??= base(opts.refreshUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
      credentials: "same-origin",
    })
      .then((res) => res.ok)
      .catch(() => false)
      .finally(() => {
        setTimeout(() => {
          inflight = null;
        }, 0);
      });
    return inflight;
  };

  return async (input, init) => {
    const res = await base(input, init);
    if (res.status !== 401 || isAuthCall(input)) return res;
    if (!(await refresh())) {
      opts.onSessionLost?.();
      return res;
    }
    return base(input, init);
  };
}

// These answer 401 for wrong credentials (or are the refresh itself); a new session changes nothing.
const credentialCalls = /\/trpc\/auth\.(refresh|logIn|completeTwoFactor)\b/;

function isAuthCall(input: RequestInfo | URL): boolean {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  return credentialCalls.test(url);
}
