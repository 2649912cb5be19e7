import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZLogOutEverywhereRequestSchema = z.void();

export const ZLogOutEverywhereResponseSchema = z.object({ endedSessions: z.number().int().nonnegative() });
export type TLogOutEverywhereRequest = z.input<typeof ZLogOutEverywhereRequestSchema>;
export type TLogOutEverywhereResponse = z.output<typeof ZLogOutEverywhereResponseSchema>;

export const logOutEverywhereMeta = { summary: "End every session of the account" } satisfies TrpcMeta;
