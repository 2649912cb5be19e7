import * as z from "zod";

export { ZReauthenticationSchema as ZDisableTwoFactorRequestSchema } from "./shared.types.ts";

export const ZDisableTwoFactorResponseSchema = z.object({ enabled: z.literal(false) });
