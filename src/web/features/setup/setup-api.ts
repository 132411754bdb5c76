import { queryOptions } from "@tanstack/react-query";
import {
  type CompleteSetupRequest,
  CompleteSetupResponseSchema,
  SetupStatusResponseSchema,
} from "../../../contracts/setup";
import { api } from "../../api";

/** Whether the one-time setup link still works (issue 17 part 1). */
export const setupStatusQuery = (token: string) =>
  queryOptions({
    queryKey: ["setup", token],
    queryFn: () => api(`/api/v1/setup?token=${encodeURIComponent(token)}`, SetupStatusResponseSchema),
    retry: false,
  });

export function completeSetup(body: CompleteSetupRequest) {
  return api("/api/v1/setup", CompleteSetupResponseSchema, { method: "POST", body });
}
