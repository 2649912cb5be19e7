import { router } from "../../trpc.ts";
import { createProcedure } from "./create.ts";
import { listProcedure } from "./list.ts";
import { revokeProcedure } from "./revoke.ts";

/** apiKeys.*: partner keys are managed from a signed-in session only; a key cannot mint or revoke keys. */
export const apiKeysRouter = router({
  create: createProcedure,
  list: listProcedure,
  revoke: revokeProcedure,
});
