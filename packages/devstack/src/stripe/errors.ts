/** A Stripe API error: answered as `{ error: { type, code, message, param, … } }` with `status`. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type:
      | "api_error"
      | "card_error"
      | "idempotency_error"
      | "invalid_request_error"
      | "authentication_error"
      | "permission_error",
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toJSON(): { error: Record<string, unknown> } {
    return { error: { type: this.type, message: this.message, ...this.extra } };
  }
}

export function invalid(message: string, param?: string, code?: string): StripeApiError {
  return new StripeApiError(400, "invalid_request_error", message, {
    ...(param ? { param } : {}),
    ...(code ? { code } : {}),
  });
}

export function missing(kind: string, id: string, param = "id"): StripeApiError {
  return new StripeApiError(404, "invalid_request_error", `No such ${kind}: '${id}'`, {
    code: "resource_missing",
    param,
  });
}

export function unexpectedState(kind: string, id: string, status: string, action: string): StripeApiError {
  return new StripeApiError(
    400,
    "invalid_request_error",
    `You cannot ${action} this ${kind} because it has a status of ${status}.`,
    { code: `${kind === "PaymentIntent" ? "payment_intent" : "resource"}_unexpected_state`, id },
  );
}
