import { render } from "@react-email/render";
import type { ReactElement } from "react";

/** HTML and the plain-text alternative of one template; React escapes every interpolated value. */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
