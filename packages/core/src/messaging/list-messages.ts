import type { MessageView } from "@hometrip/contracts";
import { type DbOrTx, messages } from "@hometrip/db";
import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import { toMessageView } from "./message-view.ts";

export type MessagePage = {
  /** In seq order, oldest first. */
  messages: MessageView[];
  /** More exist beyond the page in the direction asked (newer for `afterSeq`, older otherwise). */
  hasMore: boolean;
};

/**
 * A page of a conversation by seq. `afterSeq`: what a reconnecting client missed, oldest first, so
 * it appends in order and, asking again after the last seq it holds, never sees one twice.
 * `beforeSeq`: older history for scrolling up. Neither: the newest page.
 */
export async function listMessages(
  db: DbOrTx,
  input: {
    conversationId: string;
    afterSeq?: number | undefined;
    beforeSeq?: number | undefined;
    limit: number;
  },
): Promise<MessagePage> {
  const inConversation = eq(messages.conversationId, input.conversationId);
  const take = input.limit + 1;
  if (input.afterSeq !== undefined) {
    const rows = await db
      .select()
      .from(messages)
      .where(and(inConversation, gt(messages.seq, input.afterSeq)))
      .orderBy(asc(messages.seq))
      .limit(take);
    return { messages: rows.slice(0, input.limit).map(toMessageView), hasMore: rows.length > input.limit };
  }
  const rows = await db
    .select()
    .from(messages)
    .where(
      input.beforeSeq === undefined ? inConversation : and(inConversation, lt(messages.seq, input.beforeSeq)),
    )
    .orderBy(desc(messages.seq))
    .limit(take);
  return {
    messages: rows.slice(0, input.limit).reverse().map(toMessageView),
    hasMore: rows.length > input.limit,
  };
}
