import type { AddressInfo } from "node:net";
import { createServer, type Socket } from "node:net";
import { word } from "./args.ts";
import { execute, rejectReason } from "./commands.ts";
import { Keyspace } from "./keyspace.ts";
import { LuaScripting } from "./lua.ts";
import { CommandError, encode, OK, type Reply, RequestParser, Status } from "./reply.ts";

export interface EmbeddedRedis {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A Redis that lives in this process: the RESP2 protocol on 127.0.0.1 over an in-memory keyspace,
 * with expiry, MULTI/EXEC and Lua scripting. It stands in only when no real Redis can be had, so
 * the Upstash REST bridge (and anything speaking Redis) runs unchanged on a fresh machine. Data is
 * not persisted: Redis only holds what may be rebuilt or may expire.
 */
export async function startEmbeddedRedis(
  opts: { port?: number; log?: (line: string) => void } = {},
): Promise<EmbeddedRedis> {
  const db = new Keyspace();
  let scripting: LuaScripting | undefined;
  const ctx = {
    db,
    eval: (args: Buffer[], bySha: boolean) => (bySha ? scripting!.evalsha(args) : scripting!.eval(args)),
    script: (args: Buffer[]) => scripting!.script(args),
  };
  scripting = await LuaScripting.create((args) => execute(args, ctx));
  const sweeper = setInterval(() => db.sweep(), 10_000);
  sweeper.unref();

  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    const parser = new RequestParser();
    let queued: Buffer[][] | undefined;
    let aborted = false;
    socket.on("data", (chunk) => {
      let commands: Buffer[][];
      try {
        commands = parser.push(chunk);
      } catch (error) {
        socket.end(encode(error as CommandError));
        return;
      }
      const replies: Reply[] = [];
      for (const args of commands) {
        const name = word(args[0]);
        if (name === "QUIT") {
          socket.end(Buffer.concat([...replies.map(encode), encode(OK)]));
          return;
        }
        if (name === "MULTI") {
          replies.push(queued ? new CommandError("ERR MULTI calls can not be nested") : OK);
          queued ??= [];
        } else if (name === "DISCARD" || name === "EXEC") {
          if (!queued) replies.push(new CommandError(`ERR ${name} without MULTI`));
          else if (name === "DISCARD") replies.push(OK);
          else if (aborted)
            replies.push(new CommandError("EXECABORT Transaction discarded because of previous errors."));
          // All queued commands run in this one synchronous loop, so nothing interleaves.
          else replies.push(queued.map((q) => execute(q, ctx)));
          if (name === "EXEC" || name === "DISCARD") [queued, aborted] = [undefined, false];
        } else if (name === "WATCH" || name === "UNWATCH") {
          replies.push(new CommandError(`ERR ${name} is not supported by the embedded Redis`));
        } else if (queued) {
          const rejected = rejectReason(args);
          if (rejected) aborted = true;
          else queued.push(args);
          replies.push(rejected ?? new Status("QUEUED"));
        } else replies.push(execute(args, ctx));
      }
      if (replies.length > 0) socket.write(Buffer.concat(replies.map(encode)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `redis://127.0.0.1:${port}`;
  opts.log?.(`embedded Redis (in memory, Lua on wasmoon) on ${url}`);
  return {
    url,
    port,
    async close() {
      clearInterval(sweeper);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      scripting?.close();
      scripting = undefined;
    },
  };
}
