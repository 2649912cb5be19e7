import * as z from "zod";

/**
 * Stripe settings shared by the API Worker and the workers service. STRIPE_API_BASE unset means
 * Stripe itself (https://api.stripe.com); locally it is the devstack stand-in's URL.
 */
export const stripeSecretKey = z.string().regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]{8,}$/, {
  message: "must be a Stripe secret key (sk_test_… or sk_live_…)",
});

/** One `whsec_…` per endpoint; several (comma-separated) while rotating or with a Connect endpoint. */
export const stripeWebhookSecrets = z.string().transform((value, ctx) => {
  const secrets = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (secrets.length === 0 || secrets.some((s) => !/^whsec_[A-Za-z0-9_]{8,}$/.test(s))) {
    ctx.addIssue({
      code: "custom",
      message: "must be one or more whsec_… webhook signing secrets, comma-separated",
    });
    return z.NEVER;
  }
  return secrets;
});

export const stripeApiBase = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL such as http://127.0.0.1:12111" })
  .refine((v) => new URL(v).pathname === "/" && !new URL(v).search, {
    message: "must be an origin, without a path",
  });

export const stripeShape = {
  STRIPE_SECRET_KEY: stripeSecretKey,
  STRIPE_API_BASE: stripeApiBase.optional(),
};
