import { Section, Text } from "@react-email/components";
import { NotificationLayout } from "./layout.tsx";

export interface MessageSummary {
  senderName: string;
  snippet: string;
  /** The snippet had contact details masked (no confirmed booking yet). */
  masked: boolean;
}

export interface MessageEmailProps {
  recipientName: string;
  messages: MessageSummary[];
  conversationUrl: string;
  preferencesUrl: string;
  unsubscribeUrl?: string;
}

export function messageEmailSubject(messages: MessageSummary[]): string {
  const senders = [...new Set(messages.map((m) => m.senderName))];
  if (messages.length === 1) return `New message from ${senders[0]}`;
  return `${messages.length} new messages from ${senders.slice(0, 2).join(" and ")}${senders.length > 2 ? " and others" : ""}`;
}

/** One message, or a digest of a burst: each sender and a snippet, one button to the thread. */
export function MessageEmail(props: MessageEmailProps) {
  const title = messageEmailSubject(props.messages);
  return (
    <NotificationLayout
      preview={props.messages[0]?.snippet ?? title}
      title={title}
      action={{ label: "Reply", url: props.conversationUrl }}
      preferencesUrl={props.preferencesUrl}
      {...(props.unsubscribeUrl && { unsubscribeUrl: props.unsubscribeUrl })}
    >
      <Text>Hi {props.recipientName},</Text>
      {props.messages.map((m, i) => (
        // Messages have no stable key here beyond their order in the digest.
        // biome-ignore lint/suspicious/noArrayIndexKey: order is the identity in a rendered digest
        <Section key={i} style={{ borderLeft: "3px solid #eeeeee", paddingLeft: "12px", margin: "0 0 12px" }}>
          <Text style={{ margin: "0", fontWeight: 600 }}>{m.senderName}</Text>
          <Text style={{ margin: "0" }}>{m.snippet}</Text>
        </Section>
      ))}
      {props.messages.some((m) => m.masked) ? (
        <Text style={{ fontSize: "13px", color: "#555555" }}>
          Contact details are hidden until a booking is confirmed, to keep payments on HomeTrip.
        </Text>
      ) : null}
    </NotificationLayout>
  );
}
