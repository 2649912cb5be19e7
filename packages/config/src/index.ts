export { type DevstackEnv, parseDevstackEnv, zDevstackEnv } from "./devstack.ts";
export { type EdgeEnv, parseEdgeEnv, zEdgeEnv } from "./edge.ts";
export { ConfigError, parseConfig } from "./parse.ts";
export { type PaymentsJobEnv, parsePaymentsJobEnv, zPaymentsJobEnv } from "./payments-jobs.ts";
export { parseScheduleDeployEnv, type ScheduleDeployEnv, zScheduleDeployEnv } from "./schedules.ts";
export { stripeApiBase, stripeSecretKey, stripeShape, stripeWebhookSecrets } from "./stripe.ts";
export { parseWorkersEnv, type WorkersEnv, zWorkersEnv } from "./workers.ts";
