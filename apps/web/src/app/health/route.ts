/** Liveness for the dev orchestrator and load balancers; touches nothing else. */
export function GET() {
  return Response.json({ status: "ok" });
}
