import type { Keyspace } from "./keyspace.ts";
import { CommandError, notFloat, notInteger, type Reply } from "./reply.ts";

export type Ctx = {
  db: Keyspace;
  eval(args: Buffer[], readOnly: boolean): Reply;
  script(args: Buffer[]): Reply;
};
/** `args` are the arguments after the command name. */
export type CommandSpec = { arity: number; run(args: Buffer[], ctx: Ctx): Reply };
export type CommandTable = Record<string, CommandSpec>;

export const key = (b: Buffer): string => b.toString("latin1");
export const fromKey = (k: string): Buffer => Buffer.from(k, "latin1");
export const word = (b: Buffer | undefined): string => (b ? b.toString("latin1").toUpperCase() : "");

/** A 64-bit-safe integer argument, strictly as Redis reads one (no spaces, no fraction). */
export function int(b: Buffer | undefined): number {
  const text = b?.toString("latin1") ?? "";
  if (!/^-?\d+$/.test(text)) throw notInteger();
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw notInteger();
  return n;
}

export function float(b: Buffer | undefined): number {
  const text = (b?.toString("latin1") ?? "").toLowerCase();
  if (text === "inf" || text === "+inf") return Number.POSITIVE_INFINITY;
  if (text === "-inf") return Number.NEGATIVE_INFINITY;
  const n = Number(text);
  if (text.trim() === "" || Number.isNaN(n)) throw notFloat();
  return n;
}

/** Redis' range rule: negative indexes count from the end, and the range is clamped. */
export function clampRange(start: number, stop: number, length: number): [number, number] | undefined {
  let s = start < 0 ? length + start : start;
  let e = stop < 0 ? length + stop : stop;
  if (s < 0) s = 0;
  if (e >= length) e = length - 1;
  return s > e || s >= length ? undefined : [s, e];
}

/** Glob matching as KEYS, SCAN MATCH use it: * ? [abc] [^a] [a-z] and backslash escapes. */
export function globToRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") source += "[\\s\\S]*";
    else if (c === "?") source += "[\\s\\S]";
    else if (c === "\\" && i + 1 < pattern.length) source += escapeChar(pattern[++i]!);
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 1);
      if (close === -1) source += "\\[";
      else {
        const body = pattern.slice(i + 1, close);
        source += `[${body.startsWith("^") ? `^${body.slice(1).replace(/\\/g, "\\\\")}` : body.replace(/\\/g, "\\\\")}]`;
        i = close;
      }
    } else source += escapeChar(c);
  }
  return new RegExp(`^${source}$`);
}

function escapeChar(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

export const arityError = (name: string) =>
  new CommandError(`ERR wrong number of arguments for '${name.toLowerCase()}' command`);
