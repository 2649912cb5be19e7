/** A feed problem worth telling the host in their own words (status, size, not a calendar…). */
export class FeedFetchError extends Error {
  override readonly name = "FeedFetchError";
}

/**
 * What the host sees for a failed sync. Our own checks explain themselves; network-level errors
 * carry resolver and socket details that mean nothing to a host, so they are summarised (the
 * worker's log keeps the full error).
 */
export function feedFailureMessage(error: unknown, timeoutMs = 10_000): string {
  if (error instanceof FeedFetchError) return error.message;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return `The calendar server did not answer within ${timeoutMs / 1000} seconds`;
  }
  return "The calendar server could not be reached";
}
