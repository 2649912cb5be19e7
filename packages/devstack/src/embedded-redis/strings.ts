import { type CommandTable, type Ctx, float, int, key, word } from "./args.ts";
import { CommandError, formatDouble, OK, syntaxError } from "./reply.ts";

function incrBy(a: Buffer[], { db }: Ctx, by: number) {
  const k = key(a[0]!);
  const current = db.get(k, "string");
  const value = current === undefined ? 0 : int(current);
  const next = value + by;
  if (!Number.isSafeInteger(next)) throw new CommandError("ERR increment or decrement would overflow");
  db.setString(k, Buffer.from(String(next)), { keepTtl: true });
  return next;
}

/** SET key value [NX|XX] [GET] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL] */
function set(a: Buffer[], { db }: Ctx) {
  const k = key(a[0]!);
  let condition: "NX" | "XX" | undefined;
  let get = false;
  let expiresAt: number | undefined;
  let keepTtl = false;
  for (let i = 2; i < a.length; i++) {
    const option = word(a[i]);
    if ((option === "NX" || option === "XX") && !condition) condition = option;
    else if (option === "GET") get = true;
    else if (option === "KEEPTTL" && expiresAt === undefined) keepTtl = true;
    else if (["EX", "PX", "EXAT", "PXAT"].includes(option) && expiresAt === undefined && !keepTtl) {
      const n = int(a[++i]);
      if (n <= 0) throw new CommandError("ERR invalid expire time in 'set' command");
      const ms = option === "EX" || option === "EXAT" ? n * 1000 : n;
      expiresAt = option.endsWith("AT") ? ms : db.now() + ms;
    } else throw syntaxError();
  }
  const previous = get ? (db.get(k, "string") ?? null) : null;
  const exists = db.has(k);
  if ((condition === "NX" && exists) || (condition === "XX" && !exists)) return get ? previous : null;
  db.setString(k, a[1]!, { expiresAt, keepTtl });
  return get ? previous : OK;
}

export const stringCommands: CommandTable = {
  GET: { arity: 2, run: (a, { db }) => db.get(key(a[0]!), "string") ?? null },
  SET: { arity: -3, run: set },
  SETNX: { arity: 3, run: (a, ctx) => (set([a[0]!, a[1]!, Buffer.from("NX")], ctx) === null ? 0 : 1) },
  SETEX: {
    arity: 4,
    run: (a, ctx) => set([a[0]!, a[2]!, Buffer.from("EX"), a[1]!], ctx),
  },
  PSETEX: {
    arity: 4,
    run: (a, ctx) => set([a[0]!, a[2]!, Buffer.from("PX"), a[1]!], ctx),
  },
  GETSET: { arity: 3, run: (a, ctx) => set([a[0]!, a[1]!, Buffer.from("GET")], ctx) },
  GETDEL: {
    arity: 2,
    run: (a, { db }) => {
      const value = db.get(key(a[0]!), "string") ?? null;
      if (value) db.delete(key(a[0]!));
      return value;
    },
  },
  MGET: {
    arity: -2,
    run: (a, { db }) =>
      a.map((k) => {
        const type = db.type(key(k));
        return type === "string" ? db.get(key(k), "string")! : null;
      }),
  },
  MSET: {
    arity: -3,
    run: (a, { db }) => {
      if (a.length % 2 !== 0) throw new CommandError("ERR wrong number of arguments for 'mset' command");
      for (let i = 0; i < a.length; i += 2) db.setString(key(a[i]!), a[i + 1]!);
      return OK;
    },
  },
  INCR: { arity: 2, run: (a, ctx) => incrBy(a, ctx, 1) },
  DECR: { arity: 2, run: (a, ctx) => incrBy(a, ctx, -1) },
  INCRBY: { arity: 3, run: (a, ctx) => incrBy(a, ctx, int(a[1])) },
  DECRBY: { arity: 3, run: (a, ctx) => incrBy(a, ctx, -int(a[1])) },
  INCRBYFLOAT: {
    arity: 3,
    run: (a, { db }) => {
      const k = key(a[0]!);
      const current = db.get(k, "string");
      const next = (current === undefined ? 0 : float(current)) + float(a[1]);
      if (!Number.isFinite(next)) throw new CommandError("ERR increment would produce NaN or Infinity");
      const text = formatDouble(next);
      db.setString(k, text, { keepTtl: true });
      return text;
    },
  },
  APPEND: {
    arity: 3,
    run: (a, { db }) => {
      const k = key(a[0]!);
      const next = Buffer.concat([db.get(k, "string") ?? Buffer.alloc(0), a[1]!]);
      db.setString(k, next, { keepTtl: true });
      return next.length;
    },
  },
  STRLEN: { arity: 2, run: (a, { db }) => db.get(key(a[0]!), "string")?.length ?? 0 },
};
