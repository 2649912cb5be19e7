import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readBody } from "../http-body.ts";
import type { Log } from "./types.ts";

export interface ProviderRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** Parsed body: form fields for application/x-www-form-urlencoded, else empty. */
  form: URLSearchParams;
  /** Parsed body for application/json, else undefined. */
  json: unknown;
  contentType: string;
}

export type ProviderReply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; html: string }
  | { status: number; text: string; contentType?: string }
  | { redirect: string };

export interface ProviderRoute {
  method: "GET" | "POST";
  path: string;
  handle(req: ProviderRequest): Promise<ProviderReply> | ProviderReply;
}

const MAX_BODY_BYTES = 64 * 1024;

export function startHttpServer(opts: { port: number; routes: ProviderRoute[]; log: Log }): Promise<Server> {
  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      opts.log(`${req.method} ${req.url} failed: ${String(error)}`);
      send(res, { status: 500, json: { error: "server_error", error_description: String(error) } });
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const method = req.method ?? "GET";
    const candidates = opts.routes.filter((r) => r.path === url.pathname);
    const route = candidates.find((r) => r.method === method);
    if (!route) {
      const status = candidates.length ? 405 : 404;
      return send(res, { status, json: { message: status === 404 ? "Not Found" : "Method Not Allowed" } });
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    const body = (await readBody(req, MAX_BODY_BYTES, () => new Error("request body too large"))).toString(
      "utf8",
    );
    const contentType = (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    let json: unknown;
    if (contentType === "application/json" && body) {
      try {
        json = JSON.parse(body);
      } catch {
        return send(res, {
          status: 400,
          json: { error: "invalid_request", error_description: "malformed JSON" },
        });
      }
    }
    const form = new URLSearchParams(contentType === "application/x-www-form-urlencoded" ? body : "");
    const reply = await route.handle({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers,
      form,
      json,
      contentType,
    });
    send(res, reply);
  }

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => resolve(server));
  });
}

function send(res: ServerResponse, reply: ProviderReply) {
  if (res.headersSent) return;
  // Token and user responses must never be cached by anything in between (RFC 6749 5.1).
  const base = { "cache-control": "no-store" };
  if ("redirect" in reply) {
    res.writeHead(302, { ...base, location: reply.redirect }).end();
  } else if ("json" in reply) {
    res
      .writeHead(reply.status, { ...base, "content-type": "application/json", ...reply.headers })
      .end(JSON.stringify(reply.json));
  } else if ("html" in reply) {
    res.writeHead(reply.status, { ...base, "content-type": "text/html; charset=utf-8" }).end(reply.html);
  } else {
    res
      .writeHead(reply.status, { ...base, "content-type": reply.contentType ?? "text/plain; charset=utf-8" })
      .end(reply.text);
  }
}
