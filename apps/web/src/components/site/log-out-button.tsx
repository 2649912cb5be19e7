"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/lib/trpc/client.ts";
import { Button } from "../ui/button.tsx";

export function LogOutButton() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const logOut = useMutation(
    trpc.auth.logOut.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        router.push("/login");
        router.refresh();
      },
    }),
  );
  return (
    <Button variant="secondary" size="small" pending={logOut.isPending} onClick={() => logOut.mutate()}>
      Log out
    </Button>
  );
}
