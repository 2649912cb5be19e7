import * as z from "zod";
import type { TrpcMeta } from "../../trpc.ts";

export const ZPublicProfileRequestSchema = z.object({ userId: z.uuid() });

/** What any visitor may see of a member: no email, phone, roles beyond hosting, or security state. */
export const ZPublicProfileResponseSchema = z.strictObject({
  userId: z.uuid(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  bio: z.string(),
  languages: z.array(z.string()),
  isHost: z.boolean(),
  memberSince: z.iso.datetime(),
});
export type TPublicProfileRequest = z.input<typeof ZPublicProfileRequestSchema>;
export type TPublicProfileResponse = z.output<typeof ZPublicProfileResponseSchema>;

export const publicProfileMeta = { summary: "A member's public profile" } satisfies TrpcMeta;
