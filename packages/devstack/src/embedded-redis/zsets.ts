import { type CommandTable, type Ctx, clampRange, float, fromKey, int, key, word } from "./args.ts";
import { CommandError, formatDouble, type Reply, syntaxError } from "./reply.ts";

type Member = [string, number];
const byScore = (x: Member, y: Member) => x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0);
const sorted = (zset: Map<string, number> | undefined): Member[] => [...(zset ?? [])].sort(byScore);

/** A score bound as ZRANGEBYSCORE reads one: 1.5, (1.5 (exclusive), -inf, +inf. */
function bound(b: Buffer | undefined): { value: number; exclusive: boolean } {
  const text = b?.toString("latin1") ?? "";
  const exclusive = text.startsWith("(");
  try {
    return { value: float(Buffer.from(exclusive ? text.slice(1) : text)), exclusive };
  } catch {
    throw new CommandError("ERR min or max is not a float");
  }
}

function inScore(min: ReturnType<typeof bound>, max: ReturnType<typeof bound>) {
  return ([, s]: Member) =>
    (min.exclusive ? s > min.value : s >= min.value) && (max.exclusive ? s < max.value : s <= max.value);
}

function withScores(members: Member[], scores: boolean): Reply {
  return members.flatMap(([m, s]) => (scores ? [fromKey(m), formatDouble(s)] : [fromKey(m)]));
}

/** ZRANGE key start stop [BYSCORE] [REV] [LIMIT offset count] [WITHSCORES], and the older forms. */
function zrange(a: Buffer[], { db }: Ctx, defaults: { byScore?: boolean; rev?: boolean } = {}): Reply {
  let byScoreRange = defaults.byScore ?? false;
  let rev = defaults.rev ?? false;
  let scores = false;
  let limit: [number, number] | undefined;
  for (let i = 3; i < a.length; i++) {
    const option = word(a[i]);
    if (option === "BYSCORE") byScoreRange = true;
    else if (option === "REV") rev = true;
    else if (option === "WITHSCORES") scores = true;
    else if (option === "LIMIT" && a[i + 2] !== undefined) {
      limit = [int(a[i + 1]), int(a[i + 2])];
      i += 2;
    } else throw syntaxError();
  }
  let members = sorted(db.get(key(a[0]!), "zset"));
  if (rev) members.reverse();
  if (byScoreRange) {
    // With REV the bounds come max first, as in Redis.
    const [lo, hi] = rev ? [bound(a[2]), bound(a[1])] : [bound(a[1]), bound(a[2])];
    members = members.filter(inScore(lo, hi));
    if (limit) members = members.slice(limit[0], limit[1] < 0 ? undefined : limit[0] + limit[1]);
    return withScores(members, scores);
  }
  if (limit)
    throw new CommandError(
      "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX",
    );
  const range = clampRange(int(a[1]), int(a[2]), members.length);
  return withScores(range ? members.slice(range[0], range[1] + 1) : [], scores);
}

/** ZADD key [NX|XX] [GT|LT] [CH] [INCR] score member [score member …] */
function zadd(a: Buffer[], { db }: Ctx): Reply {
  const flags = new Set<string>();
  let i = 1;
  while (["NX", "XX", "GT", "LT", "CH", "INCR"].includes(word(a[i]))) flags.add(word(a[i++]));
  const pairs = a.slice(i);
  if (pairs.length === 0 || pairs.length % 2 !== 0) throw syntaxError();
  if (
    (flags.has("NX") && flags.has("XX")) ||
    (flags.has("GT") && flags.has("LT")) ||
    (flags.has("NX") && (flags.has("GT") || flags.has("LT")))
  ) {
    throw new CommandError("ERR XX and NX options at the same time are not compatible");
  }
  if (flags.has("INCR") && pairs.length !== 2) {
    throw new CommandError("ERR INCR option supports a single increment-element pair");
  }
  const parsed = [];
  for (let p = 0; p < pairs.length; p += 2) {
    parsed.push([key(pairs[p + 1]!), float(pairs[p])] as Member);
  }
  const zset = db.getOrCreate(key(a[0]!), "zset");
  let added = 0;
  let changed = 0;
  let result: number | null = null;
  for (const [member, score] of parsed) {
    const current = zset.get(member);
    const next = flags.has("INCR") ? (current ?? 0) + score : score;
    const skip =
      (flags.has("NX") && current !== undefined) ||
      (flags.has("XX") && current === undefined) ||
      (current !== undefined && flags.has("GT") && next <= current) ||
      (current !== undefined && flags.has("LT") && next >= current);
    if (skip) continue;
    if (current === undefined) added++;
    else if (current !== next) changed++;
    zset.set(member, next);
    result = next;
  }
  db.dropIfEmpty(key(a[0]!));
  if (flags.has("INCR")) return result === null ? null : formatDouble(result);
  return flags.has("CH") ? added + changed : added;
}

export const zsetCommands: CommandTable = {
  ZADD: { arity: -4, run: zadd },
  ZINCRBY: {
    arity: 4,
    run: (a, ctx) => zadd([a[0]!, Buffer.from("INCR"), a[1]!, a[2]!], ctx),
  },
  ZSCORE: {
    arity: 3,
    run: (a, { db }) => {
      const score = db.get(key(a[0]!), "zset")?.get(key(a[1]!));
      return score === undefined ? null : formatDouble(score);
    },
  },
  ZMSCORE: {
    arity: -3,
    run: (a, { db }) => {
      const zset = db.get(key(a[0]!), "zset");
      return a.slice(1).map((m) => {
        const score = zset?.get(key(m));
        return score === undefined ? null : formatDouble(score);
      });
    },
  },
  ZCARD: { arity: 2, run: (a, { db }) => db.get(key(a[0]!), "zset")?.size ?? 0 },
  ZREM: {
    arity: -3,
    run: (a, { db }) => {
      const zset = db.get(key(a[0]!), "zset");
      if (!zset) return 0;
      const removed = a.slice(1).filter((m) => zset.delete(key(m))).length;
      db.dropIfEmpty(key(a[0]!));
      return removed;
    },
  },
  ZRANGE: { arity: -4, run: (a, ctx) => zrange(a, ctx) },
  ZREVRANGE: { arity: -4, run: (a, ctx) => zrange(a, ctx, { rev: true }) },
  ZRANGEBYSCORE: { arity: -4, run: (a, ctx) => zrange(a, ctx, { byScore: true }) },
  ZREVRANGEBYSCORE: { arity: -4, run: (a, ctx) => zrange(a, ctx, { byScore: true, rev: true }) },
  ZCOUNT: {
    arity: 4,
    run: (a, { db }) => sorted(db.get(key(a[0]!), "zset")).filter(inScore(bound(a[1]), bound(a[2]))).length,
  },
  ZREMRANGEBYSCORE: {
    arity: 4,
    run: (a, { db }) => {
      const zset = db.get(key(a[0]!), "zset");
      if (!zset) return 0;
      const doomed = sorted(zset).filter(inScore(bound(a[1]), bound(a[2])));
      for (const [m] of doomed) zset.delete(m);
      db.dropIfEmpty(key(a[0]!));
      return doomed.length;
    },
  },
  ZRANK: {
    arity: 3,
    run: (a, { db }) => {
      const i = sorted(db.get(key(a[0]!), "zset")).findIndex(([m]) => m === key(a[1]!));
      return i === -1 ? null : i;
    },
  },
};
