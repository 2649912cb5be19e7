import { importTwoFactorKeys, type TwoFactorKeys } from "@hometrip/core";
import type { Services } from "../services/index.ts";

/** The 2FA keys for this request, from TOTP_ENCRYPTION_KEY (imported per request: no module state). */
export function twoFactorKeysOf(services: Services): Promise<TwoFactorKeys> {
  return importTwoFactorKeys(services.config.TOTP_ENCRYPTION_KEY);
}
