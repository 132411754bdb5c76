/** The "wacht op je" blocks, each with a title, a text and a link under staffHome.blocks. */
export const STAFF_HOME_BLOCKS = [
  "applications",
  "closing",
  "verdicts",
  "messages",
  "invitations",
  "newReferrals",
  "referralProgress",
] as const;
