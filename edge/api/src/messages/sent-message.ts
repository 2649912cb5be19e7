import { maskingExplanation, type SentMessage } from "@hometrip/core";

/** A send's answer: the stored message and, when contact details were hidden, what and why. */
export function sentMessageAnswer(sent: SentMessage) {
  const explanation = maskingExplanation(sent.hidden);
  return {
    message: sent.message,
    masking: explanation ? { hidden: sent.hidden, explanation } : null,
    replayed: sent.replayed,
  };
}
