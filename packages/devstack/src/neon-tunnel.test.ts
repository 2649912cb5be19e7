import { describe, expect, it } from "vitest";
import { parseTarget } from "./neon-tunnel.ts";

describe("parseTarget", () => {
  it("reads the address the neon driver puts in the query string", () => {
    expect(parseTarget("/v1?address=127.0.0.1:5432")).toEqual({
      host: "127.0.0.1",
      port: 5432,
      key: "127.0.0.1:5432",
    });
    expect(parseTarget("/v1?address=DB.Local:6543")?.key).toBe("db.local:6543");
  });

  it("accepts IPv6 hosts bracketed or bare, with one spelling for the allow-list", () => {
    expect(parseTarget("/v1?address=[::1]:5432")?.key).toBe("::1:5432");
    expect(parseTarget("/v1?address=::1:5432")?.key).toBe("::1:5432");
  });

  it("rejects anything else", () => {
    for (const url of [
      "/v2?address=127.0.0.1:5432",
      "/v1",
      "/v1?address=127.0.0.1",
      "/v1?address=:5432",
      "/v1?address=h:0",
      "/v1?address=h:99999",
      "/v1?address=h:54x",
    ]) {
      expect(parseTarget(url), url).toBeNull();
    }
  });
});
