export { type DevstackEnv, parseDevstackEnv, zDevstackEnv } from "./devstack.ts";
export { type EdgeEnv, parseEdgeEnv, zEdgeEnv } from "./edge.ts";
export { ConfigError, parseConfig } from "./parse.ts";
export { parseRealtimeEnv, type RealtimeEnv, zRealtimeEnv } from "./realtime.ts";
export { parseScheduleDeployEnv, type ScheduleDeployEnv, zScheduleDeployEnv } from "./schedules.ts";
export { parseWorkersEnv, type WorkersEnv, zWorkersEnv } from "./workers.ts";
