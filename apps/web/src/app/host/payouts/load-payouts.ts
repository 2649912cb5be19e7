/**
 * Whether the signed-in host can receive payouts, or null when it cannot be known (the API's
 * payments router does not answer it yet): the inbox then leaves Accept enabled and shows the
 * API's own refusal ("Set up payouts before accepting requests") if it comes.
 */
export async function loadPayoutsEnabled(): Promise<boolean | null> {
  return null;
}
