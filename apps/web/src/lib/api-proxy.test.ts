import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { forwardToApi } from "./api-proxy.ts";

type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: Buffer };

/** A local server standing in for the API Worker: records each request and the sockets it arrived on. */
async function startApi(answer: (req: IncomingMessage, res: ServerResponse, seen: Seen) => void) {
  const requests: Seen[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const seen = {
      method: req.method ?? "",
      url: req.url ?? "",
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    requests.push(seen);
    answer(req, res, seen);
  });
  server.on("connection", (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  running.push(server);
  return { apiUrl: `http://127.0.0.1:${port}`, port, requests, sockets };
}

const running: Server[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  for (const server of running.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const web = "http://web.test:3000";
const unavailable = "HomeTrip's API did not answer. Please try again.";

function quietLog() {
  return vi.spyOn(console, "error").mockImplementation(() => {});
}

describe("forwardToApi", () => {
  it("forwards method, path, query, body and headers, minus hop-by-hop ones", async () => {
    const api = await startApi((_req, res) => res.end("{}"));
    const request = new Request(`${web}/trpc/users.update?input=%7B%7D&x=1`, {
      method: "POST",
      headers: {
        host: "web.test:3000",
        cookie: "ht_access=a; ht_refresh=r",
        "content-type": "application/json",
        "x-forwarded-for": "10.1.2.3",
        "keep-alive": "timeout=5",
        "proxy-authorization": "Basic eA==",
      },
      body: '{"displayName":"Ada"}',
    });
    const response = await forwardToApi(request, { apiUrl: api.apiUrl });

    expect(response.status).toBe(200);
    const [seen] = api.requests;
    expect(seen).toMatchObject({ method: "POST", url: "/trpc/users.update?input=%7B%7D&x=1" });
    expect(seen?.body.toString()).toBe('{"displayName":"Ada"}');
    expect(seen?.headers).toMatchObject({
      host: `127.0.0.1:${api.port}`,
      "x-forwarded-host": "web.test:3000",
      "x-forwarded-for": "10.1.2.3",
      cookie: "ht_access=a; ht_refresh=r",
      "content-type": "application/json",
    });
    expect(seen?.headers).not.toHaveProperty("keep-alive");
    expect(seen?.headers).not.toHaveProperty("proxy-authorization");
    // The API's `Connection: close` was about its socket to us, not about the browser's.
    expect(response.headers.has("connection")).toBe(false);
  });

  it("adds no x-forwarded-for of its own", async () => {
    const api = await startApi((_req, res) => res.end());
    await forwardToApi(new Request(`${web}/ical/l1/feed.ics`), { apiUrl: api.apiUrl });
    expect(api.requests[0]?.headers).not.toHaveProperty("x-forwarded-for");
    expect(api.requests[0]?.headers["x-forwarded-host"]).toBe("web.test:3000");
  });

  it("returns every Set-Cookie line intact", async () => {
    const cookies = [
      "ht_access=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=900",
      "ht_refresh=def; Path=/; HttpOnly; SameSite=Lax; Expires=Wed, 01 Jan 2031 00:00:00 GMT",
    ];
    const api = await startApi((_req, res) => {
      res.setHeader("set-cookie", cookies);
      res.setHeader("content-type", "application/json");
      res.end('{"result":{"data":null}}');
    });
    const response = await forwardToApi(
      new Request(`${web}/trpc/auth.logIn`, { method: "POST", body: "{}" }),
      {
        apiUrl: api.apiUrl,
      },
    );
    expect(response.headers.getSetCookie()).toEqual(cookies);
    expect(await response.json()).toEqual({ result: { data: null } });
  });

  it("returns a redirect to the browser without following it", async () => {
    const location = "https://github.test/login/oauth/authorize?client_id=c&state=s";
    const api = await startApi((_req, res) => {
      res.writeHead(302, { location, "set-cookie": "ht_oauth=s; Path=/auth/oauth; HttpOnly" });
      res.end();
    });
    const response = await forwardToApi(new Request(`${web}/auth/oauth/github/start?next=%2Fhost`), {
      apiUrl: api.apiUrl,
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(location);
    expect(response.headers.getSetCookie()).toEqual(["ht_oauth=s; Path=/auth/oauth; HttpOnly"]);
    expect(api.requests.map((r) => r.url)).toEqual(["/auth/oauth/github/start?next=%2Fhost"]);
  });

  it("asks the API for an unencoded body and passes it back byte for byte", async () => {
    const photo = randomBytes(1024 * 1024);
    const api = await startApi((_req, res) => {
      res.writeHead(200, { "content-type": "image/webp" });
      res.end(photo);
    });
    const request = new Request(`${web}/listing-photos/k1.webp`, {
      headers: { "accept-encoding": "gzip, deflate, br, zstd" },
    });
    const response = await forwardToApi(request, { apiUrl: api.apiUrl });
    expect(api.requests[0]?.headers["accept-encoding"]).toBe("identity");
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(Buffer.from(await response.arrayBuffer()).equals(photo)).toBe(true);
  });

  it("streams a 5 MB photo upload byte for byte", async () => {
    const photo = randomBytes(5 * 1024 * 1024);
    const api = await startApi((_req, res, seen) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ bytes: seen.body.length, sha256: sha256(seen.body) }));
    });
    const request = new Request(`${web}/listings/l1/photos`, {
      method: "PUT",
      headers: { "content-type": "image/png", "content-length": String(photo.length) },
      body: photo,
    });
    const response = await forwardToApi(request, { apiUrl: api.apiUrl });
    expect(await response.json()).toEqual({ bytes: photo.length, sha256: sha256(photo) });
    expect(api.requests[0]).toMatchObject({ method: "PUT", url: "/listings/l1/photos" });
  });

  it("opens a new connection for every request", async () => {
    const api = await startApi((_req, res) => res.end("ok"));
    for (let i = 0; i < 2; i++) {
      const response = await forwardToApi(new Request(`${web}/trpc/users.me`), { apiUrl: api.apiUrl });
      expect(await response.text()).toBe("ok");
    }
    expect(api.requests).toHaveLength(2);
    expect(api.sockets.size).toBe(2);
  });

  it("answers tRPC's error JSON with 502 when the API hangs up without answering", async () => {
    const log = quietLog();
    const api = await startApi((req) => req.socket.destroy());
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const response = await forwardToApi(
      new Request(`${web}/trpc/users.becomeHost`, {
        method: "POST",
        body: "{}",
        headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      }),
      {
        apiUrl: api.apiUrl,
      },
    );
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({
      error: { message: unavailable, code: -32603, data: { code: "UNAVAILABLE", httpStatus: 502, traceId } },
    });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toBe(
      `api proxy: POST /trpc/users.becomeHost failed: ECONNRESET traceId=${traceId}`,
    );
  });

  it("answers one error per procedure for a batched call", async () => {
    quietLog();
    const api = await startApi((req) => req.socket.destroy());
    const response = await forwardToApi(
      new Request(`${web}/trpc/users.me,listings.mine?batch=1&input=%7B%7D`),
      {
        apiUrl: api.apiUrl,
      },
    );
    expect(response.status).toBe(502);
    // No traceparent came in: the proxy started the trace, and says which in the answer.
    const traceId = response.headers.get("x-trace-id");
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(await response.json()).toEqual(
      ["users.me", "listings.mine"].map((path) => ({
        error: {
          message: unavailable,
          code: -32603,
          data: { code: "UNAVAILABLE", httpStatus: 502, traceId, path },
        },
      })),
    );
  });

  it("answers a short text 502 outside /trpc, also when nothing listens", async () => {
    quietLog();
    const apiUrl = `http://127.0.0.1:${await portNobodyListensOn()}`;
    const response = await forwardToApi(new Request(`${web}/avatars/u1.webp`), { apiUrl });
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe(`${unavailable}\n`);
  });

  it("gives up on an API that stays silent past the timeout", async () => {
    quietLog();
    const api = await startApi(() => {});
    const response = await forwardToApi(new Request(`${web}/trpc/listings.get`), {
      apiUrl: api.apiUrl,
      timeoutMs: 100,
    });
    expect(response.status).toBe(502);
    expect(api.requests).toHaveLength(2);
  });

  it("retries a GET once when the first attempt is reset", async () => {
    const api = await startApi((req, res) => {
      if (api.requests.length === 1) req.socket.destroy();
      else res.end('{"result":{"data":"ok"}}');
    });
    const response = await forwardToApi(new Request(`${web}/trpc/users.me`), { apiUrl: api.apiUrl });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { data: "ok" } });
    expect(api.requests.map((r) => r.method)).toEqual(["GET", "GET"]);
  });

  it("does not retry a POST", async () => {
    quietLog();
    const api = await startApi((req) => req.socket.destroy());
    const response = await forwardToApi(
      new Request(`${web}/trpc/users.becomeHost`, { method: "POST", body: "{}" }),
      {
        apiUrl: api.apiUrl,
      },
    );
    expect(response.status).toBe(502);
    expect(api.requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("drops the API request when the browser goes away", async () => {
    let closed!: () => void;
    const upstreamClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const browser = new AbortController();
    const api = await startApi((req) => {
      req.socket.on("close", closed);
      browser.abort();
    });
    const response = await forwardToApi(new Request(`${web}/ical/l1/feed.ics`, { signal: browser.signal }), {
      apiUrl: api.apiUrl,
    });
    await upstreamClosed;
    expect(response.status).toBe(499);
    expect(api.requests).toHaveLength(1);
  });
});

async function portNobodyListensOn(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
