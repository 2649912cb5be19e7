import { listNotifications } from "@hometrip/core";
import { sessionProcedure } from "../../trpc.ts";
import {
  listNotificationsMeta,
  ZListNotificationsRequestSchema,
  ZListNotificationsResponseSchema,
} from "./list.types.ts";

export const listProcedure = sessionProcedure
  .meta(listNotificationsMeta)
  .input(ZListNotificationsRequestSchema)
  .output(ZListNotificationsResponseSchema)
  .query(({ ctx, input }) => listNotifications(ctx.services.db, ctx.actor.userId, input));
