import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { FeedFetchError } from "./feed-error.ts";

const privateV4: [number, number][] = [
  [0x00000000, 8], // "this" network
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // 100.64/10 carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local, cloud metadata (169.254.169.254)
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xe0000000, 3], // multicast and reserved
];

function v4ToInt(address: string): number {
  return address.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const value = v4ToInt(address);
    return privateV4.some(([base, bits]) => value >>> (32 - bits) === base >>> (32 - bits));
  }
  const v6 = address.toLowerCase();
  if (v6 === "::" || v6 === "::1") return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v6);
  if (mapped?.[1]) return isPrivateAddress(mapped[1]);
  // fc00::/7 unique local, fe80::/10 link-local, ff00::/8 multicast.
  return /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith("ff");
}

/**
 * Refuses hosts that are, or resolve to, loopback/private/link-local addresses, so a host cannot
 * make the worker read internal services. A resolver could answer differently at connect time
 * (DNS rebinding); closing that needs connecting to the checked address, which fetch does not offer.
 */
export async function assertPublicHost(hostname: string): Promise<void> {
  const bare = hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(bare) ? [bare] : (await lookup(bare, { all: true })).map((a) => a.address);
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
    throw new FeedFetchError(`Refusing to fetch from a private network address (${hostname})`);
  }
}
