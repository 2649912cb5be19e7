import { describe, expect, it } from "vitest";
import { parseClientFrame, presenceOf } from "../src/protocol.ts";

describe("conversation room protocol", () => {
  it("accepts typing and ping frames only", () => {
    expect(parseClientFrame('{"type":"typing","isTyping":true}')).toEqual({ type: "typing", isTyping: true });
    expect(parseClientFrame('{"type":"ping"}')).toEqual({ type: "ping" });
    expect(parseClientFrame('{"type":"typing","isTyping":"yes"}')).toBeNull();
    expect(parseClientFrame("not json")).toBeNull();
    expect(parseClientFrame('{"type":"message","text":"spoofed"}')).toBeNull();
    expect(parseClientFrame(`{"type":"ping","pad":"${"x".repeat(5000)}"}`)).toBeNull();
  });

  it("lists each user once however many tabs they have open", () => {
    const a = { userId: "u1", name: "Ana" };
    expect(presenceOf([a, { userId: "u0", name: "Bo" }, a, null])).toEqual([{ userId: "u0", name: "Bo" }, a]);
  });
});
