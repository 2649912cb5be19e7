import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { apiKeysRouter } from "./routers/api-keys/index.ts";
import { authRouter } from "./routers/auth/index.ts";
import { calendarRouter } from "./routers/calendar/index.ts";
import { devMailboxRouter } from "./routers/dev-mailbox/index.ts";
import { listingsRouter } from "./routers/listings/index.ts";
import { placesRouter } from "./routers/places/index.ts";
import { searchRouter } from "./routers/search/index.ts";
import { systemRouter } from "./routers/system/index.ts";
import { usersRouter } from "./routers/users/index.ts";
import { router } from "./trpc.ts";

/** One router per domain; the web app imports `AppRouter` (types only) from here. */
export const appRouter = router({
  apiKeys: apiKeysRouter,
  auth: authRouter,
  calendar: calendarRouter,
  devMailbox: devMailboxRouter,
  listings: listingsRouter,
  places: placesRouter,
  search: searchRouter,
  system: systemRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
