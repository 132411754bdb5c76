// The identity module's public surface: what other modules may import (decision 0014).
export { hashPassword } from "./auth";
export { checkPassword, passwordRuleMessage } from "./password-policy";
export { consumeRate, type RateRule } from "./rate-limit.repository";
