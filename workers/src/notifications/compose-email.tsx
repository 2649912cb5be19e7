import type { NotificationCategory } from "@hometrip/contracts";
import { type MailContent, unsubscribeToken } from "@hometrip/core";
import type { NotificationDelivery } from "@hometrip/db";
import { linkTo, type NotificationDeps } from "./deps.ts";
import { MessageEmail, type MessageSummary, messageEmailSubject } from "./emails/message-email.tsx";
import { NoticeEmail } from "./emails/notice-email.tsx";
import { renderEmail } from "./emails/render.ts";
import { type DeliveryPayload, readPayload } from "./payload.ts";

export interface ComposedEmail extends MailContent {
  headers: Record<string, string>;
}

/**
 * One mail for a batch of deliveries: a digest of messages, or a single notice. Every category a
 * member can turn off carries RFC 8058 one-click unsubscribe headers for that category only.
 */
export async function composeEmail(
  deps: NotificationDeps,
  recipient: { id: string; displayName: string },
  rows: NotificationDelivery[],
): Promise<ComposedEmail> {
  const category = rows[0]?.category as NotificationCategory;
  const headers: Record<string, string> = {};
  let unsubscribeUrl: string | undefined;
  if (category !== "account_security") {
    const token = await unsubscribeToken(deps.unsubscribeKey, recipient.id, category);
    const oneClick = linkTo(deps.apiUrl, `/notifications/unsubscribe?token=${encodeURIComponent(token)}`);
    unsubscribeUrl = oneClick;
    headers["List-Unsubscribe"] = `<${oneClick}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  const preferencesUrl = linkTo(deps.appUrl, "/account/notifications");
  const payloads = rows.map((row) => readPayload(row.payload));
  const common = {
    recipientName: recipient.displayName,
    preferencesUrl,
    ...(unsubscribeUrl && { unsubscribeUrl }),
  };

  if (rows[0]?.kind === "message") {
    const messages: MessageSummary[] = payloads.map((p) => ({
      senderName: p.senderName ?? "Someone",
      snippet: p.body,
      masked: p.masked ?? false,
    }));
    const conversations = new Set(payloads.map((p) => p.conversationId));
    const conversationUrl = linkTo(
      deps.appUrl,
      conversations.size === 1 ? (payloads[0]?.link ?? "/messages") : "/messages",
    );
    const rendered = await renderEmail(
      <MessageEmail {...common} messages={messages} conversationUrl={conversationUrl} />,
    );
    return { subject: messageEmailSubject(messages), ...rendered, headers };
  }
  const notice = payloads[0] as DeliveryPayload;
  const rendered = await renderEmail(
    <NoticeEmail
      {...common}
      title={notice.title}
      paragraphs={notice.paragraphs ?? [notice.body]}
      {...(notice.link && {
        action: { label: notice.actionLabel ?? "Open HomeTrip", url: linkTo(deps.appUrl, notice.link) },
      })}
    />,
  );
  return { subject: notice.title, ...rendered, headers };
}
