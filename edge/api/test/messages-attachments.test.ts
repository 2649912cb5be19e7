import { beforeAll, describe, expect, it } from "vitest";
import { call, createTestClient, json, settle } from "./harness.ts";
import { photos } from "./listings-support.ts";
import { createHostWithListing, newClientId, startInquiry } from "./messages-support.ts";
import { createMember, type Member } from "./users-support.ts";

const upload = (
  conversationId: string,
  body: BodyInit,
  contentType: string,
  headers: Record<string, string>,
) =>
  call(`/conversations/${conversationId}/attachments`, {
    method: "PUT",
    headers: { "content-type": contentType, ...headers },
    body,
  });

type Uploaded = { key: string; contentType: string; width: number; height: number; bytes: number };

describe("message attachments", () => {
  let host: Member;
  let listingId: string;

  beforeAll(async () => {
    ({ host, listingId } = await createHostWithListing("msg-attach-host"));
  }, 60_000);

  it("a participant uploads an image, sends it, and only participants can fetch it", async () => {
    const { guest, conversationId } = await startInquiry(listingId);
    const response = await upload(conversationId, photos.jpeg(1200, 900), "image/jpeg", guest.auth);
    expect(response.status).toBe(201);
    const uploaded = await json<Uploaded>(response);
    expect(uploaded).toMatchObject({ contentType: "image/jpeg", width: 1200, height: 900 });

    const sent = await createTestClient(guest.auth).messages.send.mutate({
      conversationId,
      body: "",
      clientId: newClientId(),
      attachmentKeys: [uploaded.key],
    });
    const [attachment] = sent.message.attachments;
    expect(attachment).toMatchObject({
      key: uploaded.key,
      width: 1200,
      url: `/conversations/${conversationId}/attachments/${uploaded.key}`,
    });

    const asHost = await call(attachment?.url ?? "", { headers: host.auth });
    expect(asHost.status).toBe(200);
    expect(asHost.headers.get("content-type")).toBe("image/jpeg");
    expect(asHost.headers.get("cache-control")).toMatch(/^private/);
    expect(new Uint8Array(await asHost.arrayBuffer())).toEqual(photos.jpeg(1200, 900));

    const outsider = await createMember("peeker");
    expect((await call(attachment?.url ?? "", { headers: outsider.auth })).status).toBe(404);
    expect((await call(attachment?.url ?? "")).status).toBe(401);
    expect((await upload(conversationId, photos.png(), "image/png", outsider.auth)).status).toBe(404);
  });

  it("checks the type by the file's own bytes and limits the size", async () => {
    const { guest, conversationId } = await startInquiry(listingId);
    const lying = await upload(conversationId, photos.png(), "image/jpeg", guest.auth);
    expect(lying.status).toBe(400);
    const html = await upload(conversationId, "<script>alert(1)</script>", "image/png", guest.auth);
    expect(html.status).toBe(400);
    const svg = await upload(conversationId, "<svg/>", "image/svg+xml", guest.auth);
    expect(svg.status).toBe(400);
    const huge = new Uint8Array(5 * 1024 * 1024 + 1);
    huge.set(photos.png());
    expect((await upload(conversationId, huge, "image/png", guest.auth)).status).toBe(400);
    expect((await upload(conversationId, photos.webpLossy(), "image/webp", guest.auth)).status).toBe(201);
  });

  it("a send may attach only the sender's own uploads to that conversation", async () => {
    const first = await startInquiry(listingId);
    const second = await startInquiry(listingId);
    const theirs = await json<Uploaded>(
      await upload(first.conversationId, photos.png(), "image/png", first.guest.auth),
    );
    // The host takes part in both conversations, yet cannot move an image across, or send the guest's.
    const hostApi = createTestClient(host.auth);
    for (const conversationId of [first.conversationId, second.conversationId]) {
      const result = await settle(() =>
        hostApi.messages.send.mutate({
          conversationId,
          body: "look",
          clientId: newClientId(),
          attachmentKeys: [theirs.key],
        }),
      );
      expect(result.status).toBe(400);
    }
    const crossFetch = await call(`/conversations/${second.conversationId}/attachments/${theirs.key}`, {
      headers: host.auth,
    });
    expect(crossFetch.status).toBe(404);
  });
});
