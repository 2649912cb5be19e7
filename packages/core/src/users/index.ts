export { type Account, loadAccount, type ProfileChanges, updateProfile } from "./account.ts";
export { setAvatar } from "./avatar.ts";
export { becomeHost } from "./become-host.ts";
export { findPublicProfile, type PublicProfile } from "./public-profile.ts";
