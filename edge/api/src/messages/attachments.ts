import { AppError } from "@hometrip/contracts";
import type { MessageAttachment } from "@hometrip/db";

/** The MESSAGE_ATTACHMENTS binding is declared in wrangler.toml; without it images cannot work. */
export function messageAttachmentBucket(bucket: R2Bucket | undefined): R2Bucket {
  if (!bucket) throw new Error("The MESSAGE_ATTACHMENTS R2 binding is missing");
  return bucket;
}

/**
 * The images a send attaches, read back from the objects the upload route stored: only the
 * sender's own uploads to this conversation count, so no one attaches another thread's image by key.
 */
export async function attachmentsFor(
  bucket: R2Bucket | undefined,
  input: { conversationId: string; uploaderId: string; keys: string[] },
): Promise<MessageAttachment[]> {
  if (input.keys.length === 0) return [];
  const store = messageAttachmentBucket(bucket);
  const unique = [...new Set(input.keys)];
  return Promise.all(
    unique.map(async (key) => {
      const object = await store.head(key);
      const meta = object?.customMetadata;
      if (!object || meta?.conversationId !== input.conversationId || meta.uploaderId !== input.uploaderId) {
        throw new AppError("BAD_REQUEST", "Attach only images you uploaded to this conversation", {
          details: { issues: [{ path: "attachmentKeys", message: `Unknown attachment ${key}` }] },
        });
      }
      return {
        key,
        contentType: object.httpMetadata?.contentType ?? "application/octet-stream",
        width: Number(meta.width),
        height: Number(meta.height),
        bytes: object.size,
      };
    }),
  );
}
