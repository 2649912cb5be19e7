import { createHash } from "node:crypto";
import { LuaFactory } from "wasmoon";
import { int, word } from "./args.ts";
import { LUA_PRELUDE } from "./lua-prelude.ts";
import { CommandError, OK, type Reply, Status } from "./reply.ts";

type LuaEngine = Awaited<ReturnType<LuaFactory["createEngine"]>>;
type LuaFn = (...args: unknown[]) => unknown;

const NOT_IN_SCRIPTS = new Set([
  "EVAL",
  "EVALSHA",
  "EVAL_RO",
  "EVALSHA_RO",
  "SCRIPT",
  "MULTI",
  "EXEC",
  "DISCARD",
  "WATCH",
]);

/**
 * EVAL, EVALSHA and SCRIPT for the embedded Redis, on Lua 5.4 compiled to WebAssembly (wasmoon).
 * A script runs to completion inside one synchronous call, so, as in Redis, nothing else runs
 * while it does. Scripts are kept by the SHA1 of their exact text, which is what clients compute.
 */
export class LuaScripting {
  private readonly fns: { load: LuaFn; has: LuaFn; flush: LuaFn; run: LuaFn };

  private constructor(
    private readonly engine: LuaEngine,
    dispatch: (args: Buffer[]) => Reply,
  ) {
    engine.global.set("__js_call", (...hexArgs: string[]) => {
      const args = hexArgs.map((h) => Buffer.from(h, "hex"));
      const name = word(args[0]);
      if (NOT_IN_SCRIPTS.has(name)) {
        return encode(new CommandError("ERR This Redis command is not allowed from script"));
      }
      return encode(dispatch(args));
    });
    engine.global.set("__js_sha1", (h: string) =>
      createHash("sha1").update(Buffer.from(h, "hex")).digest("hex"),
    );
    engine.doStringSync(LUA_PRELUDE);
    const get = (name: string) => engine.global.get(name) as LuaFn;
    this.fns = { load: get("__load"), has: get("__has"), flush: get("__flush"), run: get("__run") };
  }

  static async create(dispatch: (args: Buffer[]) => Reply): Promise<LuaScripting> {
    // A script that loops for 5 s is stopped (Redis would answer BUSY until it was killed).
    const engine = await new LuaFactory().createEngine({
      injectObjects: false,
      enableProxy: false,
      functionTimeout: 5_000,
    });
    return new LuaScripting(engine, dispatch);
  }

  /** EVAL script numkeys key… arg… */
  eval(args: Buffer[]): Reply {
    const sha = this.load(args[0]!);
    return this.run(sha, args.slice(1));
  }

  /** EVALSHA sha numkeys key… arg… */
  evalsha(args: Buffer[]): Reply {
    const sha = args[0]!.toString("latin1").toLowerCase();
    if (!this.fns.has(sha)) throw new CommandError("NOSCRIPT No matching script. Please use EVAL.");
    return this.run(sha, args.slice(1));
  }

  script(args: Buffer[]): Reply {
    const sub = word(args[0]);
    if (sub === "LOAD" && args.length === 2) return Buffer.from(this.load(args[1]!));
    if (sub === "EXISTS" && args.length >= 2) {
      return args.slice(1).map((sha) => (this.fns.has(sha.toString("latin1").toLowerCase()) ? 1 : 0));
    }
    if (sub === "FLUSH") {
      this.fns.flush();
      return OK;
    }
    throw new CommandError(`ERR unknown subcommand '${args[0]?.toString() ?? ""}'. Try SCRIPT HELP.`);
  }

  close(): void {
    this.engine.global.close();
  }

  private load(script: Buffer): string {
    const sha = createHash("sha1").update(script).digest("hex");
    if (this.fns.has(sha)) return sha;
    // Redis 7 reads a first line `#!lua flags=…`; the flags only matter to its cluster and
    // replicas, so the line is blanked (keeping line numbers in error messages).
    const text = script.toString("latin1").startsWith("#!")
      ? script.subarray(script.indexOf("\n") >>> 0)
      : script;
    const failure = this.fns.load(sha, text.toString("hex")) as string;
    if (failure) throw new CommandError(Buffer.from(failure, "hex").toString("utf8"));
    return sha;
  }

  private run(sha: string, rest: Buffer[]): Reply {
    const nkeys = int(rest[0]);
    if (nkeys < 0) throw new CommandError("ERR Number of keys can't be negative");
    if (nkeys > rest.length - 1)
      throw new CommandError("ERR Number of keys can't be greater than number of args");
    const encoded = this.fns.run(sha, nkeys, ...rest.slice(1).map((b) => b.toString("hex"))) as string;
    return decode(encoded, { at: 0 });
  }
}

function encode(reply: Reply): string {
  if (reply === null) return "_";
  if (typeof reply === "number") return `:${reply};`;
  if (Buffer.isBuffer(reply)) return `$${reply.toString("hex")};`;
  if (reply instanceof Status) return `+${Buffer.from(reply.text).toString("hex")};`;
  if (reply instanceof CommandError) return `-${Buffer.from(reply.message).toString("hex")};`;
  return `*${reply.length};${reply.map(encode).join("")}`;
}

function decode(text: string, cursor: { at: number }): Reply {
  const kind = text[cursor.at];
  if (kind === "_") {
    cursor.at++;
    return null;
  }
  const end = text.indexOf(";", cursor.at);
  const body = text.slice(cursor.at + 1, end);
  cursor.at = end + 1;
  if (kind === ":") return Number(body);
  if (kind === "$") return Buffer.from(body, "hex");
  if (kind === "+") return new Status(Buffer.from(body, "hex").toString("utf8"));
  if (kind === "-") return new CommandError(Buffer.from(body, "hex").toString("utf8"));
  return Array.from({ length: Number(body) }, () => decode(text, cursor));
}
