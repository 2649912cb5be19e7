/** Uploads one image to the conversation (PUT, raw bytes); the answer's key goes into the send. */
export async function uploadAttachment(conversationId: string, file: File): Promise<{ key: string }> {
  const response = await fetch(`/conversations/${conversationId}/attachments`, {
    method: "PUT",
    headers: { "content-type": file.type },
    body: file,
    credentials: "same-origin",
  });
  const answer = (await response.json().catch(() => ({}))) as { key?: string; message?: string };
  if (!response.ok || !answer.key) throw new Error(answer.message ?? "The image could not be uploaded");
  return { key: answer.key };
}
