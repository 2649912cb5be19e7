import { createHash } from "node:crypto";

/** Shebang flags Redis 7 understands; Upstash adds its own (e.g. `allow-key-locking`) that Redis rejects. */
const REDIS_SCRIPT_FLAGS = new Set([
  "no-writes",
  "allow-oom",
  "allow-stale",
  "no-cluster",
  "allow-cross-slot-keys",
]);

export function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** Drops shebang flags Redis does not know, keeping the script otherwise byte-identical. */
export function normalizeScript(script: string): string {
  if (!script.startsWith("#!")) return script;
  const newline = script.indexOf("\n");
  const shebang = newline === -1 ? script : script.slice(0, newline);
  const rest = newline === -1 ? "" : script.slice(newline);
  const [engine = "#!lua", ...options] = shebang.trim().split(/\s+/);
  let changed = false;
  const kept = options.flatMap((option) => {
    if (!option.startsWith("flags=")) return [option];
    const flags = option.slice("flags=".length).split(",").filter(Boolean);
    const known = flags.filter((flag) => REDIS_SCRIPT_FLAGS.has(flag));
    if (known.length !== flags.length) changed = true;
    return known.length > 0 ? [`flags=${known.join(",")}`] : [];
  });
  return changed ? [engine, ...kept].join(" ") + rest : script;
}

export interface PreparedCommand {
  args: string[];
  /** Turns Redis's reply back into what the client expects (e.g. its own script hash). */
  mapReply?: (reply: unknown) => unknown;
}

/**
 * Clients compute script hashes over the text they send (@upstash/ratelimit even hard-codes them), but
 * Redis stores the normalized text under a different SHA. The registry remembers client SHA → Redis SHA
 * so EVALSHA finds scripts loaded through EVAL or SCRIPT LOAD. After a bridge restart the map is empty,
 * EVALSHA answers NOSCRIPT, and clients fall back to EVAL as they do against Upstash.
 */
export class ScriptRegistry {
  private readonly redisShaByClientSha = new Map<string, string>();

  prepare(args: string[]): PreparedCommand {
    const name = args[0]?.toUpperCase();
    if ((name === "EVAL" || name === "EVAL_RO") && args[1] !== undefined) {
      return { args: [args[0]!, this.register(args[1]), ...args.slice(2)] };
    }
    if ((name === "EVALSHA" || name === "EVALSHA_RO") && args[1] !== undefined) {
      return { args: [args[0]!, this.translate(args[1]), ...args.slice(2)] };
    }
    if (name === "SCRIPT") {
      const sub = args[1]?.toUpperCase();
      if (sub === "LOAD" && args[2] !== undefined) {
        const clientSha = sha1(args[2]);
        const script = this.register(args[2]);
        return { args: [args[0]!, args[1]!, script, ...args.slice(3)], mapReply: () => clientSha };
      }
      if (sub === "EXISTS") {
        return { args: [args[0]!, args[1]!, ...args.slice(2).map((sha) => this.translate(sha))] };
      }
      if (sub === "FLUSH") this.redisShaByClientSha.clear();
    }
    return { args };
  }

  private register(script: string): string {
    const normalized = normalizeScript(script);
    if (normalized !== script) this.redisShaByClientSha.set(sha1(script), sha1(normalized));
    return normalized;
  }

  private translate(sha: string): string {
    return this.redisShaByClientSha.get(sha.toLowerCase()) ?? sha;
  }
}
