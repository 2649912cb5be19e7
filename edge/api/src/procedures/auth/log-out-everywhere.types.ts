import * as z from "zod";

export const ZLogOutEverywhereRequestSchema = z.void();

export const ZLogOutEverywhereResponseSchema = z.object({ endedSessions: z.number().int().nonnegative() });
