export { type DeployEnvSettings, parseDeployEnv, zDeployEnv } from "./deploy.ts";
export { type DevstackEnv, parseDevstackEnv, zDevstackEnv } from "./devstack.ts";
export { type EdgeEnv, parseEdgeEnv, zEdgeEnv } from "./edge.ts";
export { ConfigError, parseConfig } from "./parse.ts";
export { type PaymentsJobEnv, parsePaymentsJobEnv, zPaymentsJobEnv } from "./payments-jobs.ts";
export { parseRealtimeEnv, type RealtimeEnv, zRealtimeEnv } from "./realtime.ts";
export {
  parseQStashAdminEnv,
  parseScheduleDeployEnv,
  type ScheduleDeployEnv,
  zQStashAdminEnv,
  zScheduleDeployEnv,
} from "./schedules.ts";
export { stripeApiBase, stripeSecretKey, stripeShape, stripeWebhookSecrets } from "./stripe.ts";
export { parseWorkersEnv, parseWorkersProbeEnv, type WorkersEnv, zWorkersEnv } from "./workers.ts";
