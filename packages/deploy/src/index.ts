export { bundleGzipBytes } from "./bundle-size.ts";
export { type DeployStep, missingSecrets, planDeploy } from "./deploy-plan.ts";
export { secretPutCommand, type WorkerSecret, workerSecrets } from "./secrets.ts";
export { bundleBudgetBytes, type DeployEnv, deployEnvs, presentWorkers, workerConfigs } from "./workers.ts";
