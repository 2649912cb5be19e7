import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { apiKeysRouter } from "./procedures/api-keys/index.ts";
import { authRouter } from "./procedures/auth/index.ts";
import { bookingsRouter } from "./procedures/bookings/index.ts";
import { calendarRouter } from "./procedures/calendar/index.ts";
import { devMailboxRouter } from "./procedures/dev-mailbox/index.ts";
import { listingsRouter } from "./procedures/listings/index.ts";
import { messagesRouter } from "./procedures/messages/index.ts";
import { notificationsRouter } from "./procedures/notifications/index.ts";
import { opsRouter } from "./procedures/ops/index.ts";
import { paymentsRouter } from "./procedures/payments/index.ts";
import { placesRouter } from "./procedures/places/index.ts";
import { realtimeRouter } from "./procedures/realtime/index.ts";
import { searchRouter } from "./procedures/search/index.ts";
import { systemRouter } from "./procedures/system/index.ts";
import { usersRouter } from "./procedures/users/index.ts";
import { router } from "./trpc.ts";

/** One router per domain; the web app imports `AppRouter` (types only) from here. */
export const appRouter = router({
  apiKeys: apiKeysRouter,
  auth: authRouter,
  bookings: bookingsRouter,
  calendar: calendarRouter,
  devMailbox: devMailboxRouter,
  listings: listingsRouter,
  messages: messagesRouter,
  notifications: notificationsRouter,
  ops: opsRouter,
  payments: paymentsRouter,
  places: placesRouter,
  realtime: realtimeRouter,
  search: searchRouter,
  system: systemRouter,
  users: usersRouter,
});

/** Every procedure's path (`listings.get`): the metrics label a tRPC call by these and no others. */
export const appProcedurePaths: ReadonlySet<string> = new Set(Object.keys(appRouter._def.procedures));

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
