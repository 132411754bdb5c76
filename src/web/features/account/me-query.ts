import { queryOptions } from "@tanstack/react-query";
import { type CurrentUser, MeResponseSchema } from "../../../contracts/identity";
import { ApiError, api } from "../../api";

export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: async ({ signal }): Promise<CurrentUser | null> => {
    try {
      return (await api("/api/v1/me", MeResponseSchema, { signal })).user;
    } catch (error) {
      // Before identity exists the endpoint may be missing; that simply means nobody is logged in.
      if (error instanceof ApiError && (error.status === 404 || error.status === 401)) return null;
      throw error;
    }
  },
  staleTime: 60_000,
  retry: false,
});
