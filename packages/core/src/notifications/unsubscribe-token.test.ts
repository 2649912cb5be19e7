import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeToken } from "./unsubscribe-token.ts";

const key = "unit-test-unsubscribe-key-0123456789abcdef";
const userId = "0b7c2a43-8f1e-4c55-9a43-3f1f6bb4c001";

describe("unsubscribe tokens", () => {
  it("name the member and the category they were issued for", async () => {
    const token = await unsubscribeToken(key, userId, "messages");
    expect(await readUnsubscribeToken(key, token)).toEqual({ userId, category: "messages" });
  });

  it("refuse another key, another category or member, and junk", async () => {
    const token = await unsubscribeToken(key, userId, "messages");
    expect(await readUnsubscribeToken(`${key}x`, token)).toBeNull();
    expect(await readUnsubscribeToken(key, token.replace(".messages.", ".tips."))).toBeNull();
    expect(await readUnsubscribeToken(key, token.replace(userId, userId.replace("c001", "c002")))).toBeNull();
    expect(await readUnsubscribeToken(key, "")).toBeNull();
    expect(
      await readUnsubscribeToken(key, await unsubscribeToken(key, userId, "account_security")),
    ).toBeNull();
    expect(await readUnsubscribeToken(key, `${userId}.nope.${"0".repeat(32)}`)).toBeNull();
  });
});
