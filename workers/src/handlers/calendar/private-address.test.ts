import { describe, expect, it } from "vitest";
import { assertPublicHost, isPrivateAddress } from "./private-address.ts";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fd12::1",
    "fe80::1",
    "::ffff:127.0.0.1",
  ])("%s is private", (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(["8.8.8.8", "172.32.0.1", "93.184.216.34", "2606:4700::1111"])("%s is public", (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );

  it("refuses literal private hosts and localhost without asking the network", async () => {
    await expect(assertPublicHost("127.0.0.1")).rejects.toThrow(/private network/);
    await expect(assertPublicHost("[::1]")).rejects.toThrow(/private network/);
    await expect(assertPublicHost("localhost")).rejects.toThrow(/private network/);
  });
});
