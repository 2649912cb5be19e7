/**
 * Redis before 7.2 prints doubles with 17 significant digits ("4.9000000000000004"); Upstash and newer
 * Redis print the shortest form that round-trips ("4.9"). @upstash/redis only turns a reply into a
 * number when it prints back identically, so without this a score is a string locally and a number in
 * production. Only replies known to carry doubles are touched, never user values.
 */
type Shape = "scalar" | "all" | "odd" | "scanPage" | "zmpop" | "pairs";

const SHAPE_BY_COMMAND: Record<string, Shape | ((args: string[]) => Shape | undefined)> = {
  ZSCORE: "scalar",
  ZINCRBY: "scalar",
  ZADD: (args) => (hasFlag(args, "INCR") ? "scalar" : undefined),
  INCRBYFLOAT: "scalar",
  HINCRBYFLOAT: "scalar",
  GEODIST: "scalar",
  ZMSCORE: "all",
  ZPOPMIN: "odd",
  ZPOPMAX: "odd",
  ZSCAN: "scanPage",
  ZMPOP: "zmpop",
  GEOPOS: "pairs",
  ZRANGE: withScores,
  ZRANGEBYSCORE: withScores,
  ZREVRANGE: withScores,
  ZREVRANGEBYSCORE: withScores,
  ZUNION: withScores,
  ZINTER: withScores,
  ZDIFF: withScores,
  ZRANDMEMBER: withScores,
};

function withScores(args: string[]): Shape | undefined {
  return hasFlag(args, "WITHSCORES") ? "odd" : undefined;
}

function hasFlag(args: string[], flag: string): boolean {
  return args.some((arg, index) => index > 0 && arg.toUpperCase() === flag);
}

export function canonicalizeDoubles(args: string[], reply: unknown): unknown {
  const rule = SHAPE_BY_COMMAND[args[0]!.toUpperCase()];
  const shape = typeof rule === "function" ? rule(args) : rule;
  if (!shape) return reply;
  switch (shape) {
    case "scalar":
      return shortest(reply);
    case "all":
      return mapArray(reply, shortest);
    case "odd":
      return mapArray(reply, (item, index) => (index % 2 === 1 ? shortest(item) : item));
    case "scanPage":
      return mapArray(reply, (page, index) => (index === 1 ? canonicalizeDoubles(["ZPOPMIN"], page) : page));
    case "zmpop":
      return mapArray(reply, (entries, index) =>
        index === 1 ? mapArray(entries, (pair) => mapArray(pair, oddOnly)) : entries,
      );
    case "pairs":
      return mapArray(reply, (pair) => mapArray(pair, shortest));
  }
}

function oddOnly(item: unknown, index: number): unknown {
  return index % 2 === 1 ? shortest(item) : item;
}

function mapArray(value: unknown, fn: (item: unknown, index: number) => unknown): unknown {
  return Array.isArray(value) ? value.map(fn) : value;
}

function shortest(value: unknown): unknown {
  if (!Buffer.isBuffer(value) && typeof value !== "string") return value;
  const text = value.toString();
  const number = Number(text);
  if (text.trim() === "" || !Number.isFinite(number)) return value;
  const canonical = String(number);
  return canonical === text ? value : Buffer.from(canonical);
}
