import { controlCharacterMessage } from "@hometrip/contracts";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { describe, expect, it } from "vitest";
import { sql } from "./db.ts";
import { uniqueIp } from "./hardening-support.ts";
import { type CallError, createTestClient, settle } from "./harness.ts";
import { photos, putPhoto } from "./listings-support.ts";
import { callProcedure, procedures } from "./security-support.ts";
import { apiKeyFor, createMember } from "./users-support.ts";
import { stringLeaves } from "./zod-walk.ts";

/** Issue 8 §4: each class of input that once answered 500 is a 400 at the contract, for every schema. */

const fromIp = () => ({ "x-forwarded-for": uniqueIp() });
const issuePaths = (result: { error: CallError | undefined }) =>
  result.error?.issues?.map((issue) => issue.path) ?? [];

async function hostWithDraft(tag: string) {
  const host = await createMember(`${tag}-host`);
  await sql("insert into host_profiles (user_id) values ($1)", [host.userId]);
  const created = await settle(() =>
    createTestClient(host.auth).listings.create.mutate({ title: "Hostile home", propertyType: "house" }),
  );
  expect(created.status).toBe(200);
  return { host, listingId: created.data.id };
}

describe("NUL and control characters", () => {
  it("no procedure input accepts a NUL in any string, nested objects and arrays included", () => {
    const accepted: string[] = [];
    let leaves = 0;
    for (const procedure of procedures) {
      for (const parser of procedure.inputs) {
        for (const leaf of stringLeaves(parser as never)) {
          leaves++;
          const bounds = leaf.schema as unknown as { minLength?: number | null; maxLength?: number | null };
          const length = Math.max(bounds.minLength ?? 0, 3);
          const candidates = [
            "\u0000",
            `a${"\u0000".padEnd(length - 1, "b")}`,
            `${"c".repeat(length - 1)}\u0000`,
          ];
          for (const value of candidates) {
            if (leaf.schema.safeParse(value).success) accepted.push(`${procedure.path} ${leaf.path}`);
          }
        }
      }
    }
    expect(leaves).toBeGreaterThan(40);
    expect([...new Set(accepted)]).toEqual([]);
  });

  it("every stored text field answers 400 naming the field, never 500", async () => {
    const { host, listingId } = await hostWithDraft("nul");
    const nul = "with\u0000nul";
    const cases: [string, unknown, Record<string, string>, string][] = [
      [
        "auth.signUp",
        {
          email: `nul-${crypto.randomUUID()}@example.test`,
          password: "Plenty-Long-Passphrase-9",
          displayName: nul,
        },
        fromIp(),
        "displayName",
      ],
      ["users.updateProfile", { displayName: nul }, host.auth, "displayName"],
      ["users.updateProfile", { bio: `line\n${nul}` }, host.auth, "bio"],
      ["listings.create", { title: nul, propertyType: "house" }, host.auth, "title"],
      [
        "calendar.blockDates",
        { listingId, from: utcDaysFromToday(30), to: utcDaysFromToday(32), note: nul },
        host.auth,
        "note",
      ],
      ["apiKeys.create", { name: nul, scopes: ["profile:read"] }, host.auth, "name"],
    ];
    for (const field of [
      "title",
      "description",
      "addressLine1",
      "addressLine2",
      "city",
      "region",
      "postalCode",
      "houseRules",
      "timezone",
    ]) {
      cases.push([
        "listings.update",
        { id: listingId, changes: { [field]: nul } },
        host.auth,
        `changes.${field}`,
      ]);
    }
    cases.push([
      "listings.update",
      { id: listingId, changes: { amenities: ["wifi", nul] } },
      host.auth,
      "changes.amenities.1",
    ]);
    for (const [path, input, headers, field] of cases) {
      const result = await callProcedure({ path, type: "mutation" }, input, headers);
      expect(result.status, `${path} ${field}`).toBe(400);
      expect(issuePaths(result), `${path} ${field}`).toContain(field);
    }
    const mailbox = await settle(() => createTestClient(host.auth).devMailbox.list.query({ to: nul }));
    expect(mailbox.status).toBe(400);
    expect(mailbox.error?.message).toBe("Invalid input");
  });

  it("says what is wrong", async () => {
    const member = await createMember("nul-message");
    const result = await settle(() =>
      createTestClient(member.auth).users.updateProfile.mutate({ displayName: "a\u0000b" }),
    );
    expect(JSON.stringify(result.error)).toContain(controlCharacterMessage);
  });
});

describe("time zones", () => {
  it("refuses a zone no runtime knows and stores a real one as the runtime spells it", async () => {
    const { host, listingId } = await hostWithDraft("zone");
    for (const timezone of ["Not/AZone", "+05:00", "Europe/Nowhere", "../UTC"]) {
      const refused = await settle(() =>
        createTestClient(host.auth).listings.update.mutate({ id: listingId, changes: { timezone } }),
      );
      expect(refused.status, timezone).toBe(400);
      expect(issuePaths(refused)).toContain("changes.timezone");
    }
    const saved = await settle(() =>
      createTestClient(host.auth).listings.update.mutate({
        id: listingId,
        changes: { timezone: "europe/lisbon" },
      }),
    );
    expect(saved.status).toBe(200);
    expect(saved.data.timezone).toBe("Europe/Lisbon");
    const quote = await settle(() =>
      createTestClient(host.auth).listings.quote.query({
        listingId,
        checkIn: utcDaysFromToday(60),
        checkOut: utcDaysFromToday(63),
      }),
    );
    expect(quote.status).toBeLessThan(500);
  });
});

describe("dates outside what the product means", () => {
  it("year 0000 and 9999 are a 400 on every date field, before SQL or date arithmetic", async () => {
    const { host, listingId } = await hostWithDraft("dates");
    const soon = utcDaysFromToday(30);
    const calls: [string, "query" | "mutation", unknown, string][] = [
      ["calendar.range", "query", { listingId, from: "0000-01-01", to: soon }, "from"],
      ["listings.quote", "query", { listingId, checkIn: "0000-01-01", checkOut: "0000-01-05" }, "checkIn"],
      ["calendar.clearPriceOverrides", "mutation", { listingId, from: "0000-01-01", to: soon }, "from"],
      ["calendar.clearPriceOverride", "mutation", { listingId, date: "9999-12-31" }, "date"],
      ["calendar.setPriceOverride", "mutation", { listingId, date: "9999-12-31", price: 100 }, "date"],
      ["calendar.blockDates", "mutation", { listingId, from: "2100-12-30", to: "2101-01-02" }, "to"],
      ["search.listings", "query", { checkIn: "9999-12-30", checkOut: "9999-12-31" }, "checkIn"],
    ];
    for (const [path, type, input, field] of calls) {
      const result = await callProcedure({ path, type }, input, host.auth);
      expect(result.status, path).toBe(400);
      expect(issuePaths(result), path).toContain(field);
    }
  });
});

describe("photo headers", () => {
  it("a PNG declaring a width of 2^31 or more is a 400, not an integer overflow", async () => {
    const { host, listingId } = await hostWithDraft("png");
    for (const [width, height] of [
      [2 ** 31, 480],
      [640, 2 ** 32 - 1],
    ] as const) {
      const response = await putPhoto(listingId, photos.png(width, height), "image/png", host.auth);
      expect(response.status, `${width}x${height}`).toBe(400);
    }
    expect((await putPhoto(listingId, photos.png(640, 480), "image/png", host.auth)).status).toBe(201);
  });
});

describe("API keys on public procedures", () => {
  it("a profile:read key does not see its owner's draft listing or draft quote; the owner's session does", async () => {
    const { host, listingId } = await hostWithDraft("key-view");
    const key = await apiKeyFor(host, ["profile:read"]);
    const stay = { listingId, checkIn: utcDaysFromToday(90), checkOut: utcDaysFromToday(93) };
    const asKey = createTestClient(key);
    expect((await settle(() => asKey.listings.get.query({ id: listingId }))).status).toBe(404);
    expect((await settle(() => asKey.listings.quote.query(stay))).status).toBe(404);
    const asOwner = createTestClient(host.auth);
    expect((await settle(() => asOwner.listings.get.query({ id: listingId }))).status).toBe(200);
    // The key still reaches what its scope opens.
    expect((await settle(() => asKey.users.me.query())).status).toBe(200);
  });
});
