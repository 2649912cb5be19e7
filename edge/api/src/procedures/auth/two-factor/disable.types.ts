import * as z from "zod";
import type { TrpcMeta } from "../../../trpc.ts";

export { ZReauthenticationSchema as ZDisableTwoFactorRequestSchema } from "./shared.types.ts";

export const ZDisableTwoFactorResponseSchema = z.object({ enabled: z.literal(false) });
export type TDisableTwoFactorResponse = z.output<typeof ZDisableTwoFactorResponseSchema>;

export const disableTwoFactorMeta = { summary: "Switch TOTP off" } satisfies TrpcMeta;
