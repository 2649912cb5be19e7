import { render } from "@react-email/render";
import type { ReactElement } from "react";

/** Headings read as written in the text part (html-to-text shouts them by default). */
const htmlToTextOptions = {
  selectors: [
    { selector: "h1", options: { uppercase: false } },
    { selector: "a", options: { hideLinkHrefIfSameAsText: true } },
  ],
};

/** HTML and the plain-text alternative of one template; React escapes every interpolated value. */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([
    render(element),
    render(element, { plainText: true, htmlToTextOptions }),
  ]);
  return { html, text };
}
