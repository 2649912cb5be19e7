"use client";
import { MAX_MESSAGE_LENGTH } from "@hometrip/contracts";
import { type FormEvent, useRef, useState } from "react";
import { Button } from "@/components/ui/button.tsx";

export type Outgoing = { body: string; files: File[] };

/** Typing, attaching images and sending; `onTyping` is throttled so the room hears it every 2 s at most. */
export function Composer({
  onSend,
  onTyping,
  sending,
}: {
  onSend: (outgoing: Outgoing) => Promise<boolean>;
  onTyping: (typing: boolean) => void;
  sending: boolean;
}) {
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const lastTyping = useRef(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const typed = (value: string) => {
    setBody(value);
    const now = Date.now();
    if (value && now - lastTyping.current > 2000) {
      lastTyping.current = now;
      onTyping(true);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim() && files.length === 0) return;
    onTyping(false);
    lastTyping.current = 0;
    if (await onSend({ body: body.trim(), files })) {
      setBody("");
      setFiles([]);
      if (fileInput.current) fileInput.current.value = "";
    }
  };

  return (
    <form className="composer" onSubmit={submit}>
      <label className="visually-hidden" htmlFor="composer-body">
        Message
      </label>
      <textarea
        id="composer-body"
        className="input composer__input"
        rows={2}
        maxLength={MAX_MESSAGE_LENGTH}
        placeholder="Write a message"
        value={body}
        onChange={(e) => typed(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) void submit(e);
        }}
      />
      <div className="composer__actions">
        <label className="button button--ghost button--small composer__attach">
          {files.length > 0 ? `${files.length} image${files.length > 1 ? "s" : ""} attached` : "Attach image"}
          <input
            ref={fileInput}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            className="visually-hidden"
            onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, 4))}
          />
        </label>
        <Button type="submit" size="small" pending={sending}>
          Send
        </Button>
      </div>
    </form>
  );
}
