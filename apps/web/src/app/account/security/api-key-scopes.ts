import type { RouterInputs } from "@hometrip/api";

type Scope = RouterInputs["apiKeys"]["create"]["scopes"][number];

/** What each scope lets a partner app do, in the member's words. */
export const apiKeyScopes: readonly { id: Scope; label: string }[] = [
  { id: "profile:read", label: "Read your profile" },
  { id: "profile:write", label: "Update your profile" },
  { id: "listings:read", label: "Read your listings, drafts included" },
  { id: "calendar:read", label: "Read your listings' calendars and prices" },
];

export function isApiKeyScope(value: string): value is Scope {
  return apiKeyScopes.some((s) => s.id === value);
}
