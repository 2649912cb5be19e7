/** The scopes a member may grant a key; the API rejects any it does not know. */
export const apiKeyScopes = [{ id: "profile:read", label: "Read your profile" }] as const;
