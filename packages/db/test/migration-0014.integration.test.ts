import { afterEach, describe, expect, it } from "vitest";
import { type DatabaseBeforeMigration, databaseBeforeMigration } from "./support/before-migration.ts";
import { insertListingFixture } from "./support/fixtures.ts";

let before: DatabaseBeforeMigration | undefined;
afterEach(async () => {
  await before?.close();
  before = undefined;
});

describe("migration 0014 (message seq, client ids, read positions)", () => {
  it("numbers existing messages in creation order and carries read positions over", async () => {
    before = await databaseBeforeMigration(14);
    const { client } = before;
    const { hostId, guestId, listingId } = await insertListingFixture(client);
    const { rows } = await client.query<{ id: string }>(
      "insert into conversations (listing_id) values ($1) returning id",
      [listingId],
    );
    const conversationId = rows[0]?.id as string;
    const ids: string[] = [];
    for (const [minute, senderId] of [
      [1, guestId],
      [2, hostId],
      [3, guestId],
    ] as const) {
      const inserted = await client.query<{ id: string }>(
        `insert into messages (conversation_id, sender_id, body, created_at)
         values ($1, $2, 'hi', now() - interval '1 hour' + $3 * interval '1 minute') returning id`,
        [conversationId, senderId, minute],
      );
      ids.push(inserted.rows[0]?.id as string);
    }
    // The host read up to the second message; the guest never opened the thread.
    await client.query(
      `insert into conversation_participants (conversation_id, user_id, role, last_read_at) values
       ($1, $2, 'guest', null),
       ($1, $3, 'host', (select created_at from messages where id = $4))`,
      [conversationId, guestId, hostId, ids[1]],
    );

    await before.migrateOn();
    const messages = await client.query<{ id: string; seq: number; client_id: string }>(
      "select id, seq, client_id from messages where conversation_id = $1 order by seq",
      [conversationId],
    );
    expect(messages.rows).toEqual(ids.map((id, i) => ({ id, seq: i + 1, client_id: id })));
    const conversation = await client.query("select guest_id, last_seq from conversations where id = $1", [
      conversationId,
    ]);
    expect(conversation.rows[0]).toEqual({ guest_id: guestId, last_seq: 3 });
    const reads = await client.query<{ role: string; last_read_seq: number }>(
      "select role, last_read_seq from conversation_participants where conversation_id = $1 order by role",
      [conversationId],
    );
    expect(reads.rows).toEqual([
      { role: "guest", last_read_seq: 0 },
      { role: "host", last_read_seq: 2 },
    ]);
  });
});
