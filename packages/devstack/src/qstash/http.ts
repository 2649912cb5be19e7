import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Log } from "./types.ts";

/** An error the client should see: QStash answers `{ error }` with a 4xx status. */
export class BrokerError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface RequestContext {
  method: string;
  /** Path captures, undecoded: destinations are URLs and must reach us byte for byte. */
  params: string[];
  /** Query string of the request, without "?"; destinations can own it (see `destinationOf`). */
  search: string;
  query: URLSearchParams;
  headers: Headers;
  body: Buffer;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export interface Route {
  method: string;
  path: RegExp;
  handle(ctx: RequestContext): Promise<Reply> | Reply;
}

/** The destination captured from the path, plus the query string, which belongs to it. */
export function destinationOf(raw: string, search: string): string {
  // Some proxies squeeze "//" in paths; repair "https:/host" so the URL stays the publisher's.
  const url = raw.replace(/^(https?):\/+/i, "$1://") + (search ? `?${search}` : "");
  if (!/^https?:\/\/[^/]+/i.test(url)) {
    throw new BrokerError(400, `invalid destination: ${raw} (only http(s) URLs are supported)`);
  }
  return url;
}

export function startHttpServer(opts: {
  port: number;
  token: string;
  routes: Route[];
  log: Log;
}): Promise<Server> {
  const expected = Buffer.from(`Bearer ${opts.token}`);
  const authorised = (header: string | undefined) => {
    const given = Buffer.from(header ?? "");
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const server = createServer((req, res) => {
    void serve(req, res).catch((error: unknown) => {
      const known = error instanceof BrokerError;
      if (!known) opts.log(`${req.method} ${req.url} failed: ${String(error)}`);
      send(res, {
        status: known ? error.status : 500,
        body: { error: error instanceof Error ? error.message : String(error) },
      });
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const raw = req.url ?? "/";
    const queryAt = raw.indexOf("?");
    const pathname = queryAt === -1 ? raw : raw.slice(0, queryAt);
    const search = queryAt === -1 ? "" : raw.slice(queryAt + 1);
    const method = req.method ?? "GET";
    // Unauthenticated liveness for health probes; it reveals nothing about messages.
    if (method === "GET" && (pathname === "/" || pathname === "/health")) {
      return send(res, { status: 200, body: { ok: true, service: "qstash-local" } });
    }
    if (!authorised(req.headers.authorization)) throw new BrokerError(401, "Unauthorized");

    const candidates = opts.routes.filter((r) => r.path.test(pathname));
    const route = candidates.find((r) => r.method === method);
    if (!route) throw new BrokerError(candidates.length ? 405 : 404, `no route for ${method} ${pathname}`);

    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);

    const params = route.path.exec(pathname)?.slice(1) ?? [];
    const reply = await route.handle({
      method,
      params: params.map((p) => p ?? ""),
      search,
      query: new URLSearchParams(search),
      headers,
      body: Buffer.concat(chunks),
    });
    send(res, reply);
  }

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => resolve(server));
  });
}

function send(res: ServerResponse, reply: Reply) {
  if (res.headersSent) return;
  if (reply.body === undefined) {
    res.writeHead(reply.status).end();
    return;
  }
  res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
}
