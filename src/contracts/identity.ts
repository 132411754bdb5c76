import { z } from "zod";
import { RoleSchema } from "./tenancy";

/** The signed-in person as the web app shows them; `user` is null for visitors. */
export const CurrentUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().optional(),
  avatarUrl: z.string().nullable().optional(),
  locale: z.string().optional(),
  roles: z.array(RoleSchema).default([]),
  twoFactorEnabled: z.boolean().optional(),
  /** Staff without a second factor reach nothing but the set-up page. */
  needsTwoFactorSetup: z.boolean().optional(),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

export const MeResponseSchema = z.object({ user: CurrentUserSchema.nullable() });
export type MeResponse = z.infer<typeof MeResponseSchema>;
