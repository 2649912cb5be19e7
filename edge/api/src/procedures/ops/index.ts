import { router } from "../../trpc.ts";
import { queuesProcedure } from "./queues.ts";
import { trafficProcedure } from "./traffic.ts";
import { trafficSeriesProcedure } from "./traffic-series.ts";

/** What ops watch: edge traffic per region, colo and procedure, and the event pipeline. */
export const opsRouter = router({
  queues: queuesProcedure,
  traffic: trafficProcedure,
  trafficSeries: trafficSeriesProcedure,
});
