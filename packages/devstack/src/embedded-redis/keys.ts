import { type CommandTable, type Ctx, fromKey, globToRegExp, int, key, word } from "./args.ts";
import { CommandError, OK, Status, syntaxError } from "./reply.ts";

const expireCommand = (unit: number, absolute: boolean) => ({
  arity: -3,
  run(a: Buffer[], { db }: Ctx) {
    const n = int(a[1]) * unit;
    const at = absolute ? n : db.now() + n;
    const flag = word(a[2]);
    const current = db.pttl(key(a[0]!));
    if (current === -2) return 0;
    const currentAt = current === -1 ? undefined : db.now() + current;
    if (flag === "NX" && currentAt !== undefined) return 0;
    if (flag === "XX" && currentAt === undefined) return 0;
    if (flag === "GT" && (currentAt === undefined || at <= currentAt)) return 0;
    if (flag === "LT" && currentAt !== undefined && at >= currentAt) return 0;
    if (flag && !["NX", "XX", "GT", "LT"].includes(flag))
      throw new CommandError(`ERR Unsupported option ${flag}`);
    return db.expireAt(key(a[0]!), at) ? 1 : 0;
  },
});

function flush(_a: Buffer[], { db }: Ctx) {
  db.flush();
  return OK;
}

export const keyCommands: CommandTable = {
  DEL: { arity: -2, run: (a, { db }) => a.filter((k) => db.delete(key(k))).length },
  UNLINK: { arity: -2, run: (a, { db }) => a.filter((k) => db.delete(key(k))).length },
  EXISTS: { arity: -2, run: (a, { db }) => a.filter((k) => db.has(key(k))).length },
  TYPE: { arity: 2, run: (a, { db }) => new Status(db.type(key(a[0]!)) ?? "none") },
  EXPIRE: expireCommand(1000, false),
  PEXPIRE: expireCommand(1, false),
  EXPIREAT: expireCommand(1000, true),
  PEXPIREAT: expireCommand(1, true),
  TTL: {
    arity: 2,
    run: (a, { db }) => {
      const ms = db.pttl(key(a[0]!));
      return ms < 0 ? ms : Math.round(ms / 1000);
    },
  },
  PTTL: { arity: 2, run: (a, { db }) => db.pttl(key(a[0]!)) },
  PERSIST: {
    arity: 2,
    run: (a, { db }) => (db.pttl(key(a[0]!)) >= 0 && db.expireAt(key(a[0]!), undefined) ? 1 : 0),
  },
  RENAME: {
    arity: 3,
    run: (a, { db }) => {
      if (!db.rename(key(a[0]!), key(a[1]!))) throw new CommandError("ERR no such key");
      return OK;
    },
  },
  KEYS: {
    arity: 2,
    run: (a, { db }) => {
      const pattern = globToRegExp(key(a[0]!));
      return db
        .keys()
        .filter((k) => pattern.test(k))
        .map(fromKey);
    },
  },
  SCAN: {
    arity: -2,
    run: (a, { db }) => {
      const cursor = int(a[0]);
      let count = 10;
      let pattern: RegExp | undefined;
      let type: string | undefined;
      for (let i = 1; i < a.length; i += 2) {
        const option = word(a[i]);
        if (a[i + 1] === undefined) throw syntaxError();
        if (option === "COUNT") count = int(a[i + 1]);
        else if (option === "MATCH") pattern = globToRegExp(key(a[i + 1]!));
        else if (option === "TYPE") type = key(a[i + 1]!).toLowerCase();
        else throw syntaxError();
      }
      if (count < 1) throw syntaxError();
      const page = db.scan(cursor, count);
      const keys = page.keys.filter((k) => (!pattern || pattern.test(k)) && (!type || db.type(k) === type));
      const next = page.next;
      return [Buffer.from(String(next)), keys.map(fromKey)];
    },
  },
  DBSIZE: { arity: 1, run: (_a, { db }) => db.keys().length },
  FLUSHDB: { arity: -1, run: flush },
  FLUSHALL: { arity: -1, run: flush },
};
