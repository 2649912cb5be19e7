import { publicProcedure } from "../../trpc.ts";
import { vapidPublicKeyMeta, ZVapidPublicKeyResponseSchema } from "./vapid-public-key.types.ts";

export const vapidPublicKeyProcedure = publicProcedure
  .meta(vapidPublicKeyMeta)
  .output(ZVapidPublicKeyResponseSchema)
  .query(({ ctx }) => ({ publicKey: ctx.services.config.VAPID_PUBLIC_KEY ?? null }));
