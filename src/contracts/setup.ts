import { z } from "zod";

/** First run (issue 17 part 1): the one-time link that creates the first platform administrator. */
export const SetupTokenSchema = z.string().min(20).max(200);

/** What the setup page shows before the form: the link works until `expiresAt`. */
export const SetupStatusResponseSchema = z.object({
  status: z.literal("ready"),
  expiresAt: z.string(),
});
export type SetupStatusResponse = z.infer<typeof SetupStatusResponseSchema>;

export const CompleteSetupRequestSchema = z.object({
  token: SetupTokenSchema,
  name: z.string().trim().min(2).max(120),
  email: z.string().trim().toLowerCase().email(),
  /** Checked against the password policy (identity module). */
  password: z.string().max(128),
  locale: z.enum(["nl", "en"]).default("nl"),
});
export type CompleteSetupRequest = z.infer<typeof CompleteSetupRequestSchema>;

/** The administrator exists; next they sign in and set up their second factor. */
export const CompleteSetupResponseSchema = z.object({
  email: z.string(),
  next: z.literal("sign-in"),
});
export type CompleteSetupResponse = z.infer<typeof CompleteSetupResponseSchema>;
