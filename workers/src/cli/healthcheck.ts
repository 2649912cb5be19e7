/**
 * The container's HEALTHCHECK: exits 0 when this service's GET /health answers 200 (Postgres
 * reachable) within 4 s. Reads the same WORKERS_PORT the service listens on.
 */
import { parseWorkersProbeEnv } from "@hometrip/config";

const { WORKERS_PORT } = parseWorkersProbeEnv(process.env);
try {
  const answer = await fetch(`http://127.0.0.1:${WORKERS_PORT}/health`, {
    signal: AbortSignal.timeout(4000),
  });
  process.exit(answer.ok ? 0 : 1);
} catch {
  process.exit(1);
}
