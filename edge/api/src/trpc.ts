import { AppError } from "@hometrip/contracts";
import { initTRPC, TRPCError } from "@trpc/server";
import type { Actor } from "./auth/actor.ts";
import { resolveActor } from "./auth/actor.ts";
import type { CookieOptions } from "./auth/cookies.ts";
import { enforceRateLimit, type RateLimitRule } from "./auth/rate-limit.ts";
import { assertAdmin, assertHost } from "./auth/roles.ts";
import type { PartnerRoute } from "./partner-api/expose.ts";
import type { Services } from "./services/index.ts";
import { describeTrpcError, trpcCodeOf } from "./trpc-errors.ts";

export type TrpcContext = {
  services: Services;
  requestId: string;
  /** The request's W3C trace id, returned in error data beside the request id. */
  traceId?: string;
  headers: Headers;
  /** Headers of the response: Set-Cookie, Retry-After. */
  resHeaders: Headers;
  /** Client address as Cloudflare reports it; null outside Cloudflare (tests may set the header). */
  ip: string | null;
  userAgent: string | null;
  setCookie(name: string, value: string, opts: CookieOptions): void;
  clearCookie(name: string): void;
  /** The R2 bucket of listing photos (binding LISTING_PHOTOS), for procedures that delete them. */
  listingPhotos?: R2Bucket;
  /** The R2 bucket of message images (binding MESSAGE_ATTACHMENTS), to check what a send attaches. */
  messageAttachments?: R2Bucket;
};

/**
 * `scope`: the API-key scope that lets a partner key call this procedure; without it keys get 403.
 * `summary`: one line for the partner API reference (each procedure's `.types.ts` holds it).
 */
/** `openapi`: set through `partnerMeta` on the procedures the partner REST API (/v1) exposes. */
export type TrpcMeta = { scope?: string; summary?: string; openapi?: PartnerRoute };

const t = initTRPC
  .context<TrpcContext>()
  .meta<TrpcMeta>()
  .create({
    // Stack traces never leave the Worker, whatever NODE_ENV workerd reports.
    isDev: false,
    errorFormatter({ shape, error, ctx, path }) {
      const appEnv = ctx?.services.config.APP_ENV;
      const described = describeTrpcError(error, {
        httpStatus: shape.data.httpStatus,
        path,
        requestId: ctx?.requestId,
        traceId: ctx?.traceId,
        exposeInternals: appEnv === "development" || appEnv === "test",
      });
      return { message: described.message, code: shape.code, data: described.data };
    },
  });

/** Domain code throws AppError; give tRPC the matching code so the HTTP status is right. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The post-commit step after every procedure, whatever its base: the events its writes committed
 * are relayed and their cache invalidations applied before the answer leaves (also when the
 * procedure failed after a commit). Procedures never relay or invalidate by hand; the security
 * suite checks every procedure of the router carries this middleware.
 */
export const postCommitStep = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  await ctx.services.runPostCommit();
  return result;
});

const baseProcedure = t.procedure.use(postCommitStep).use(appErrors);

/** Whoever presented a valid credential, else null; the bases below decide what that grants. */
const identifiedProcedure = baseProcedure.use(async ({ ctx, next }) => {
  const actor: Actor | null = await resolveActor(ctx.services, ctx.headers);
  return next({ ctx: { actor } });
});

/**
 * Anyone; `ctx.actor` is the caller when a valid credential came along, else null. An API key
 * counts as its owner only on a procedure whose `meta.scope` it holds: otherwise a key with
 * `profile:read` would see its owner's drafts through listings.get or listings.quote.
 */
export const publicProcedure = identifiedProcedure.use(({ ctx, meta, next }) => {
  const { actor } = ctx;
  const keyOutOfScope = actor?.kind === "apiKey" && (!meta?.scope || !actor.scopes.includes(meta.scope));
  return next({ ctx: { actor: keyOutOfScope ? null : actor } });
});

const signInRequired = () => new AppError("UNAUTHORIZED", "Sign in to continue");

/** A signed-in member, or a partner API key holding the procedure's `meta.scope`. */
export const authedProcedure = identifiedProcedure.use(({ ctx, meta, next }) => {
  const { actor } = ctx;
  if (!actor) throw signInRequired();
  if (actor.kind === "apiKey" && (!meta?.scope || !actor.scopes.includes(meta.scope))) {
    throw new AppError(
      "FORBIDDEN",
      meta?.scope ? `This API key lacks the "${meta.scope}" scope` : "Not available to API keys",
    );
  }
  return next({ ctx: { actor } });
});

/** Account and security management: a browser or app session only, never an API key. */
export const sessionProcedure = identifiedProcedure.use(({ ctx, next }) => {
  const { actor } = ctx;
  if (!actor) throw signInRequired();
  if (actor.kind !== "session") throw new AppError("FORBIDDEN", "Not available to API keys");
  return next({ ctx: { actor } });
});

/** A member with a host profile (checked in the database when the token predates becoming a host). */
export const hostProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const actor = await assertHost(ctx.services.db, ctx.actor);
  return next({ ctx: { actor } });
});

/** An admin; the role is re-read from the database so a demotion takes effect at once. */
export const adminProcedure = authedProcedure.use(async ({ ctx, next }) => {
  await assertAdmin(ctx.services.db, ctx.actor);
  return next();
});

/**
 * Limits calls per `rule.key` (e.g. per IP, per account); over the limit answers 429
 * TOO_MANY_REQUESTS with `Retry-After` in seconds. A key of null skips the limit for that call.
 */
export function withRateLimit<TInput = unknown>(
  rule: RateLimitRule<TrpcContext & { actor?: Actor | null }, TInput>,
) {
  return t.middleware(async ({ ctx, input, getRawInput, next }) => {
    const value = (input ?? (await getRawInput().catch(() => undefined))) as TInput;
    await enforceRateLimit(ctx, rule, value);
    return next();
  });
}

/**
 * Operator-only (`Authorization: Bearer <ADMIN_API_TOKEN>`) for platform endpoints such as
 * system.ping. Both sides are hashed before comparing so the comparison takes the same time for any input.
 */
export const operatorProcedure = baseProcedure.use(async ({ ctx, next }) => {
  const header = ctx.headers.get("authorization") ?? "";
  const match = /^Bearer (.+)$/.exec(header);
  if (!match?.[1] || !(await sameSecret(match[1], ctx.services.config.ADMIN_API_TOKEN))) {
    throw new AppError("UNAUTHORIZED", "A valid operator token is required");
  }
  return next({ ctx: { actor: "operator" as const } });
});

/** Compares a presented secret with the expected one in the same time for any input. */
export async function sameSecret(given: string, expected: string): Promise<boolean> {
  const encoder = new TextEncoder();
  const [a, b] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(given)),
    crypto.subtle.digest("SHA-256", encoder.encode(expected)),
  ]);
  const left = new Uint8Array(a);
  const right = new Uint8Array(b);
  let diff = 0;
  for (let i = 0; i < left.length; i++) diff |= left[i]! ^ right[i]!;
  return diff === 0;
}
