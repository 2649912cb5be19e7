export { ZRecoveryCodesResponseSchema as ZRegenerateRecoveryCodesResponseSchema } from "./confirm-enrolment.types.ts";
export { ZReauthenticationSchema as ZRegenerateRecoveryCodesRequestSchema } from "./shared.types.ts";
