import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { roomCloseCodes } from "@hometrip/contracts";
import { describe, expect, it } from "vitest";
import { ConversationRoom } from "../src/rooms/conversation-room.ts";
import { connect, conversationRoom, newId, presenceTimeoutMs, sleep, tokenFor } from "./support.ts";

const stubOf = (conversationId: string) => env.ConversationRoom.getByName(conversationId);

describe("presence", () => {
  it("keeps a member who heartbeats, and drops one who vanished without closing within the timeout", async () => {
    const id = newId();
    const room = conversationRoom(id);
    const [ana, bo] = [newId(), newId()];
    const anaClient = await connect(room, await tokenFor(ana, room));
    const boClient = await connect(room, await tokenFor(bo, room));
    await anaClient.next("presence", (e) => e.online.length === 2);
    const started = Date.now();
    // Ana keeps sending heartbeats; Bo's tab is gone but its socket never closes.
    const beating = setInterval(() => anaClient.send({ type: "heartbeat" }), presenceTimeoutMs / 4);
    try {
      const after = await anaClient.next("presence", (e) => e.online.length === 1);
      expect(after.online).toEqual([ana]);
      // Dropped once silent for the timeout, and not much later (the sweep alarm is set for it).
      expect(Date.now() - started).toBeLessThan(presenceTimeoutMs * 2 + 500);
      expect(await boClient.closed).toEqual({
        code: roomCloseCodes.heartbeatTimeout,
        reason: "no heartbeat",
      });
      // Ana is still in after several timeouts, on heartbeats alone.
      await sleep(presenceTimeoutMs * 1.5);
      expect(await runInDurableObject(stubOf(id), (instance: ConversationRoom) => instance.online())).toEqual(
        [ana],
      );
    } finally {
      clearInterval(beating);
      anaClient.ws.close(1000);
    }
  });

  it("answers a heartbeat with a heartbeat", async () => {
    const room = conversationRoom(newId());
    const client = await connect(room, await tokenFor(newId(), room));
    await client.next("presence");
    client.send({ type: "heartbeat" });
    expect(await client.next("heartbeat")).toEqual({ type: "heartbeat" });
    client.ws.close(1000);
  });

  it("shows a member leaving when the socket closes", async () => {
    const room = conversationRoom(newId());
    const [ana, bo] = [newId(), newId()];
    const anaClient = await connect(room, await tokenFor(ana, room));
    const boClient = await connect(room, await tokenFor(bo, room));
    await anaClient.next("presence", (e) => e.online.length === 2);
    boClient.ws.close(1000, "bye");
    expect((await anaClient.next("presence", (e) => e.online.length === 1)).online).toEqual([ana]);
    anaClient.ws.close(1000);
  });

  it("keeps its members when it wakes from hibernation: a fresh instance knows them from the sockets alone", async () => {
    const id = newId();
    const room = conversationRoom(id);
    const [ana, bo] = [newId(), newId()];
    const anaClient = await connect(room, await tokenFor(ana, room));
    const boClient = await connect(room, await tokenFor(bo, room));
    await anaClient.next("presence", (e) => e.online.length === 2);
    // What the runtime does on wake: construct the class again over the same state; nothing
    // survives in instance fields, so members must come back from the sockets' attachments.
    const woken = await runInDurableObject(stubOf(id), (_instance: ConversationRoom, state) => {
      const fresh = new ConversationRoom(state, env);
      return { online: fresh.online(), sweepScheduled: state.storage.getAlarm() };
    });
    expect(woken.online).toEqual([ana, bo].sort());
    expect(await woken.sweepScheduled).not.toBeNull();
    // The woken room still delivers to both sockets, and its alarm still sweeps.
    const delivered = await runInDurableObject(stubOf(id), (_instance: ConversationRoom, state) =>
      new ConversationRoom(state, env).deliver({ type: "read", userId: bo, lastReadSeq: 3 }),
    );
    expect(delivered).toEqual({ delivered: 2 });
    expect(await anaClient.next("read")).toEqual({ type: "read", userId: bo, lastReadSeq: 3 });
    expect(await runDurableObjectAlarm(stubOf(id))).toBe(true);
    anaClient.ws.close(1000);
    boClient.ws.close(1000);
  });
});
