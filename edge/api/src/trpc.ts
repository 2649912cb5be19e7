import { AppError } from "@hometrip/contracts";
import { initTRPC, TRPCError } from "@trpc/server";
import type { Services } from "./services/index.ts";
import { describeTrpcError, trpcCodeOf } from "./trpc-errors.ts";

export type TrpcContext = {
  services: Services;
  requestId: string;
  headers: Headers;
};

const t = initTRPC.context<TrpcContext>().create({
  // Stack traces never leave the Worker, whatever NODE_ENV workerd reports.
  isDev: false,
  errorFormatter({ shape, error, ctx, path }) {
    const appEnv = ctx?.services.config.APP_ENV;
    const described = describeTrpcError(error, {
      httpStatus: shape.data.httpStatus,
      path,
      requestId: ctx?.requestId,
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
export const publicProcedure = t.procedure.use(appErrors);

/**
 * Operator-only until accounts and roles exist: `Authorization: Bearer <ADMIN_API_TOKEN>`.
 * Both sides are hashed before comparing so the comparison takes the same time for any input.
 */
export const operatorProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const header = ctx.headers.get("authorization") ?? "";
  const match = /^Bearer (.+)$/.exec(header);
  if (!match?.[1] || !(await sameSecret(match[1], ctx.services.config.ADMIN_API_TOKEN))) {
    throw new AppError("UNAUTHORIZED", "A valid operator token is required");
  }
  return next({ ctx: { ...ctx, actor: "operator" as const } });
});

async function sameSecret(given: string, expected: string): Promise<boolean> {
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
