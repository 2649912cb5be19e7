import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readBody } from "../http-body.ts";
import type { Log } from "../orchestrator/log.ts";
import { StripeApiError } from "./errors.ts";
import type { EmitContext } from "./events.ts";
import { canonicalParams, type FormObject, parseForm } from "./form.ts";
import type { Owner, StripeObject, StripeState } from "./state.ts";

export interface ApiRequest {
  method: string;
  params: string[];
  body: FormObject;
  owner: Owner;
  /** A publishable key may only reach routes marked `publishable` (and must show the client secret). */
  keyKind: "secret" | "publishable";
  event: EmitContext;
}

export interface ApiRoute {
  method: "GET" | "POST" | "DELETE";
  path: RegExp;
  publishable?: boolean;
  handle(req: ApiRequest): StripeObject | Promise<StripeObject>;
}

export interface PageRequest {
  method: string;
  params: string[];
  form: URLSearchParams;
}

export interface PageReply {
  status?: number;
  html?: string;
  redirect?: string;
}

export interface PageRoute {
  method: "GET" | "POST";
  path: RegExp;
  handle(req: PageRequest): PageReply | Promise<PageReply>;
}

const MAX_BODY_BYTES = 256 * 1024;

/**
 * Stripe's HTTP surface: `/v1/*` with Bearer secret keys, form bodies, `Idempotency-Key` on POST
 * (same key and params → the stored answer; other params → 400 idempotency_error) and
 * `Stripe-Account` scoping; plus the browser pages under `/standin/`.
 */
export function startStripeHttp(opts: {
  port: number;
  secretKey: string;
  publishableKey: string;
  state: StripeState;
  api: ApiRoute[];
  pages: PageRoute[];
  log: Log;
}): Promise<Server> {
  const { state } = opts;
  const inProgress = new Set<string>();

  const server = createServer((req, res) => {
    const requestId = `req_${randomBytes(10).toString("hex")}`;
    res.setHeader("request-id", requestId);
    // Browsers call Stripe directly (confirming with a publishable key), so the API allows any origin.
    res.setHeader("access-control-allow-origin", "*");
    if (req.method === "OPTIONS") {
      res
        .writeHead(204, {
          "access-control-allow-methods": "GET, POST, DELETE",
          // Whatever the browser asks to send (test runners add their own, e.g. x-forwarded-for);
          // the key in `authorization` still decides what a call may do.
          "access-control-allow-headers":
            header(req.headers["access-control-request-headers"]) ??
            "authorization, content-type, idempotency-key, stripe-account, stripe-version",
          "access-control-max-age": "600",
        })
        .end();
      return;
    }
    void serve(req, res, requestId).catch((error: unknown) => {
      const known = error instanceof StripeApiError ? error : undefined;
      if (!known) opts.log(`${req.method} ${req.url} failed: ${String(error)}`);
      const reply = known ?? new StripeApiError(500, "api_error", "An unknown error occurred");
      sendJson(res, reply.status, reply.toJSON());
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const url = new URL(req.url ?? "/", "http://stripe.local");
    const method = req.method ?? "GET";
    if (url.pathname === "/health") return sendJson(res, 200, { ok: true, service: "stripe-local" });
    const raw = (await readBody(req, MAX_BODY_BYTES, () => tooLarge())).toString("utf8");

    const page = opts.pages.find((r) => r.method === method && r.path.test(url.pathname));
    if (page) {
      const reply = await page.handle({
        method,
        params: page.path.exec(url.pathname)?.slice(1) ?? [],
        form: new URLSearchParams(method === "POST" ? raw : url.search),
      });
      if (reply.redirect) return res.writeHead(303, { location: reply.redirect }).end();
      return res
        .writeHead(reply.status ?? 200, { "content-type": "text/html; charset=utf-8" })
        .end(reply.html ?? "");
    }

    const keyKind = authenticate(req.headers.authorization);
    const candidates = opts.api.filter((r) => r.path.test(url.pathname));
    const route = candidates.find((r) => r.method === method);
    if (!route) {
      throw new StripeApiError(
        404,
        "invalid_request_error",
        `Unrecognized request URL (${method}: ${url.pathname}).`,
      );
    }
    if (keyKind === "publishable" && !route.publishable) {
      throw new StripeApiError(
        401,
        "invalid_request_error",
        "This API call cannot be made with a publishable API key.",
      );
    }
    const owner = accountOf(req.headers["stripe-account"]);
    const body = parseForm(method === "GET" || method === "DELETE" ? url.search.slice(1) : raw);
    const idempotencyKey = method === "POST" ? header(req.headers["idempotency-key"]) : undefined;
    const run = () =>
      route.handle({
        method,
        params: route.path.exec(url.pathname)?.slice(1) ?? [],
        body,
        owner,
        keyKind,
        event: { owner, requestId, idempotencyKey },
      });
    if (!idempotencyKey) return sendJson(res, 200, await run());

    const slot = `${keyKind}:${owner}:${idempotencyKey}`;
    const fingerprint = `${method} ${url.pathname} ${canonicalParams(body)}`;
    const seen = state.idempotent(slot);
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        throw new StripeApiError(
          400,
          "idempotency_error",
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
        );
      }
      res.setHeader("idempotent-replayed", "true");
      res.setHeader("idempotency-key", idempotencyKey);
      return sendJson(res, seen.status, seen.body);
    }
    if (inProgress.has(slot)) {
      throw new StripeApiError(
        409,
        "idempotency_error",
        "There is currently another in-progress request using this Stripe-Idempotency-Key. Please try again later.",
      );
    }
    inProgress.add(slot);
    try {
      let status = 200;
      let reply: unknown;
      try {
        reply = await run();
      } catch (error) {
        // Stripe stores 4xx answers too (a declined card stays declined on retry); a 500 is not stored.
        if (!(error instanceof StripeApiError) || error.status >= 500) throw error;
        status = error.status;
        reply = error.toJSON();
      }
      state.remember(slot, { fingerprint, status, body: reply, at: Date.now() });
      res.setHeader("idempotency-key", idempotencyKey);
      sendJson(res, status, reply);
    } finally {
      inProgress.delete(slot);
    }
  }

  function authenticate(authorization: string | undefined): "secret" | "publishable" {
    const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? basicUser(authorization);
    if (!given) {
      throw new StripeApiError(
        401,
        "invalid_request_error",
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.",
      );
    }
    if (same(given, opts.secretKey)) return "secret";
    if (same(given, opts.publishableKey)) return "publishable";
    throw new StripeApiError(401, "invalid_request_error", `Invalid API Key provided: ${redact(given)}`);
  }

  function accountOf(value: string | string[] | undefined): Owner {
    const account = header(value);
    if (!account) return "platform";
    if (!/^acct_\w+$/.test(account) || state.get(account, "platform")?.object !== "account") {
      throw new StripeApiError(
        403,
        "permission_error",
        `The provided key does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
      );
    }
    return account as Owner;
  }

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => resolve(server));
  });
}

function header(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

function basicUser(authorization: string | undefined): string | undefined {
  const encoded = /^Basic (.+)$/i.exec(authorization ?? "")?.[1];
  return encoded ? Buffer.from(encoded, "base64").toString("utf8").split(":")[0] : undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function redact(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(8)}${key.slice(-4)}` : "****";
}

function tooLarge(): StripeApiError {
  return new StripeApiError(413, "invalid_request_error", "Request body too large.");
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body, null, 2));
}
