import * as z from "zod";

export { ZReauthenticationSchema as ZDisableTwoFactorRequestSchema } from "./second-factor.types.ts";

export const ZDisableTwoFactorResponseSchema = z.object({ enabled: z.literal(false) });
