/**
 * "host:port" as the Neon stand-in compares database addresses (the WebSocket tunnel's
 * `address=` and allow-list, the SQL endpoint's connection strings): IPv6 brackets dropped, host
 * lower-cased. An IPv6 host may come bracketed or bare ("::1:5432").
 */
export function parseAddress(address: string): { host: string; port: number; key: string } | null {
  const colon = address.lastIndexOf(":");
  const host = address
    .slice(0, colon)
    .replace(/^\[(.*)\]$/, "$1")
    .toLowerCase();
  const port = Number(address.slice(colon + 1));
  if (colon < 1 || !host || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { host, port, key: `${host}:${port}` };
}

export type TunnelTarget = NonNullable<ReturnType<typeof parseAddress>>;
