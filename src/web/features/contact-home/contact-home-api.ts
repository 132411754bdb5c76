import { queryOptions } from "@tanstack/react-query";
import { ContactDashboardResponseSchema } from "../../../contracts/contact-home";
import { api } from "../../api";

export const contactDashboardQuery = queryOptions({
  queryKey: ["contact", "dashboard"],
  queryFn: ({ signal }) => api("/api/v1/contact/dashboard", ContactDashboardResponseSchema, { signal }),
  staleTime: 30_000,
});
