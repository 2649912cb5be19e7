import { zRoomTicket } from "@hometrip/contracts";
import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZUserTokenRequestSchema = z.void();
export const ZUserTokenResponseSchema = zRoomTicket;
export type TUserTokenResponse = z.output<typeof ZUserTokenResponseSchema>;

export const userTokenMeta = {
  summary: "A five-minute token to join the caller's own live room (notifications, unread counts)",
} satisfies TrpcMeta;
