import type { ProviderReply, ProviderRequest } from "./http.ts";
import type { ProviderStore } from "./store.ts";
import type { Log, OidcProviderKind, OidcUser } from "./types.ts";

const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The authorization endpoint of either provider. Problems with the client or its redirect URI
 * are shown on the page (redirecting there would hand an attacker the error); everything else
 * goes back to the client as `error` + `state`, as RFC 6749 4.1.2.1 says. PKCE with S256 is
 * required, so a client that forgets it fails here rather than in production.
 */
export function authorize(
  kind: OidcProviderKind,
  store: ProviderStore,
  log: Log,
  req: ProviderRequest,
): ProviderReply {
  const params = req.method === "POST" ? req.form : req.query;
  const clientId = params.get("client_id") ?? "";
  const client = store.client(kind, clientId);
  if (!client) return { status: 400, text: `invalid_client: unknown client_id "${clientId}"` };
  const redirectUri = params.get("redirect_uri") ?? (kind === "github" ? client.redirectUris[0] : undefined);
  if (!redirectUri) return { status: 400, text: "invalid_request: redirect_uri is required" };
  if (!client.redirectUris.includes(redirectUri)) {
    return { status: 400, text: `redirect_uri_mismatch: "${redirectUri}" is not registered for this client` };
  }

  const state = params.get("state") ?? undefined;
  const fail = (error: string, description: string): ProviderReply => {
    log(`${kind}: authorize refused (${error}: ${description})`);
    return { redirect: withParams(redirectUri, { error, error_description: description, state }) };
  };
  const scope = params.get("scope") ?? "";
  if (kind === "google") {
    if (params.get("response_type") !== "code")
      return fail("unsupported_response_type", "only code is supported");
    if (!scope.split(" ").includes("openid")) return fail("invalid_scope", "scope must include openid");
  }
  const codeChallenge = params.get("code_challenge") ?? "";
  if (params.get("code_challenge_method") !== "S256" || !S256_CHALLENGE.test(codeChallenge)) {
    return fail("invalid_request", "PKCE is required: code_challenge with code_challenge_method=S256");
  }

  const email = params.getAll("email").find(Boolean) ?? params.get("login_hint") ?? params.get("login");
  if (!email) return { status: 200, html: loginPage(kind, params, store.listUsers()) };
  const user = store.userFor(email.trim());
  const code = store.issueCode({
    provider: kind,
    clientId,
    redirectUri,
    codeChallenge,
    scope,
    nonce: params.get("nonce") ?? undefined,
    user,
  });
  log(`${kind}: signed in ${user.email}, code issued to ${clientId}`);
  return { redirect: withParams(redirectUri, { code, state }) };
}

function withParams(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** A bare sign-in page for people using dev in a browser; tests skip it with `login_hint`. */
function loginPage(kind: OidcProviderKind, params: URLSearchParams, users: OidcUser[]): string {
  const hidden = [...params.entries()]
    .filter(([key]) => key !== "email")
    .map(([key, value]) => `<input type="hidden" name="${escapeHtml(key)}" value="${escapeHtml(value)}">`)
    .join("");
  const known = users
    .map(
      (u) =>
        `<li><button name="email" value="${escapeHtml(u.email)}">${escapeHtml(u.name ?? u.email)} &lt;${escapeHtml(u.email)}&gt;` +
        `${u.email_verified ? "" : " (unverified)"}</button></li>`,
    )
    .join("");
  const title =
    kind === "google" ? "Sign in with Google (local stand-in)" : "Sign in to GitHub (local stand-in)";
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<h1>${title}</h1>
<form method="post">${hidden}
<ul>${known}</ul>
<label>Email <input type="email" name="email" autofocus></label>
<button type="submit">Continue</button>
</form></body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
