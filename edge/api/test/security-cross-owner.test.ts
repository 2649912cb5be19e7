import { createApiKey } from "@hometrip/core";
import { utcDaysFromToday } from "@hometrip/testkit/dates";
import { beforeAll, describe, expect, it } from "vitest";
import { bookStay } from "./bookings-support.ts";
import { sql, withDatabase } from "./db.ts";
import { createTestClient, settle } from "./harness.ts";
import { createDraft, createHost, createPublished } from "./listings-support.ts";
import {
  callProcedure,
  type Ownership,
  type ProcedureInfo,
  procedures,
  schemaAccepts,
} from "./security-support.ts";
import { createMember, type Member } from "./users-support.ts";

/**
 * Generated from the router: every procedure on an ownership base (procedure-bases.ts) is called
 * by another host with a real id of something host A owns, and must refuse (403 for what is
 * public anyway, 404 otherwise) before doing any work, leaving A's data exactly as it was. A
 * procedure added on an ownership base is covered without touching this file; one that takes an
 * id but is on no ownership base fails the coverage check below until someone decides.
 */

const owned = procedures.filter(
  (p): p is ProcedureInfo & { ownership: Ownership } => p.ownership !== undefined,
);

// Taking an id of something is not always taking something owned: these read public things or
// take a credential. Anything else with an id field must sit on an ownership base.
const idsThatAreNotOwnership: Record<string, string> = {
  "auth.completeTwoFactor": "the challenge token is the credential",
  "bookings.quote": "listings.quote's price with a token for the caller; drafts answer 404 to others",
  "calendar.availability": "a published listing's occupied nights, public",
  "devMailbox.get": "development and test only; every mail of the local mailbox",
  "listings.get": "published listings are public; drafts answer 404 to others (listings-lifecycle)",
  "listings.quote": "published listings are public; drafts answer 404 to others (listings-quote)",
  "messages.contactHost": "anyone may ask a published listing's host; drafts answer 404 (messages.test)",
  "messages.startInquiry": "anyone may ask a published listing's host; drafts answer 404 (messages.test)",
  "users.publicProfile": "public profile fields only (security-cross-user)",
};

const takesAnId = (procedure: ProcedureInfo) =>
  procedure.inputs.some((parser) => {
    const shape = (parser as { _zod?: { def?: { shape?: object } } })._zod?.def?.shape;
    return shape !== undefined && Object.keys(shape).some((field) => field === "id" || /Id$/.test(field));
  });

describe("ownership bases cover every procedure that takes an owned id", () => {
  it("every procedure with an id field is on an ownership base or listed with a reason", () => {
    const uncovered = procedures
      .filter((p) => takesAnId(p) && p.ownership === undefined && !(p.path in idsThatAreNotOwnership))
      .map((p) => p.path);
    expect(uncovered).toEqual([]);
    expect(owned.length).toBeGreaterThanOrEqual(18);
  });

  it.each(owned)("$path requires the $ownership.field its base checks", (procedure) => {
    // A missing or malformed id is left by the base to the schema, which must refuse it.
    expect(schemaAccepts(procedure, {})).toBe(false);
    expect(schemaAccepts(procedure, { [procedure.ownership.field]: "not-an-id" })).toBe(false);
  });
});

describe("another host against host A's things", () => {
  let a: Member;
  let b: Member;
  const ids = {
    published: "",
    draft: "",
    block: "",
    apiKey: "",
    session: "",
    booking: "",
    conversation: "",
    notification: "",
  };

  /** Everything A owns that a procedure could change, as rows. */
  const snapshotOfA = async () =>
    JSON.stringify(
      await Promise.all([
        sql("select * from listings where host_id = $1 order by id", [a.userId]),
        sql(
          `select p.* from listing_photos p join listings l on l.id = p.listing_id
           where l.host_id = $1 order by p.id`,
          [a.userId],
        ),
        sql(
          `select b.* from calendar_blocks b join listings l on l.id = b.listing_id
           where l.host_id = $1 order by b.id`,
          [a.userId],
        ),
        sql(
          `select o.* from price_overrides o join listings l on l.id = o.listing_id
           where l.host_id = $1 order by o.listing_id, o.date`,
          [a.userId],
        ),
        sql(
          `select i.* from ical_imports i join listings l on l.id = i.listing_id
           where l.host_id = $1 order by i.id`,
          [a.userId],
        ),
        sql(
          `select count(*)::int as n from outbox
           where payload->'listingIds' ?| (select array_agg(id::text) from listings where host_id = $1)`,
          [a.userId],
        ),
        sql("select id, revoked_at from api_keys where user_id = $1 order by id", [a.userId]),
        sql("select id, revoked_at from session_families where user_id = $1 order by id", [a.userId]),
        sql(
          `select b.* from bookings b join listings l on l.id = b.listing_id
           where l.host_id = $1 or b.guest_id = $1 order by b.id`,
          [a.userId],
        ),
        sql(
          `select m.id, m.seq, m.body, p.user_id, p.last_read_seq from conversation_participants p
           left join messages m on m.conversation_id = p.conversation_id
           where p.conversation_id in (select conversation_id from conversation_participants where user_id = $1)
           order by p.user_id, m.seq`,
          [a.userId],
        ),
        sql("select id, read_at from notifications where user_id = $1 order by id", [a.userId]),
      ]),
    );

  beforeAll(async () => {
    a = await createHost("owner-a");
    b = await createHost("intruder-b");
    ids.published = (await createPublished(a, { lat: 38.7, lng: -9.1, city: "Lisboa" })).id;
    ids.draft = (await createDraft(a, "A's draft")).id;
    const from = utcDaysFromToday(60);
    const to = utcDaysFromToday(63);
    const block = await settle(() =>
      createTestClient(a.auth).calendar.blockDates.mutate({ listingId: ids.published, from, to }),
    );
    expect(block.status).toBe(200);
    ids.block = block.data.id;
    ids.apiKey = (
      await withDatabase((db) =>
        createApiKey(db, { userId: a.userId, name: "A's", scopes: ["profile:read"], now: new Date() }),
      )
    ).id;
    const [session] = await sql("select id from session_families where user_id = $1", [a.userId]);
    ids.session = session?.id as string;
    // A booking on A's home by a guest: neither side of it is B.
    const guest = await createMember("owner-a-guest");
    const booked = await bookStay(guest, ids.published, 70, 2);
    expect(booked.status).toBe(200);
    ids.booking = booked.data.booking.id;
    const inquiry = await createTestClient(guest.auth).messages.startInquiry.mutate({
      listingId: ids.published,
      body: "Is the flat quiet at night?",
      clientId: crypto.randomUUID(),
    });
    ids.conversation = inquiry.conversationId;
    const [notice] = await sql(
      "insert into notifications (user_id, type, category, title) values ($1, 'booking.requested', 'booking_updates', 'A request') returning id",
      [a.userId],
    );
    ids.notification = notice?.id as string;
  }, 60_000);

  /** A's ids for an ownership, each with the answer another member must get. */
  const targetsOf = (ownership: Ownership): [string, string, number][] => {
    switch (ownership.owns) {
      case "listing":
        return [
          ["published listing", ids.published, 403],
          ["draft listing", ids.draft, 404],
        ];
      case "block":
        return [["block on a published listing", ids.block, 403]];
      case "apiKey":
        return [["API key", ids.apiKey, 404]];
      case "session":
        return [["session", ids.session, 404]];
      case "booking":
        return [["booking on A's home", ids.booking, 404]];
      case "conversation":
        return [["conversation A takes part in", ids.conversation, 404]];
      case "notification":
        return [["notification", ids.notification, 404]];
    }
  };

  it.each(owned)("$path ($ownership.owns) refuses B with A's id and changes nothing", async (procedure) => {
    const before = await snapshotOfA();
    for (const [what, id, status] of targetsOf(procedure.ownership)) {
      // Only the id: the refusal must come from the base, before the rest of the input is read.
      const result = await callProcedure(procedure, { [procedure.ownership.field]: id }, b.auth);
      expect(result.status, `${procedure.path} on A's ${what}: ${JSON.stringify(result.error)}`).toBe(status);
    }
    expect(await snapshotOfA()).toEqual(before);
  });
});
