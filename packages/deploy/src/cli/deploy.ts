/**
 * `bun run deploy -- --env staging|production`: migrations, the Workers in order, then the QStash
 * schedules; each step prints as it starts and the first failure stops the deploy with its step
 * named. Settings come from the shell (see `parseDeployEnv`); a missing one stops it before any
 * step runs.
 */
import { spawnSync } from "node:child_process";
import { ConfigError, parseDeployEnv } from "@hometrip/config";
import { missingSecrets, planDeploy } from "../deploy-plan.ts";
import { secretPutCommand, workerSecrets } from "../secrets.ts";
import { deployEnvs, isDeployEnv, presentWorkers, repoRoot } from "../workers.ts";
import { wranglerBin } from "../wrangler.ts";

function fail(message: string): never {
  process.stderr.write(`deploy: ${message}\n`);
  process.exit(1);
}

const envFlag = process.argv.indexOf("--env");
const env = envFlag >= 0 ? process.argv[envFlag + 1] : undefined;
if (!isDeployEnv(env))
  fail(`--env must be one of ${deployEnvs.join(", ")} (e.g. bun run deploy -- --env staging)`);
try {
  parseDeployEnv(process.env);
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}

const workers = presentWorkers();
const steps = planDeploy(env, workers);
const started = Date.now();
for (const [index, step] of steps.entries()) {
  process.stdout.write(`\n[${index + 1}/${steps.length}] ${step.title}\n`);
  const [program, ...args] = step.command;
  const bin = program === "wrangler" ? process.execPath : (program as string);
  const argv = program === "wrangler" ? [wranglerBin(), ...args] : args;
  const isSecretCheck = args[0] === "secret";
  const run = spawnSync(bin, argv, {
    cwd: repoRoot,
    stdio: isSecretCheck ? ["inherit", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (run.status !== 0)
    fail(`step "${step.title}" failed (exit ${run.status}); steps before it stay applied`);
  if (isSecretCheck) {
    const config = args[args.indexOf("--config") + 1] as string;
    const worker = workers.find((w) => w.config === config);
    const required = workerSecrets.filter((s) => s.worker === worker?.name && s.required).map((s) => s.name);
    const missing = missingSecrets(run.stdout, required);
    if (missing.length > 0) {
      const commands = missing.map((name) => `  ${secretPutCommand({ name }, config, env)}`).join("\n");
      fail(`${worker?.name} (${env}) lacks secrets; set them with:\n${commands}`);
    }
    process.stdout.write(`all ${required.length} required secrets are set\n`);
  }
}
process.stdout.write(`\ndeployed ${env} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
