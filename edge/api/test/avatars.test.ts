import { describe, expect, it } from "vitest";
import { call, createTestClient, settle } from "./harness.ts";
import { apiKeyFor, createMember, images, putAvatar } from "./users-support.ts";

type ErrorBody = { code: string; message: string; requestId: string };

async function expectError(response: Response, status: number, code: string): Promise<ErrorBody> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as ErrorBody;
  expect(body).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
  expect(body.requestId).toBe(response.headers.get("x-request-id"));
  return body;
}

const avatarOf = async (auth: Record<string, string>) =>
  (await settle(() => createTestClient(auth).users.me.query())).data.avatarUrl;

describe("PUT /users/me/avatar", () => {
  it("stores a PNG and serves it back with its type and long-lived cache headers", async () => {
    const member = await createMember("avatar");
    const png = images.png();
    const response = await putAvatar(png, "image/png", member.auth);
    expect(response.status).toBe(200);
    const { avatarUrl } = (await response.json()) as { avatarUrl: string };
    expect(avatarUrl).toMatch(/^\/avatars\/[A-Za-z0-9_-]{32}$/);
    expect(await avatarOf(member.auth)).toBe(avatarUrl);

    const served = await call(avatarUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
  });

  it("replaces the previous avatar, whose URL then stops working", async () => {
    const member = await createMember("avatar-replace");
    const first = (await (await putAvatar(images.png(), "image/png", member.auth)).json()) as {
      avatarUrl: string;
    };
    const second = await putAvatar(images.jpeg(), "image/jpeg", member.auth);
    const { avatarUrl } = (await second.json()) as { avatarUrl: string };
    expect(avatarUrl).not.toBe(first.avatarUrl);
    expect((await call(avatarUrl)).headers.get("content-type")).toBe("image/jpeg");
    await expectError(await call(first.avatarUrl), 404, "NOT_FOUND");
  });

  it("accepts WebP, and a content type with parameters", async () => {
    const member = await createMember("avatar-webp");
    const response = await putAvatar(images.webp(), "Image/WebP; charset=binary", member.auth);
    expect(response.status).toBe(200);
    const { avatarUrl } = (await response.json()) as { avatarUrl: string };
    expect((await call(avatarUrl)).headers.get("content-type")).toBe("image/webp");
  });

  it("works with the browser's access cookie", async () => {
    const member = await createMember("avatar-cookie");
    const response = await putAvatar(images.png(), "image/png", {
      cookie: `ht_access=${member.accessToken}`,
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ["a GIF", "image/gif", () => Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0])],
    ["an SVG", "image/svg+xml", () => new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>")],
    ["no content type", null, images.png],
  ])("rejects %s", async (_label, contentType, body) => {
    const member = await createMember("avatar-type");
    const body400 = await expectError(await putAvatar(body(), contentType, member.auth), 400, "BAD_REQUEST");
    expect(body400.message).toMatch(/PNG, JPEG or WebP/);
    expect(await avatarOf(member.auth)).toBeNull();
  });

  it.each([
    ["JPEG bytes declared as PNG", "image/png", images.jpeg],
    ["PNG bytes declared as WebP", "image/webp", images.png],
    ["HTML declared as JPEG", "image/jpeg", () => new TextEncoder().encode("<script>alert(1)</script>")],
  ])("rejects %s", async (_label, contentType, body) => {
    const member = await createMember("avatar-magic");
    const error = await expectError(await putAvatar(body(), contentType, member.auth), 400, "BAD_REQUEST");
    expect(error.message).toMatch(/is not a (PNG|JPEG|WEBP) image/);
    expect(await avatarOf(member.auth)).toBeNull();
  });

  it("rejects an image over 2 MB", async () => {
    const member = await createMember("avatar-large");
    const large = new Uint8Array(2 * 1024 * 1024 + 1);
    large.set(images.png());
    const error = await expectError(await putAvatar(large, "image/png", member.auth), 400, "BAD_REQUEST");
    expect(error.message).toMatch(/2 MB/);
    expect(await avatarOf(member.auth)).toBeNull();
  });

  it("stops reading a streamed body without a length once it passes 2 MB", async () => {
    const member = await createMember("avatar-stream");
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = new Uint8Array(512 * 1024);
        if (pulled === 0) chunk.set(images.png());
        pulled++;
        controller.enqueue(chunk);
        if (pulled === 20) controller.close();
      },
    });
    const error = await expectError(await putAvatar(stream, "image/png", member.auth), 400, "BAD_REQUEST");
    expect(error.message).toMatch(/2 MB/);
    expect(pulled).toBeLessThan(20);
  });

  it("accepts an image of exactly 2 MB", async () => {
    const member = await createMember("avatar-limit");
    const exact = new Uint8Array(2 * 1024 * 1024);
    exact.set(images.png());
    expect((await putAvatar(exact, "image/png", member.auth)).status).toBe(200);
  });

  it("rejects an empty body", async () => {
    const member = await createMember("avatar-empty");
    const error = await expectError(
      await putAvatar(new Uint8Array(), "image/png", member.auth),
      400,
      "BAD_REQUEST",
    );
    expect(error.message).toMatch(/empty/);
  });

  it("answers 401 without a credential and 401 for a forged token", async () => {
    await expectError(await putAvatar(images.png(), "image/png"), 401, "UNAUTHORIZED");
    const forged = { authorization: "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0." };
    await expectError(await putAvatar(images.png(), "image/png", forged), 401, "UNAUTHORIZED");
  });

  it("needs profile:write for an API key", async () => {
    const member = await createMember("avatar-key");
    const readOnly = await apiKeyFor(member, ["profile:read"]);
    await expectError(await putAvatar(images.png(), "image/png", readOnly), 403, "FORBIDDEN");
    const writer = await apiKeyFor(member, ["profile:write"]);
    expect((await putAvatar(images.png(), "image/png", writer)).status).toBe(200);
  });

  it("only ever changes the caller's avatar", async () => {
    const a = await createMember("avatar-a");
    const b = await createMember("avatar-b");
    const own = (await (await putAvatar(images.png(), "image/png", b.auth)).json()) as { avatarUrl: string };
    expect((await putAvatar(images.jpeg(), "image/jpeg", a.auth)).status).toBe(200);
    expect(await avatarOf(b.auth)).toBe(own.avatarUrl);
    expect((await call(own.avatarUrl)).status).toBe(200);
    const elsewhere = await call(`/users/${b.userId}/avatar`, {
      method: "PUT",
      headers: { "content-type": "image/png", ...a.auth },
      body: images.png(),
    });
    await expectError(elsewhere, 404, "NOT_FOUND");
  });

  it("keeps the previous avatar when a replacement is refused", async () => {
    const member = await createMember("avatar-keep");
    const { avatarUrl } = (await (await putAvatar(images.png(), "image/png", member.auth)).json()) as {
      avatarUrl: string;
    };
    expect((await putAvatar(images.png(), "image/jpeg", member.auth)).status).toBe(400);
    expect(await avatarOf(member.auth)).toBe(avatarUrl);
    expect((await call(avatarUrl)).status).toBe(200);
  });
});

describe("GET /avatars/:key", () => {
  it.each(["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not-a-key", "..%2F..%2Fsecrets"])(
    "answers 404 for %s",
    async (key) => {
      await expectError(await call(`/avatars/${key}`), 404, "NOT_FOUND");
    },
  );
});
