import type * as z from "zod";
import type { TrpcMeta } from "../../../trpc.ts";
import { ZRecoveryCodesResponseSchema } from "./confirm-enrolment.types.ts";
import { ZReauthenticationSchema } from "./shared.types.ts";

export const ZRegenerateRecoveryCodesRequestSchema = ZReauthenticationSchema;
export const ZRegenerateRecoveryCodesResponseSchema = ZRecoveryCodesResponseSchema;
export type TRegenerateRecoveryCodesRequest = z.input<typeof ZRegenerateRecoveryCodesRequestSchema>;
export type TRegenerateRecoveryCodesResponse = z.output<typeof ZRegenerateRecoveryCodesResponseSchema>;

export const regenerateRecoveryCodesMeta = { summary: "Replace every recovery code" } satisfies TrpcMeta;
