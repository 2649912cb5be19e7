import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { beforeAll, describe, expect, it } from "vitest";
import generated from "../openapi/v1.json";
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

  it("refuses a key without the scope (403) and a call without a key (401), with the request id", async () => {
    const profileOnly = await apiKeyFor(host, ["profile:read"]);
    const refused = await get("/v1/me/listings", profileOnly);
    expect(refused.status).toBe(403);
    const body = await json<ErrorAnswer>(refused);
    expect(body).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("listings:read") });
    expect(body.requestId).toBe(refused.headers.get("x-request-id"));
    expect(body.traceId).toBe(refused.headers.get("x-trace-id"));
    // Its own scope still works.
    expect((await get("/v1/me", profileOnly)).status).toBe(200);

    const anonymous = await get(`/v1/me/listings/${published.id}/calendar?from=2030-01-01&to=2030-01-05`);
    expect(anonymous.status).toBe(401);
    expect(await json<ErrorAnswer>(anonymous)).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("answers bad input with 400 and field paths, unknown paths with 404, other methods with 405", async () => {
    const day = utcDaysFromToday(40);
    const bad = await get(`/v1/listings/${published.id}/quote?checkIn=${day}&checkOut=${day}&guests=two`);
    expect(bad.status).toBe(400);
    const paths = (await json<ErrorAnswer>(bad)).issues?.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["guests"]));

    expect((await get("/v1/listings/not-a-uuid")).status).toBe(400);
    expect((await get("/v1/bookings")).status).toBe(404);
    expect((await post(`/v1/listings/${published.id}`, {})).status).toBe(405);
    expect((await post("/v1/listings/search", [1, 2])).status).toBe(400);
  });
});
