import { formatWhen } from "@/lib/format.ts";
import type { ThreadMessage } from "./thread-model.ts";

/** One message: text, inline images, and under my own messages whether the other side read it. */
export function MessageBubble({
  message,
  conversationId,
  mine,
  receipt,
}: {
  message: ThreadMessage;
  conversationId: string;
  mine: boolean;
  receipt: "read" | "sent" | null;
}) {
  return (
    <li className={`bubble${mine ? " bubble--mine" : ""}`} data-testid="message" data-seq={message.seq}>
      {message.attachments.map((a) => (
        // biome-ignore lint/performance/noImgElement: private images through the API proxy, sized by their own dimensions
        <img
          key={a.key}
          className="bubble__image"
          src={a.url ?? `/conversations/${conversationId}/attachments/${a.key}`}
          alt="Attached"
          width={a.width}
          height={a.height}
          loading="lazy"
        />
      ))}
      {message.body && <p className="bubble__body">{message.body}</p>}
      {message.masked && (
        <p className="bubble__note">Contact details hidden until the booking is confirmed.</p>
      )}
      <span className="bubble__meta">
        {formatWhen(message.createdAt)}
        {receipt && (
          <span className="bubble__receipt" data-testid="receipt">
            {receipt === "read" ? " · Read" : " · Sent"}
          </span>
        )}
      </span>
    </li>
  );
}
