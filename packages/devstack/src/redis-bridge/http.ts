import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "../http-body.ts";
import { parseCommand, parseCommandList } from "./commands.ts";
import { BridgeError, encodeReply, type ReplyEncoding, requestedEncoding } from "./encoding.ts";
import type { CommandExecutor, Outcome } from "./executor.ts";

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const ALLOWED_METHODS = new Set(["HEAD", "GET", "POST", "PUT"]);

export interface BridgeHandlerDeps {
  executor: CommandExecutor;
  token: string;
  log: (line: string) => void;
}

/**
 * The Upstash REST surface: POST / (JSON command), /pipeline, /multi-exec, and the path form
 * (/set/key/value, query pairs appended, a POST body as the last argument). Errors are `{ error }`.
 */
export function createBridgeHandler({ executor, token, log }: BridgeHandlerDeps) {
  let syncToken = 0;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://bridge.local");
    // @upstash/redis keeps the token we return and sends it back for read-your-writes. One Redis has
    // no replica to lag behind, so every read already sees prior writes; a counter keeps it opaque.
    res.setHeader("upstash-sync-token", String(++syncToken));
    try {
      if (url.pathname === "/health") return await health(executor, res);
      if (!authorized(req, url, token))
        return send(res, 401, { error: "WRONGPASS invalid or missing auth token" });
      if (!ALLOWED_METHODS.has(req.method ?? "")) {
        return send(res, 405, { error: "ERR method not allowed" });
      }
      const encoding = requestedEncoding(req.headers["upstash-encoding"]);
      const body = await readBody(
        req,
        MAX_BODY_BYTES,
        () => new BridgeError("ERR max request size exceeded", 413),
      );
      if (url.pathname === "/pipeline" || url.pathname === "/multi-exec") {
        const commands = parseCommandList(parseJson(body));
        const outcomes =
          url.pathname === "/pipeline"
            ? await executor.pipeline(commands)
            : await executor.transaction(commands);
        return send(
          res,
          200,
          outcomes.map((outcome) => toEntry(outcome, encoding)),
        );
      }
      const args = url.pathname === "/" ? parseCommand(parseJson(body)) : pathCommand(url, body);
      const reply = await executor.single(args);
      return send(res, 200, { result: encodeReply(reply, encoding) });
    } catch (error) {
      if (error instanceof BridgeError) return send(res, error.status, { error: error.message });
      log(`request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return send(res, 500, { error: `ERR ${error instanceof Error ? error.message : String(error)}` });
    }
  };
}

async function health(executor: CommandExecutor, res: ServerResponse): Promise<void> {
  try {
    await executor.ping();
    send(res, 200, { status: "ok" });
  } catch (error) {
    send(res, 503, {
      status: "down",
      error: `Redis: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

function toEntry(outcome: Outcome, encoding: ReplyEncoding) {
  return outcome.ok ? { result: encodeReply(outcome.reply, encoding) } : { error: outcome.error };
}

function authorized(req: IncomingMessage, url: URL, token: string): boolean {
  const header = req.headers.authorization;
  const presented = header?.startsWith("Bearer ")
    ? header.slice("Bearer ".length).trim()
    : url.searchParams.get("_token");
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function pathCommand(url: URL, body: Buffer): string[] {
  const args = url.pathname
    .split("/")
    .filter((segment) => segment !== "")
    .map(decodeSegment);
  for (const [name, value] of url.searchParams) {
    if (name === "_token") continue;
    args.push(name);
    if (value !== "") args.push(value);
  }
  if (body.length > 0) args.push(body.toString("utf8"));
  return parseCommand(args);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new BridgeError("ERR malformed percent-encoding in the request path");
  }
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new BridgeError("ERR failed to parse request body as JSON");
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(body));
}
