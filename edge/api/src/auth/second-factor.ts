import type { SecondFactor } from "@hometrip/core";

/** The one factor a re-authentication gave (the schemas require exactly one). */
export function secondFactorOf(input: {
  code?: string | undefined;
  recoveryCode?: string | undefined;
}): SecondFactor {
  return input.code !== undefined ? { code: input.code } : { recoveryCode: input.recoveryCode ?? "" };
}
