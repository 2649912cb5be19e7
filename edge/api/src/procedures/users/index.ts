import { router } from "../../trpc.ts";
import { becomeHostProcedure } from "./become-host.ts";
import { meProcedure } from "./me.ts";
import { publicProfileProcedure } from "./public-profile.ts";
import { updateProfileProcedure } from "./update-profile.ts";

export const usersRouter = router({
  me: meProcedure,
  updateProfile: updateProfileProcedure,
  publicProfile: publicProfileProcedure,
  becomeHost: becomeHostProcedure,
});
