import { type AddressInfo, createServer, type Server } from "node:net";

/**
 * Distinct free TCP ports on 127.0.0.1, one per name. Every probe stays bound until all are chosen:
 * probed and closed one at a time, the kernel may hand out the same port twice (seen in CI, where
 * the Redis bridge and the QStash broker of one stack were given one port).
 */
export async function freePorts<Name extends string>(names: readonly Name[]): Promise<Record<Name, number>> {
  const servers: Server[] = [];
  try {
    for (const _ of names) {
      servers.push(
        await new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.once("error", reject);
          server.listen(0, "127.0.0.1", () => resolve(server));
        }),
      );
    }
    return Object.fromEntries(
      names.map((name, i) => [name, (servers[i]!.address() as AddressInfo).port]),
    ) as Record<Name, number>;
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

/** One free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return (await freePorts(["port"])).port;
}
