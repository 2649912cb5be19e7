import * as z from "zod";

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
