import { BridgeError } from "./encoding.ts";

/** Commands that would park the shared connection; the bridge cannot give each request its own. */
const BLOCKING = new Set([
  "BLPOP",
  "BRPOP",
  "BRPOPLPUSH",
  "BLMOVE",
  "BLMPOP",
  "BZPOPMIN",
  "BZPOPMAX",
  "BZMPOP",
  "WAIT",
  "WAITAOF",
]);

/** Commands that change the state of the connection every other client shares. */
const CONNECTION_STATE = new Set([
  "SELECT",
  "AUTH",
  "HELLO",
  "RESET",
  "QUIT",
  "CLIENT",
  "MONITOR",
  "SYNC",
  "PSYNC",
]);
const TRANSACTION = new Set(["MULTI", "EXEC", "DISCARD", "WATCH", "UNWATCH"]);
const PUBSUB = new Set([
  "SUBSCRIBE",
  "PSUBSCRIBE",
  "SSUBSCRIBE",
  "UNSUBSCRIBE",
  "PUNSUBSCRIBE",
  "SUNSUBSCRIBE",
]);

/** Turns one JSON command (`["set", "k", 1]`) into Redis arguments, or explains why it is malformed. */
export function parseCommand(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new BridgeError("ERR command must be a non-empty JSON array of strings");
  }
  return value.map((arg, index) => {
    if (typeof arg === "string") return arg;
    if (typeof arg === "number" || typeof arg === "boolean") return String(arg);
    throw new BridgeError(`ERR command argument ${index} must be a string or a number`);
  });
}

export function parseCommandList(value: unknown): string[][] {
  if (!Array.isArray(value)) throw new BridgeError("ERR body must be a JSON array of commands");
  return value.map(parseCommand);
}

/** Rejects what cannot run over a shared connection; returns the error text or undefined when allowed. */
export function unsupportedReason(args: string[]): string | undefined {
  const name = args[0]!.toUpperCase();
  if (BLOCKING.has(name) || ((name === "XREAD" || name === "XREADGROUP") && hasBlockOption(args))) {
    return `ERR blocking command '${name}' is not supported by the HomeTrip Redis bridge; use its non-blocking form`;
  }
  if (TRANSACTION.has(name)) {
    return `ERR '${name}' is not supported as a single command; send the whole transaction to /multi-exec`;
  }
  if (PUBSUB.has(name)) {
    return `ERR '${name}' is not supported by the HomeTrip Redis bridge (no pub/sub streaming)`;
  }
  if (CONNECTION_STATE.has(name)) {
    return `ERR '${name}' changes shared connection state and is not supported by the HomeTrip Redis bridge`;
  }
  return undefined;
}

function hasBlockOption(args: string[]): boolean {
  return args.some((arg) => arg.toUpperCase() === "BLOCK");
}
