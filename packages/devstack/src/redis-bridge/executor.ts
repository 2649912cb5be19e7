import { type Redis, ReplyError } from "ioredis";
import { unsupportedReason } from "./commands.ts";
import { canonicalizeDoubles } from "./doubles.ts";
import { BridgeError } from "./encoding.ts";
import type { ScriptRegistry } from "./scripts.ts";
import type { TransactionConnections } from "./transaction-connections.ts";

export type Outcome = { ok: true; reply: unknown } | { ok: false; error: string };

/**
 * Runs commands with Buffer replies so every byte reaches the encoder. Names go to ioredis upper-cased:
 * ioredis keys its reply transformers (HGETALL → object) by lower-case name, and we want raw replies.
 */
export class CommandExecutor {
  constructor(
    private readonly redis: Redis,
    private readonly scripts: ScriptRegistry,
    private readonly transactions: TransactionConnections,
  ) {}

  /** One command; a Redis error becomes a BridgeError (400), a connection failure a 503. */
  async single(args: string[]): Promise<unknown> {
    const outcome = await this.runOne(args);
    if (!outcome.ok) throw new BridgeError(outcome.error, 400);
    return outcome.reply;
  }

  /** Not atomic, like Upstash: each command answers for itself and a failure does not stop the rest. */
  pipeline(commands: string[][]): Promise<Outcome[]> {
    return Promise.all(commands.map((args) => this.runOne(args)));
  }

  /**
   * MULTI/EXEC on a connection no other request uses, so nothing interleaves. A command Redis refuses
   * while queueing aborts the whole transaction (EXECABORT); runtime errors answer per command.
   */
  async transaction(commands: string[][]): Promise<Outcome[]> {
    for (const args of commands) {
      const reason = unsupportedReason(args);
      if (reason) throw new BridgeError(`EXECABORT Transaction discarded: ${reason}`);
    }
    if (commands.length === 0) return [];
    const prepared = commands.map((args) => this.scripts.prepare(args));
    return this.transactions.use(async (connection) => {
      const multi = connection.callBuffer("MULTI");
      const queued = prepared.map(({ args: [name, ...rest] }) =>
        connection.callBuffer(name!.toUpperCase(), ...rest),
      );
      const exec = connection.callBuffer("EXEC");
      const [multiResult, ...queueResults] = await Promise.allSettled([multi, ...queued]);
      const execResult = await exec.then(
        (reply) => ({ ok: true as const, reply }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      if (multiResult?.status === "rejected") throw toBridgeError(multiResult.reason);
      const refused = queueResults.find((result) => result.status === "rejected");
      if (refused?.reason instanceof ReplyError) {
        throw new BridgeError(`EXECABORT Transaction discarded because of: ${errorText(refused.reason)}`);
      }
      if (refused) throw toBridgeError(refused.reason);
      if (!execResult.ok) throw toBridgeError(execResult.error);
      if (!Array.isArray(execResult.reply)) throw new BridgeError("EXECABORT Transaction aborted", 400);
      return execResult.reply.map((reply: unknown, index): Outcome => {
        if (reply instanceof Error) return { ok: false, error: reply.message };
        const { args, mapReply } = prepared[index]!;
        return { ok: true, reply: canonicalizeDoubles(args, mapReply ? mapReply(reply) : reply) };
      });
    });
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  private async runOne(args: string[]): Promise<Outcome> {
    const reason = unsupportedReason(args);
    if (reason) return { ok: false, error: reason };
    const { args: prepared, mapReply } = this.scripts.prepare(args);
    const [name, ...rest] = prepared;
    try {
      const reply = await this.redis.callBuffer(name!.toUpperCase(), ...rest);
      return { ok: true, reply: canonicalizeDoubles(prepared, mapReply ? mapReply(reply) : reply) };
    } catch (error) {
      if (error instanceof ReplyError) return { ok: false, error: errorText(error) };
      throw toBridgeError(error);
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Anything that is not Redis answering with an error means Redis could not be reached. */
function toBridgeError(error: unknown): BridgeError {
  if (error instanceof BridgeError) return error;
  if (error instanceof ReplyError) return new BridgeError(errorText(error), 400);
  return new BridgeError(`ERR Redis is unavailable: ${errorText(error)}`, 503);
}
