import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useCallback } from "react";
import { meQuery } from "../account/me-query";
import { signOut } from "./identity-api";

/**
 * Ends the session and forgets everything fetched as this user. The portal stays: it belongs to
 * the address, not to the person, and dropping it would flash the loading screen.
 */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await signOut();
    } finally {
      // Even if the server could not be reached, this browser should no longer show the account.
      await queryClient.cancelQueries();
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "portal" });
      queryClient.setQueryData(meQuery.queryKey, null);
      await navigate({ to: "/" });
    }
  }, [queryClient, navigate]);
}
