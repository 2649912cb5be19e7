import { router } from "../../trpc.ts";

/** Accounts and sessions: one file per procedure, composed here. */
export const authRouter = router({});
