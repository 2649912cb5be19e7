import { arityError, type CommandTable, type Ctx, int, word } from "./args.ts";
import { hashCommands } from "./hashes.ts";
import { keyCommands } from "./keys.ts";
import { listCommands, setCommands } from "./lists-sets.ts";
import { CommandError, OK, type Reply, Status } from "./reply.ts";
import { stringCommands } from "./strings.ts";
import { zsetCommands } from "./zsets.ts";

const INFO = [
  "# Server",
  "redis_version:7.2.0",
  "redis_mode:standalone",
  "hometrip_embedded:1",
  "# Persistence",
  "loading:0",
  "",
].join("\r\n");

const serverCommands: CommandTable = {
  PING: { arity: -1, run: (a) => (a[0] ? a[0] : new Status("PONG")) },
  ECHO: { arity: 2, run: (a) => a[0]! },
  // ioredis reads INFO before it reports ready (`loading:0`).
  INFO: { arity: -1, run: () => Buffer.from(INFO) },
  TIME: {
    arity: 1,
    run: (_a, { db }) => {
      const ms = db.now();
      return [Buffer.from(String(Math.floor(ms / 1000))), Buffer.from(String((ms % 1000) * 1000))];
    },
  },
  // One database: SELECT 0 is accepted so clients configured for db 0 connect.
  SELECT: {
    arity: 2,
    run: (a) => {
      if (int(a[0]) !== 0) throw new CommandError("ERR DB index is out of range");
      return OK;
    },
  },
  CLIENT: {
    arity: -2,
    run: (a) => {
      const sub = word(a[0]);
      if (sub === "SETNAME" || sub === "SETINFO") return OK;
      if (sub === "GETNAME") return null;
      if (sub === "ID") return 1;
      throw new CommandError(`ERR unknown subcommand '${a[0]?.toString() ?? ""}'`);
    },
  },
  EVAL: { arity: -3, run: (a, ctx) => ctx.eval(a, false) },
  EVAL_RO: { arity: -3, run: (a, ctx) => ctx.eval(a, false) },
  EVALSHA: { arity: -3, run: (a, ctx) => ctx.eval(a, true) },
  EVALSHA_RO: { arity: -3, run: (a, ctx) => ctx.eval(a, true) },
  SCRIPT: { arity: -2, run: (a, ctx) => ctx.script(a) },
};

export const COMMANDS: CommandTable = {
  ...serverCommands,
  ...keyCommands,
  ...stringCommands,
  ...hashCommands,
  ...listCommands,
  ...setCommands,
  ...zsetCommands,
};

/** Why `args` cannot even be queued (unknown command, wrong arity), or undefined. */
export function rejectReason(args: Buffer[]): CommandError | undefined {
  const name = word(args[0]);
  const spec = COMMANDS[name];
  if (!spec) {
    const shown = args
      .slice(1, 4)
      .map((b) => `'${b.toString("utf8")}'`)
      .join(" ");
    return new CommandError(
      `ERR unknown command '${args[0]!.toString("utf8")}', with args beginning with: ${shown}`,
    );
  }
  const ok = spec.arity >= 0 ? args.length === spec.arity : args.length >= -spec.arity;
  return ok ? undefined : arityError(name);
}

/** Runs one command; errors are replies, never exceptions. */
export function execute(args: Buffer[], ctx: Ctx): Reply {
  const rejected = rejectReason(args);
  if (rejected) return rejected;
  try {
    return COMMANDS[word(args[0])]!.run(args.slice(1), ctx);
  } catch (error) {
    if (error instanceof CommandError) return error;
    return new CommandError(`ERR ${error instanceof Error ? error.message : String(error)}`);
  }
}
