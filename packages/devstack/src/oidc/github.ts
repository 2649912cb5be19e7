import { authorize } from "./authorize.ts";
import { authenticateClient, checkGrant, TokenError } from "./client-auth.ts";
import type { ProviderReply, ProviderRequest, ProviderRoute } from "./http.ts";
import { githubIdOf, type ProviderStore } from "./store.ts";
import type { Log } from "./types.ts";

/** What GitHub calls the errors of its token endpoint. */
const githubErrorOf: Record<string, string> = {
  invalid_client: "incorrect_client_credentials",
  invalid_grant: "bad_verification_code",
  invalid_request: "invalid_request",
};

/**
 * GitHub's OAuth app flow: the web endpoints under /login/oauth and the REST API under `apiPath`.
 * Quirks kept on purpose so the client handles them: token errors come back as 200 with an
 * `error` field, the answer is form-encoded unless JSON is asked for, /user carries no email
 * (hidden by default), and the API refuses requests without a User-Agent.
 */
export function githubRoutes(apiPath: string, store: ProviderStore, log: Log): ProviderRoute[] {
  const accessToken = (req: ProviderRequest): ProviderReply => {
    const wantsJson = (req.headers.get("accept") ?? "").includes("application/json");
    const answer = (body: Record<string, string>): ProviderReply =>
      wantsJson
        ? { status: 200, json: body }
        : {
            status: 200,
            text: new URLSearchParams(body).toString(),
            contentType: "application/x-www-form-urlencoded",
          };
    const form = req.contentType === "application/json" ? formOf(req.json) : req.form;
    const request = { ...req, form };
    try {
      const client = authenticateClient("github", store, request);
      const grant = checkGrant(client, store.redeemCode(form.get("code") ?? ""), request, {
        redirectUriOptional: true,
      });
      const { token } = store.issueAccessToken({
        provider: "github",
        clientId: client.clientId,
        scope: grant.scope,
        user: grant.user,
      });
      log(`github: code exchanged for ${grant.user.email}`);
      return answer({ access_token: token, token_type: "bearer", scope: grant.scope });
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      log(`github: token request refused (${error.error}: ${error.message})`);
      const code = error.message.startsWith("redirect_uri")
        ? "redirect_uri_mismatch"
        : (githubErrorOf[error.error] ?? error.error);
      return answer({ error: code, error_description: error.message });
    }
  };

  /** Bearer or GitHub's older `token` scheme; a User-Agent is mandatory on the REST API. */
  const apiCaller = (req: ProviderRequest) => {
    if (!req.headers.get("user-agent")) {
      return {
        reply: {
          status: 403,
          text: "Request forbidden by administrative rules. Please make sure your request has a User-Agent header.",
        } as ProviderReply,
      };
    }
    const presented = /^(?:Bearer|token) (.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";
    const grant = store.accessGrant("github", presented);
    if (!grant)
      return { reply: { status: 401, json: { message: "Bad credentials", status: "401" } } as ProviderReply };
    return { grant };
  };

  const user = (req: ProviderRequest): ProviderReply => {
    const { reply, grant } = apiCaller(req);
    if (!grant) return reply;
    const u = grant.user;
    const login = u.login ?? u.email.split("@")[0] ?? "user";
    return {
      status: 200,
      json: { login, id: githubIdOf(u), type: "User", name: u.name ?? null, email: null },
    };
  };

  const emails = (req: ProviderRequest): ProviderReply => {
    const { reply, grant } = apiCaller(req);
    if (!grant) return reply;
    // Without the user:email (or user) scope GitHub answers as if the resource did not exist.
    const scopes = grant.scope.split(/[ ,]+/);
    if (!scopes.includes("user:email") && !scopes.includes("user")) {
      return { status: 404, json: { message: "Not Found", status: "404" } };
    }
    const u = grant.user;
    const list = u.emails ?? [{ email: u.email, verified: u.email_verified, primary: true }];
    return { status: 200, json: list.map((e) => ({ ...e, visibility: e.primary ? "private" : null })) };
  };

  return [
    { method: "GET", path: "/login/oauth/authorize", handle: (req) => authorize("github", store, log, req) },
    { method: "POST", path: "/login/oauth/authorize", handle: (req) => authorize("github", store, log, req) },
    { method: "POST", path: "/login/oauth/access_token", handle: accessToken },
    { method: "GET", path: `${apiPath}/user`, handle: user },
    { method: "GET", path: `${apiPath}/user/emails`, handle: emails },
  ];
}

function formOf(json: unknown): URLSearchParams {
  const form = new URLSearchParams();
  if (json && typeof json === "object") {
    for (const [key, value] of Object.entries(json)) if (typeof value === "string") form.set(key, value);
  }
  return form;
}
