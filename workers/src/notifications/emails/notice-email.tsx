import { Text } from "@react-email/components";
import { NotificationLayout } from "./layout.tsx";

export interface NoticeEmailProps {
  recipientName: string;
  title: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  preferencesUrl: string;
  unsubscribeUrl?: string;
}

/** Booking updates, reminders and account notices: a title, a few paragraphs, one button. */
export function NoticeEmail(props: NoticeEmailProps) {
  return (
    <NotificationLayout
      preview={props.paragraphs[0] ?? props.title}
      title={props.title}
      preferencesUrl={props.preferencesUrl}
      {...(props.action && { action: props.action })}
      {...(props.unsubscribeUrl && { unsubscribeUrl: props.unsubscribeUrl })}
    >
      <Text>Hi {props.recipientName},</Text>
      {props.paragraphs.map((p) => (
        <Text key={p}>{p}</Text>
      ))}
    </NotificationLayout>
  );
}
