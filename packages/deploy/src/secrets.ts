/**
 * Every secret a deployed Worker reads, set once per environment with
 * `wrangler secret put <name> --config <config> --env <env>` (the value is prompted for, never
 * on the command line). The deploy refuses to upload a Worker while a required one is missing;
 * the wrangler-config test checks that each required setting of the Worker is either a var of
 * every environment or listed here. The README's secrets table is this list.
 */
export interface WorkerSecret {
  name: string;
  worker: "api" | "realtime";
  required: boolean;
  /** What it is and where its value comes from. */
  meaning: string;
}

export const workerSecrets: readonly WorkerSecret[] = [
  { name: "DATABASE_URL", worker: "api", required: true, meaning: "Neon connection string (pooled host)" },
  { name: "UPSTASH_REDIS_REST_URL", worker: "api", required: true, meaning: "Upstash Redis REST URL" },
  { name: "UPSTASH_REDIS_REST_TOKEN", worker: "api", required: true, meaning: "Upstash Redis REST token" },
  { name: "QSTASH_TOKEN", worker: "api", required: true, meaning: "QStash token (publishes outbox events)" },
  {
    name: "JWT_SIGNING_KEYS",
    worker: "api",
    required: true,
    meaning: "`kid:secret` pairs, first one signs (`openssl rand -base64 48`)",
  },
  {
    name: "TOTP_ENCRYPTION_KEY",
    worker: "api",
    required: true,
    meaning: "32 random bytes, base64 (`openssl rand -base64 32`); encrypts TOTP secrets",
  },
  { name: "ADMIN_API_TOKEN", worker: "api", required: true, meaning: "operator bearer token (≥ 16 chars)" },
  {
    name: "OAUTH_GOOGLE_CLIENT_ID",
    worker: "api",
    required: false,
    meaning: "Google sign-in (offered when set)",
  },
  { name: "OAUTH_GOOGLE_CLIENT_SECRET", worker: "api", required: false, meaning: "Google sign-in" },
  {
    name: "OAUTH_GITHUB_CLIENT_ID",
    worker: "api",
    required: false,
    meaning: "GitHub sign-in (offered when set)",
  },
  { name: "OAUTH_GITHUB_CLIENT_SECRET", worker: "api", required: false, meaning: "GitHub sign-in" },
  {
    name: "ROOM_TOKEN_SECRET",
    worker: "api",
    required: true,
    meaning: "signs room tokens, ≥ 32 chars (the same value on the realtime Worker)",
  },
  {
    name: "STRIPE_SECRET_KEY",
    worker: "api",
    required: true,
    meaning: "Stripe secret key (sk_live_… / sk_test_…)",
  },
  {
    name: "STRIPE_WEBHOOK_SECRET",
    worker: "api",
    required: true,
    meaning: "whsec_… of the Stripe webhook endpoints (platform and Connect), comma-separated",
  },
  {
    name: "UNSUBSCRIBE_SIGNING_KEY",
    worker: "api",
    required: true,
    meaning: "≥ 32 chars; signs one-click unsubscribe links (the same value on the Bun workers)",
  },
  {
    name: "METRICS_TOKEN",
    worker: "api",
    required: false,
    meaning: "bearer token of GET /metrics for Prometheus (the same value on the Bun workers)",
  },
  // The realtime Worker.
  {
    name: "ROOM_TOKEN_SECRET",
    worker: "realtime",
    required: true,
    meaning: "signs room tokens (also on the API)",
  },
  {
    name: "REALTIME_INTERNAL_TOKEN",
    worker: "realtime",
    required: true,
    meaning:
      "bearer token of POST /internal/deliver (the Bun workers' live notifications; also REALTIME_INTERNAL_TOKEN of the workers)",
  },
];

export function secretPutCommand(secret: Pick<WorkerSecret, "name">, config: string, env: string): string {
  return `bunx wrangler secret put ${secret.name} --config ${config} --env ${env}`;
}
