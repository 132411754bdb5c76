// The referrals module's public surface: what other modules and the app may import (decision 0014).
export { referralsPolicy } from "./referrals.policy";
