import * as z from "zod";

/**
 * What a delivery row carries to render every channel later: the short title/body/link (push,
 * SMS, subject) and, for messages, what the away check and the digest need.
 */
export const zDeliveryPayload = z.object({
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  paragraphs: z.array(z.string()).optional(),
  actionLabel: z.string().optional(),
  conversationId: z.string().optional(),
  seq: z.number().int().optional(),
  senderName: z.string().optional(),
  masked: z.boolean().optional(),
  bookingId: z.string().optional(),
});
export type DeliveryPayload = z.output<typeof zDeliveryPayload>;

export function readPayload(value: unknown): DeliveryPayload {
  return zDeliveryPayload.parse(value);
}

/** Text for push and SMS: plain, one line, within what a lock screen or a single SMS segment shows. */
export function shortText(value: string, max: number): string {
  const line = value.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
