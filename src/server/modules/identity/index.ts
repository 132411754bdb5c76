// The identity module's public surface: what other modules may import (decision 0014).
export { type AuditEventInput, auditRepository } from "./audit.repository";
export { hashPassword, secretEncryptor } from "./auth";
export { IDENTITY_EVENTS, type LanguageChangedPayload } from "./identity.mail";
export type { InvitationService } from "./invitations.service";
export { checkPassword, passwordRuleMessage } from "./password-policy";
export { sessionUserOf } from "./principal";
export { consumeRate, type RateRule, rateLimitRepository } from "./rate-limit.repository";
