import { type CommandTable, type Ctx, clampRange, fromKey, int, key } from "./args.ts";
import { CommandError, OK } from "./reply.ts";

function push(a: Buffer[], { db }: Ctx, left: boolean) {
  const list = db.getOrCreate(key(a[0]!), "list");
  for (const value of a.slice(1)) {
    if (left) list.unshift(value);
    else list.push(value);
  }
  return list.length;
}

function pop(a: Buffer[], { db }: Ctx, left: boolean) {
  const list = db.get(key(a[0]!), "list");
  const count = a[1] === undefined ? undefined : int(a[1]);
  if (count !== undefined && count < 0) throw new CommandError("ERR value is out of range, must be positive");
  if (!list) return null;
  const taken = left ? list.splice(0, count ?? 1) : list.splice(-(count ?? 1)).reverse();
  db.dropIfEmpty(key(a[0]!));
  return count === undefined ? (taken[0] ?? null) : taken;
}

export const listCommands: CommandTable = {
  LPUSH: { arity: -3, run: (a, ctx) => push(a, ctx, true) },
  RPUSH: { arity: -3, run: (a, ctx) => push(a, ctx, false) },
  LPOP: { arity: -2, run: (a, ctx) => pop(a, ctx, true) },
  RPOP: { arity: -2, run: (a, ctx) => pop(a, ctx, false) },
  LLEN: { arity: 2, run: (a, { db }) => db.get(key(a[0]!), "list")?.length ?? 0 },
  LINDEX: {
    arity: 3,
    run: (a, { db }) => {
      const list = db.get(key(a[0]!), "list") ?? [];
      const i = int(a[1]);
      return list[i < 0 ? list.length + i : i] ?? null;
    },
  },
  LRANGE: {
    arity: 4,
    run: (a, { db }) => {
      const list = db.get(key(a[0]!), "list") ?? [];
      const range = clampRange(int(a[1]), int(a[2]), list.length);
      return range ? list.slice(range[0], range[1] + 1) : [];
    },
  },
  LTRIM: {
    arity: 4,
    run: (a, { db }) => {
      const list = db.get(key(a[0]!), "list");
      if (!list) return OK;
      const range = clampRange(int(a[1]), int(a[2]), list.length);
      const kept = range ? list.slice(range[0], range[1] + 1) : [];
      list.splice(0, list.length, ...kept);
      db.dropIfEmpty(key(a[0]!));
      return OK;
    },
  },
  LREM: {
    arity: 4,
    run: (a, { db }) => {
      const list = db.get(key(a[0]!), "list");
      if (!list) return 0;
      const count = int(a[1]);
      const limit = count === 0 ? Number.POSITIVE_INFINITY : Math.abs(count);
      const order = count < 0 ? [...list.keys()].reverse() : [...list.keys()];
      const drop = new Set<number>();
      for (const i of order) if (drop.size < limit && list[i]!.equals(a[2]!)) drop.add(i);
      const kept = list.filter((_, i) => !drop.has(i));
      list.splice(0, list.length, ...kept);
      db.dropIfEmpty(key(a[0]!));
      return drop.size;
    },
  },
};

export const setCommands: CommandTable = {
  SADD: {
    arity: -3,
    run: (a, { db }) => {
      const set = db.getOrCreate(key(a[0]!), "set");
      const before = set.size;
      for (const m of a.slice(1)) set.add(key(m));
      return set.size - before;
    },
  },
  SREM: {
    arity: -3,
    run: (a, { db }) => {
      const set = db.get(key(a[0]!), "set");
      if (!set) return 0;
      const removed = a.slice(1).filter((m) => set.delete(key(m))).length;
      db.dropIfEmpty(key(a[0]!));
      return removed;
    },
  },
  SMEMBERS: { arity: 2, run: (a, { db }) => [...(db.get(key(a[0]!), "set") ?? [])].map(fromKey) },
  SISMEMBER: { arity: 3, run: (a, { db }) => (db.get(key(a[0]!), "set")?.has(key(a[1]!)) ? 1 : 0) },
  SMISMEMBER: {
    arity: -3,
    run: (a, { db }) => {
      const set = db.get(key(a[0]!), "set");
      return a.slice(1).map((m) => (set?.has(key(m)) ? 1 : 0));
    },
  },
  SCARD: { arity: 2, run: (a, { db }) => db.get(key(a[0]!), "set")?.size ?? 0 },
};
