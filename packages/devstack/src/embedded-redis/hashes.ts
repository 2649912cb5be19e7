import { type CommandTable, type Ctx, float, fromKey, int, key } from "./args.ts";
import { CommandError, formatDouble, OK } from "./reply.ts";

function hset(a: Buffer[], { db }: Ctx, name: string) {
  if (a.length < 3 || a.length % 2 === 0) {
    throw new CommandError(`ERR wrong number of arguments for '${name}' command`);
  }
  const hash = db.getOrCreate(key(a[0]!), "hash");
  let added = 0;
  for (let i = 1; i < a.length; i += 2) {
    if (!hash.has(key(a[i]!))) added++;
    hash.set(key(a[i]!), a[i + 1]!);
  }
  return added;
}

function hincr(a: Buffer[], { db }: Ctx, parse: (b: Buffer | undefined) => number, asFloat: boolean) {
  const hash = db.getOrCreate(key(a[0]!), "hash");
  const field = key(a[1]!);
  const current = hash.get(field);
  let next: number;
  try {
    next = (current === undefined ? 0 : parse(current)) + parse(a[2]);
  } catch (error) {
    db.dropIfEmpty(key(a[0]!));
    if (current !== undefined)
      throw new CommandError(`ERR hash value is not ${asFloat ? "a float" : "an integer"}`);
    throw error;
  }
  if (!asFloat && !Number.isSafeInteger(next))
    throw new CommandError("ERR increment or decrement would overflow");
  const text = asFloat ? formatDouble(next) : Buffer.from(String(next));
  hash.set(field, text);
  return asFloat ? text : next;
}

export const hashCommands: CommandTable = {
  HSET: { arity: -4, run: (a, ctx) => hset(a, ctx, "hset") },
  HMSET: {
    arity: -4,
    run: (a, ctx) => {
      hset(a, ctx, "hmset");
      return OK;
    },
  },
  HSETNX: {
    arity: 4,
    run: (a, ctx) => (ctx.db.get(key(a[0]!), "hash")?.has(key(a[1]!)) ? 0 : hset(a, ctx, "hsetnx")),
  },
  HGET: { arity: 3, run: (a, { db }) => db.get(key(a[0]!), "hash")?.get(key(a[1]!)) ?? null },
  HMGET: {
    arity: -3,
    run: (a, { db }) => {
      const hash = db.get(key(a[0]!), "hash");
      return a.slice(1).map((f) => hash?.get(key(f)) ?? null);
    },
  },
  HGETALL: {
    arity: 2,
    run: (a, { db }) => [...(db.get(key(a[0]!), "hash") ?? new Map())].flatMap(([f, v]) => [fromKey(f), v]),
  },
  HKEYS: { arity: 2, run: (a, { db }) => [...(db.get(key(a[0]!), "hash")?.keys() ?? [])].map(fromKey) },
  HVALS: { arity: 2, run: (a, { db }) => [...(db.get(key(a[0]!), "hash")?.values() ?? [])] },
  HLEN: { arity: 2, run: (a, { db }) => db.get(key(a[0]!), "hash")?.size ?? 0 },
  HEXISTS: { arity: 3, run: (a, { db }) => (db.get(key(a[0]!), "hash")?.has(key(a[1]!)) ? 1 : 0) },
  HDEL: {
    arity: -3,
    run: (a, { db }) => {
      const hash = db.get(key(a[0]!), "hash");
      if (!hash) return 0;
      const removed = a.slice(1).filter((f) => hash.delete(key(f))).length;
      db.dropIfEmpty(key(a[0]!));
      return removed;
    },
  },
  HINCRBY: { arity: 4, run: (a, ctx) => hincr(a, ctx, int, false) },
  HINCRBYFLOAT: { arity: 4, run: (a, ctx) => hincr(a, ctx, float, true) },
};
