export { type DeployEnvSettings, parseDeployEnv, zDeployEnv } from "./deploy.ts";
export { type DevstackEnv, parseDevstackEnv, zDevstackEnv } from "./devstack.ts";
export { type EdgeEnv, parseEdgeEnv, zEdgeEnv } from "./edge.ts";
export { ConfigError, parseConfig } from "./parse.ts";
export {
  parseQStashAdminEnv,
  parseScheduleDeployEnv,
  type ScheduleDeployEnv,
  zQStashAdminEnv,
  zScheduleDeployEnv,
} from "./schedules.ts";
export { parseWorkersEnv, parseWorkersProbeEnv, type WorkersEnv, zWorkersEnv } from "./workers.ts";
