import { router } from "../../trpc.ts";
import { getDevMailProcedure } from "./get.ts";
import { listDevMailProcedure } from "./list.ts";

export const devMailboxRouter = router({
  list: listDevMailProcedure,
  get: getDevMailProcedure,
});
