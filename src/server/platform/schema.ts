// Every table of the app, for Drizzle's relational queries and drizzle-kit's migration generator.
export * from "../modules/candidates/candidates.schema";
export * from "../modules/candidates/outreach.schema";
export * from "../modules/candidates/privacy.schema";
export * from "../modules/documents/documents.schema";
export * from "../modules/employers/employers.schema";
export * from "../modules/explorer/explorer.schema";
export * from "../modules/identity/identity.schema";
export * from "../modules/matches/matches.schema";
export * from "../modules/messages/messages.schema";
export * from "../modules/placements/placements.schema";
export * from "../modules/referrals/referrals.schema";
export * from "../modules/talent-pools/talent-pools.schema";
export * from "../modules/tenancy/tenancy.schema";
export * from "../modules/vacancies/vacancies.schema";
export * from "./events.schema";
export * from "./mail.schema";
export * from "./sms.schema";
