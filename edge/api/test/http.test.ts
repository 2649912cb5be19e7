import { describe, expect, it } from "vitest";
import { call, json } from "./harness.ts";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("request id", () => {
  it("echoes the caller's x-request-id", async () => {
    const response = await call("/trpc/system.version", { headers: { "x-request-id": "req-abc_123" } });
    expect(response.headers.get("x-request-id")).toBe("req-abc_123");
  });

  it("generates one when the caller sends none", async () => {
    const response = await call("/trpc/system.version");
    expect(response.headers.get("x-request-id")).toMatch(uuid);
  });

  it("replaces an id with characters that could forge log lines", async () => {
    const response = await call("/trpc/system.version", { headers: { "x-request-id": 'evil" level=error' } });
    expect(response.headers.get("x-request-id")).toMatch(uuid);
  });
});

describe("CORS", () => {
  it("allows a configured origin, with credentials", async () => {
    const response = await call("/trpc/system.version", { headers: { origin: "http://localhost:3000" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-expose-headers")).toContain("x-request-id");
  });

  it("answers a preflight from a configured origin", async () => {
    const response = await call("/trpc/system.ping", {
      method: "OPTIONS",
      headers: {
        origin: "https://app.hometrip.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.hometrip.test");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
  });

  it("gives an unlisted origin no CORS headers", async () => {
    const response = await call("/trpc/system.version", { headers: { origin: "https://evil.example" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("errors", () => {
  it("answers an unknown route with a 404 JSON error carrying the request id and the caller's trace id", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const response = await call("/nope", {
      headers: { "x-request-id": "missing-route-1", traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("x-trace-id")).toBe(traceId);
    expect(await json(response)).toEqual({
      code: "NOT_FOUND",
      message: "No route for GET /nope",
      requestId: "missing-route-1",
      traceId,
    });
  });

  it("names a missing setting outside production", async () => {
    const response = await call("/health", {}, { DATABASE_URL: "" });
    const body = await json(response);
    expect(response.status).toBe(500);
    expect(body).toMatchObject({ code: "INTERNAL", requestId: expect.any(String) });
    expect(body.message).toContain("DATABASE_URL");
  });

  it("hides which setting is missing from clients in production", async () => {
    const response = await call("/health", {}, { DATABASE_URL: "", APP_ENV: "production" });
    const body = await json(response);
    expect(response.status).toBe(500);
    expect(body).toEqual({
      code: "INTERNAL",
      message: "Internal error",
      requestId: response.headers.get("x-request-id"),
      // No traceparent came in: the Worker started a trace of its own.
      traceId: response.headers.get("x-trace-id"),
    });
    expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
  });
});
