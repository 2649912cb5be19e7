import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { beforeAll, describe, expect, it } from "vitest";
import generated from "../openapi/v1.json";
import { workerAt } from "./clock-support.ts";
import { uniqueIp } from "./hardening-support.ts";
import { call, json } from "./harness.ts";
import { createDraft, createHost, createPublished } from "./listings-support.ts";
import { apiKeyFor, type Member } from "./users-support.ts";

type ErrorAnswer = {
  code: string;
  message: string;
  requestId: string;
  traceId: string;
  issues?: { path: string }[];
};

/**
 * The API's own error answer (the document's `Error` schema), never trpc-to-openapi's: the code
 * its status stands for, a message, and the ids the response headers carry.
 */
async function expectErrorAnswer(response: Response, status: number, code: string): Promise<ErrorAnswer> {
  expect(response.status).toBe(status);
  const body = await json<ErrorAnswer>(response);
  expect(body).toMatchObject({ code, message: expect.any(String) });
  expect(body.message.length).toBeGreaterThan(0);
  expect(body.requestId).toBe(response.headers.get("x-request-id"));
  expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(body.traceId).toBe(response.headers.get("x-trace-id"));
  const documented = ["code", "message", "requestId", "traceId", "issues", "details"];
  expect(Object.keys(body).filter((key) => !documented.includes(key))).toEqual([]);
  return body;
}

const get = (path: string, headers: Record<string, string> = {}) => call(path, { headers });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("partner REST API (/v1)", () => {
  let host: Member;
  let published: { id: string };
  let draft: { id: string };

  beforeAll(async () => {
    host = await createHost("partner");
    published = await createPublished(host, { lat: 38.72, lng: -9.14, city: "Lisbon" });
    draft = await createDraft(host, "Unfinished loft");
  });

  it("serves the generated OpenAPI document", async () => {
    const response = await get("/openapi.json");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(generated);
  });

  it("answers anyone's listing, quote, availability and search calls", async () => {
    const listing = await get(`/v1/listings/${published.id}`);
    expect(listing.status).toBe(200);
    expect(await json(listing)).toMatchObject({ id: published.id, status: "published" });

    const checkIn = utcDaysFromToday(30);
    const checkOut = utcDaysFromToday(33);
    const quote = await get(
      `/v1/listings/${published.id}/quote?checkIn=${checkIn}&checkOut=${checkOut}&guests=2`,
    );
    expect(quote.status).toBe(200);
    expect(await json(quote)).toMatchObject({ nights: 3 });

    const availability = await get(`/v1/listings/${published.id}/availability`);
    expect(availability.status).toBe(200);
    expect(await json(availability)).toMatchObject({ listingId: published.id });

    const search = await post("/v1/listings/search", { text: "Lisbon", limit: 5 });
    expect(search.status).toBe(200);
    expect(Array.isArray((await json<{ hits: unknown }>(search)).hits)).toBe(true);
  });

  it("gives a key with listings:read and calendar:read its owner's listings, drafts and calendar", async () => {
    const key = await apiKeyFor(host, ["listings:read", "calendar:read"]);
    const mine = await get("/v1/me/listings", key);
    expect(mine.status).toBe(200);
    const ids = (await json<{ id: string }[]>(mine)).map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining([published.id, draft.id]));

    expect((await get(`/v1/listings/${draft.id}`, key)).status).toBe(200);
    expect((await get(`/v1/listings/${draft.id}`)).status).toBe(404);

    const from = utcDaysFromToday(1);
    const to = utcDaysFromToday(8);
    const calendar = await get(`/v1/me/listings/${published.id}/calendar?from=${from}&to=${to}`, key);
    expect(calendar.status).toBe(200);
    expect((await json<{ days: unknown[] }>(calendar)).days.length).toBeGreaterThan(0);
  });

  it("refuses a key without the scope (403) and a call without a key (401) in the API's error shape", async () => {
    const profileOnly = await apiKeyFor(host, ["profile:read"]);
    const refused = await expectErrorAnswer(await get("/v1/me/listings", profileOnly), 403, "FORBIDDEN");
    expect(refused.message).toContain("listings:read");
    // Its own scope still works.
    expect((await get("/v1/me", profileOnly)).status).toBe(200);

    const from = utcDaysFromToday(10);
    const to = utcDaysFromToday(14);
    await expectErrorAnswer(
      await get(`/v1/me/listings/${published.id}/calendar?from=${from}&to=${to}`),
      401,
      "UNAUTHORIZED",
    );
    await expectErrorAnswer(
      await get("/v1/me", { authorization: "Bearer htk_not-a-key" }),
      401,
      "UNAUTHORIZED",
    );
  });

  it("answers bad input with 400 and field paths, missing things and unknown paths with 404, other methods with 405", async () => {
    const day = utcDaysFromToday(40);
    const bad = await expectErrorAnswer(
      await get(`/v1/listings/${published.id}/quote?checkIn=${day}&checkOut=${day}&guests=two`),
      400,
      "BAD_REQUEST",
    );
    expect(bad.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(["guests"]));

    await expectErrorAnswer(await get("/v1/listings/not-a-uuid"), 400, "BAD_REQUEST");
    await expectErrorAnswer(await post("/v1/listings/search", [1, 2]), 400, "BAD_REQUEST");
    await expectErrorAnswer(await get(`/v1/listings/${crypto.randomUUID()}`), 404, "NOT_FOUND");
    await expectErrorAnswer(await get("/v1/bookings"), 404, "NOT_FOUND");
    await expectErrorAnswer(await post(`/v1/listings/${published.id}`, {}), 405, "BAD_REQUEST");
  });

  it("carries the caller's trace id from traceparent into an error answer", async () => {
    const traceId = crypto.randomUUID().replace(/-/g, "");
    const traceparent = `00-${traceId}-${"b7ad6b7169203331"}-01`;
    const missing = await get(`/v1/listings/${crypto.randomUUID()}`, { traceparent });
    expect((await expectErrorAnswer(missing, 404, "NOT_FOUND")).traceId).toBe(traceId);
  });

  it("answers 429 in the API's error shape with Retry-After once the address has spent its budget", async () => {
    const { call: callAt } = workerAt();
    const fromIp = { "x-forwarded-for": uniqueIp() };
    // The /v1 budget is the general one: ten calls a batch spend it in 60 requests.
    const batch = `/trpc/${Array(10).fill("system.version").join(",")}?batch=1&input=%7B%7D`;
    for (let n = 0; n < 60; n++) expect((await callAt(batch, { headers: fromIp })).status).toBe(200);
    const limited = await callAt(`/v1/listings/${published.id}`, { headers: fromIp });
    await expectErrorAnswer(limited, 429, "TOO_MANY_REQUESTS");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});
