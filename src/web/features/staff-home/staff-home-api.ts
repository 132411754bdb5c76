import { queryOptions } from "@tanstack/react-query";
import { StaffDashboardResponseSchema } from "../../../contracts/staff-home";
import { api } from "../../api";

export const staffDashboardQuery = queryOptions({
  queryKey: ["home", "staff"],
  queryFn: ({ signal }) => api("/api/v1/home/staff", StaffDashboardResponseSchema, { signal }),
  staleTime: 30_000,
});
