import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { HealthResponseSchema } from "../contracts/common";
import { registerApplicantRoutes, registerApplicantSubscribers } from "./modules/applicants";
import {
  createCandidateService,
  createIntakeService,
  createJobSeekerService,
  createOutreachService,
  createPrivacyService,
  registerCandidateRetentionJob,
  registerCandidateRoutes,
  registerCandidateSubscribers,
  registerIntakeRoutes,
  registerJobSeekerRoutes,
  registerOutreachRoutes,
  registerPrivacyRoutes,
} from "./modules/candidates";
import { registerChannelRoutes } from "./modules/channels";
import { registerContactHomeRoutes } from "./modules/contact-home";
import { createDocumentService, registerDocumentRoutes } from "./modules/documents";
import {
  createCompanyRegistry,
  createEmployerService,
  registerEmployerRoutes,
  registerEmployerSubscribers,
} from "./modules/employers";
import {
  createExplorerService,
  createMemorySearchIndex,
  createSqlSearchIndex,
  type MemorySearchIndex,
  registerExplorerRoutes,
} from "./modules/explorer";
import { registerFormRoutes, vacancyHasForm } from "./modules/forms";
import { createAuth } from "./modules/identity/auth";
import { registerIdentitySubscribers } from "./modules/identity/identity.events";
import { createLinkMailRequests } from "./modules/identity/identity.mail";
import { registerIdentity } from "./modules/identity/identity.routes";
import { registerInvitationRoutes } from "./modules/identity/invitations.routes";
import { createInvitationService } from "./modules/identity/invitations.service";
import { registerSsoSubscribers } from "./modules/identity/sso.events";
import { registerSsoJobs } from "./modules/identity/sso.jobs";
import { registerSsoRoutes } from "./modules/identity/sso.routes";
import { registerUserRoutes } from "./modules/identity/users.routes";
import { createProfileService, createUserService } from "./modules/identity/users.service";
import {
  type MatchDeps,
  proposalsAwaitingCount,
  registerMatchRoutes,
  registerProposalRoutes,
  registerProposalSubscribers,
  unreadNotices,
  unreadNoticesCount,
} from "./modules/matches";
import { registerMessageRoutes, registerMessageSubscribers, unreadMessagesCount } from "./modules/messages";
import {
  registerOnboardingRoutes,
  registerOnboardingSubscribers,
  selectionStepHooks,
} from "./modules/onboarding";
import {
  registerPlacementJobs,
  registerPlacementRoutes,
  registerPlacementSubscribers,
  timesheetsWaitingCount,
} from "./modules/placements";
import {
  referralReach,
  referralStepHooks,
  registerReferralRoutes,
  registerReferralSubscribers,
  registerReferrerRoutes,
  registerReferrerSubscribers,
} from "./modules/referrals";
import {
  registerReserveListJobs,
  registerReserveListRoutes,
  registerReserveListSubscribers,
} from "./modules/reserve-lists";
import { registerScheduledJobRoutes } from "./modules/scheduled-jobs";
import { registerSelectionEventRoutes, registerSelectionEventSubscribers } from "./modules/selection-events";
import {
  registerSelectionResultsRoutes,
  registerSelectionResultsSubscribers,
} from "./modules/selection-results";
import { registerSetupRoutes } from "./modules/setup";
import { registerSiteRoutes } from "./modules/sites";
import { registerStaffHomeRoutes } from "./modules/staff-home";
import { registerTalentPoolRoutes, registerTalentPoolSubscribers } from "./modules/talent-pools";
import { registerTaxonomy } from "./modules/taxonomy/taxonomy.routes";
import { callerOf } from "./modules/tenancy";
import { registerPlatformAdminRoutes } from "./modules/tenancy/platform-admin.routes";
import { createPlatformAdminService } from "./modules/tenancy/platform-admin.service";
import { registerOrganisationWrites, registerTenancy } from "./modules/tenancy/tenancy.routes";
import { createTenancyService } from "./modules/tenancy/tenancy.service";
import {
  jobBoardRoutes,
  registerVacancyJobs,
  registerVacancyRoutes,
  registerVacancySubscribers,
  todayIn,
} from "./modules/vacancies";
import { registerBackupJob } from "./platform/backup";
import { type Database, ping } from "./platform/db";
import { registerDevRoutes } from "./platform/dev.routes";
import type { Env } from "./platform/env";
import { AppError } from "./platform/errors";
import { createEventBus, type EventBus } from "./platform/events";
import { createLocalFileStorage } from "./platform/files";
import { registerFileSweepJob } from "./platform/files.jobs";
import { createHttp } from "./platform/http";
import { createJobs, type Jobs } from "./platform/jobs";
import { createMailer } from "./platform/mail";
import { createSealer, resolveAuthSecret } from "./platform/secrets";
import { createSmsSender } from "./platform/sms";
import { registerWebApp } from "./platform/static";
import { createStore } from "./platform/store";
import { systemScope } from "./platform/system-scope";
import { appVersion } from "./platform/version";

declare module "fastify" {
  interface FastifyInstance {
    /** The explorer's in-memory index of this process (null with EXPLORER_ENGINE=sql). */
    explorerIndex: MemorySearchIndex | null;
    /** Domain events of this app: subscribers, and `drain()` for tests that wait for side effects. */
    events: EventBus;
    /** Background jobs: every handler registered, running on schedule only when started (JOBS=on). */
    jobs: Jobs;
  }
}

export interface AppOptions {
  env: Env;
  database: Database;
  /** Built web app to serve, or null to serve the API only. */
  webDir: string | null;
  logger?: boolean;
  /**
   * Background jobs, for routes that queue work; stopped when the app closes. Absent (as in
   * the test servers, and with JOBS=off) nothing runs in the background.
   */
  jobs?: Jobs;
}

export async function buildApp({
  env,
  database,
  webDir,
  logger = true,
  jobs: runningJobs,
}: AppOptions): Promise<FastifyInstance> {
  const app = await createHttp({ env, version: appVersion, logger });
  // Handlers finish before the database closes (whoever owns it closes it after the app).
  if (runningJobs) app.addHook("onClose", () => runningJobs.stop());
  // Without running jobs (JOBS=off, test servers) the handlers are still registered, never
  // scheduled, so a platform admin can run one now (decision 0035).
  const jobs = runningJobs ?? createJobs(database, { log: (message) => app.log.warn(message) });
  app.decorate("jobs", jobs);
  const { db } = database;
  // Domain events (decision 0015): delivered after each commit and retried in the background;
  // the bus starts once every subscriber is registered (end of this function).
  const events = createEventBus(db, { log: (message) => app.log.warn(message) });
  app.decorate("events", events);
  app.addHook("onClose", () => events.stop());
  /** What services get instead of the database: repositories bound to the caller's scope. */
  const store = createStore(db, events);
  const tenancy = createTenancyService({ store, publicUrl: env.PUBLIC_URL });
  const mailer = createMailer(env, db);
  const sms = createSmsSender(env, db, (message) => app.log.info(message));
  const secret = await resolveAuthSecret(env);
  // Links and tokens in event payloads are sealed with the app secret (decision 0015).
  const sealer = createSealer(secret);
  const linkMails = createLinkMailRequests({ store, sealer });
  const auth = createAuth({
    db,
    store,
    env,
    secret,
    sendResetPassword: linkMails.passwordReset,
    sendVerificationEmail: linkMails.verification,
    // Production without a gateway does not offer SMS codes at all (the outbox would throw).
    ...(sms.transport === "http" || env.NODE_ENV !== "production" ? { sendSms: sms.send } : {}),
  });
  registerIdentitySubscribers(events, {
    store,
    mailer,
    sealer,
    publicUrl: env.PUBLIC_URL,
    log: (message) => app.log.info(message),
  });
  const invitations = createInvitationService({ store, sealer });
  registerVacancySubscribers(events, { store, mailer, publicUrl: env.PUBLIC_URL });
  // The publication job writes events, so it runs where the bus and the store are.
  await registerVacancyJobs(jobs, { store, log: (message) => app.log.info(message) });
  // The nightly backup (BACKUPS=off leaves it out); the control socket's `backup` is separate.
  if (env.BACKUPS) await registerBackupJob(jobs, { database, env, log: (message) => app.log.info(message) });

  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["platform"],
        summary: "Liveness and database check",
        response: { 200: HealthResponseSchema },
      },
    },
    async () => {
      await ping(db);
      return { status: "ok" as const, db: database.kind, version: appVersion };
    },
  );
  app.get("/api/openapi.json", { config: { access: "public" }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await registerTenancy(app, { tenancy, baseDomain: env.BASE_DOMAIN, db });
  await registerOrganisationWrites(app, { tenancy });
  await registerIdentity(app, { auth, store, publicUrl: env.PUBLIC_URL });
  await registerInvitationRoutes(app, { invitations, auth, store });
  // First run (issue 17 part 1): the one-time link that creates the first platform administrator.
  await registerSetupRoutes(app, { store, baseDomain: env.BASE_DOMAIN });
  const filesRoot = path.join(env.DATA_DIR, "files");
  const files = createLocalFileStorage(filesRoot);
  // Files no row refers to go, at start (main.ts) and nightly (issue 17 part 7).
  await registerFileSweepJob(jobs, {
    store,
    root: filesRoot,
    graceMs: env.FILE_SWEEP_GRACE_MINUTES * 60_000,
    log: (message) => app.log.info(message),
  });
  await registerPlatformAdminRoutes(app, {
    platformAdmin: createPlatformAdminService({ store, files, publicUrl: env.PUBLIC_URL, tenancy }),
  });
  await registerUserRoutes(app, {
    users: createUserService({ store }),
    profiles: createProfileService({ store, files }),
  });
  await registerSsoRoutes(app, { auth, store });
  // Single sign-on secrets: the daily expiry warning and its mail (issue 17 part 3).
  registerSsoSubscribers(events, { store, mailer, publicUrl: env.PUBLIC_URL });
  if (jobs) await registerSsoJobs(jobs, { store, log: (message) => app.log.info(message) });
  await registerTaxonomy(app);
  await registerVacancyRoutes(app, { vacancies: { store, files, today: () => todayIn() } });
  await registerSiteRoutes(app, { sites: { store } });
  // Publication channels (issue 15 part 7): job sites, their feeds, a vacancy's channels, the reports.
  await registerChannelRoutes(app, {
    channels: { store, vacancies: { store, files, today: () => todayIn() } },
    publicUrl: env.PUBLIC_URL,
  });
  const candidateDeps = { store, files, log: (message: string) => app.log.warn(message) };
  registerCandidateSubscribers(events, { store, mailer, publicUrl: env.PUBLIC_URL, secret });
  await registerCandidateRetentionJob(jobs, {
    store,
    files,
    retentionMonths: env.RETENTION_MONTHS,
    graceDays: env.RETENTION_GRACE_DAYS,
    log: (message) => app.log.info(message),
  });
  const candidateService = createCandidateService(candidateDeps);
  await registerCandidateRoutes(app, { candidates: candidateService });
  await registerIntakeRoutes(app, { intake: createIntakeService(candidateDeps) });
  await registerJobSeekerRoutes(app, { jobSeekers: createJobSeekerService({ store, secret }) });
  const outreach = createOutreachService(candidateDeps);
  await registerOutreachRoutes(app, { outreach });
  // Every step of a referral's match, whichever screen makes it, keeps the referrer's points;
  // a selection's step into "hired" needs the register number and records the hire (onboarding).
  const matchDeps: MatchDeps = {
    store,
    files,
    stepHooks: { referral: referralStepHooks, selection: selectionStepHooks() },
    // A vacancy with an application form takes applications through it (forms module).
    applicationFormRequired: (vacancyId) => vacancyHasForm({ store }, vacancyId),
  };
  await registerMatchRoutes(app, {
    matches: matchDeps,
    // Staff save only candidates they may see through the portal (decision 0011).
    assertCandidateVisible: (request, candidateId) => outreach.assertVisible(callerOf(request), candidateId),
  });
  await registerFormRoutes(app, { forms: { store, files, matches: matchDeps } });
  await registerDocumentRoutes(app, { documents: createDocumentService({ store, files }) });
  registerTalentPoolSubscribers(events, { store, mailer, publicUrl: env.PUBLIC_URL });
  await registerTalentPoolRoutes(app, {
    talentPools: { store, matches: matchDeps, assertCandidateVisible: outreach.assertVisible },
  });
  await registerMessageRoutes(app, { messages: { store, files } });
  registerMessageSubscribers(events, { store, mailer, publicUrl: env.PUBLIC_URL });
  registerProposalSubscribers(events, { store, mailer, publicUrl: env.PUBLIC_URL });
  await registerProposalRoutes(app, {
    matches: matchDeps,
    assertCandidateVisible: (request, candidateId) => outreach.assertVisible(callerOf(request), candidateId),
    // A contact sees the profile as the candidates module shows it to them, or only the name.
    candidateProfile: (request, candidateId) =>
      candidateService.staffView(callerOf(request), candidateId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === "not_found") return null;
        throw error;
      }),
  });
  await registerPrivacyRoutes(app, { privacy: createPrivacyService(candidateDeps) });
  const placements = { store, files, today: () => todayIn() };
  registerPlacementSubscribers(events, { store, mailer, publicUrl: env.PUBLIC_URL, today: () => todayIn() });
  await registerPlacementJobs(jobs, { store });
  await registerPlacementRoutes(app, { placements });
  registerReferralSubscribers(events, { store, mailer, publicUrl: env.PUBLIC_URL });
  await registerReferralRoutes(app, { referrals: matchDeps });
  // Applicants per vacancy and mail to them (issue 15): moves go through the matches module.
  registerApplicantSubscribers(events, { store, mailer });
  await registerApplicantRoutes(app, { applicants: { store, files, matches: matchDeps } });
  // Reserve lists and closing a selection procedure (issue 16 parts 5 and 6).
  registerReserveListSubscribers(events, { store, mailer, publicUrl: env.PUBLIC_URL });
  await registerReserveListJobs(jobs, { store, log: (message) => app.log.info(message) });
  await registerReserveListRoutes(app, { reserveLists: { store, files, matches: matchDeps } });
  // Selection events with self-booking and calendars (issue 16 parts 1 and 2).
  registerSelectionEventSubscribers(events, {
    store,
    mailer,
    publicUrl: env.PUBLIC_URL,
    mailFrom: env.MAIL_FROM,
  });
  await registerSelectionEventRoutes(app, {
    selectionEvents: { store, applicants: { store, files, matches: matchDeps }, now: () => new Date() },
    publicUrl: env.PUBLIC_URL,
  });
  // Hiring, the starter form and onboarding (issue 16 parts 7 and 8).
  registerOnboardingSubscribers(events, { store, mailer, publicUrl: env.PUBLIC_URL });
  await registerOnboardingRoutes(app, {
    onboarding: { store, files, matches: matchDeps, today: () => todayIn() },
  });
  // Selection parts, jury scores, decisions, the PV-rapport and its approval (issue 16 parts 3-4).
  registerSelectionResultsSubscribers(events, { store, mailer, publicUrl: env.PUBLIC_URL });
  await registerSelectionResultsRoutes(app, { selection: { store, files, matches: matchDeps } });
  await registerContactHomeRoutes(app, {
    contactHome: {
      store,
      today: () => todayIn(),
      proposalsWaiting: (caller) => proposalsAwaitingCount({ store, files }, caller),
      timesheetsWaiting: (caller) => timesheetsWaitingCount(placements, caller),
      referrals: (caller) => referralReach(matchDeps, caller),
    },
  });
  await registerStaffHomeRoutes(app, {
    staffHome: {
      store,
      today: () => todayIn(),
      verdictsUnread: (caller) => unreadNoticesCount({ store }, caller),
      messagesUnread: (caller) => unreadMessagesCount({ store, files }, caller),
      referrals: (caller) => referralReach(matchDeps, caller),
      referralProgressUnread: (caller) => unreadNotices({ store }, caller, "referral_progress"),
      invitationsOpen: async (caller) =>
        (await invitations.list(caller)).filter((i) => i.status === "pending").length,
    },
  });
  // The referral portal, the referrer's side: referring, the confirmation link, own progress and points.
  registerReferrerSubscribers(events, { store, mailer, sealer, publicUrl: env.PUBLIC_URL });
  await registerReferrerRoutes(app, { referrer: { store, files, sealer, publicUrl: env.PUBLIC_URL } });
  registerEmployerSubscribers(events, { mailer, store });
  await registerEmployerRoutes(app, {
    employers: createEmployerService({ store, invitations, registry: createCompanyRegistry(env) }),
  });
  // The explorer: the in-memory index once built (each process its own), SQL until then.
  const sqlIndex = createSqlSearchIndex(store);
  // The index holds every portal's documents (each search keeps to its own portal's): built and
  // kept current by this process for no one in particular, hence the job's scope.
  const memoryIndex =
    env.EXPLORER_ENGINE === "memory"
      ? createMemorySearchIndex(
          { store, scope: systemScope("job") },
          { pollMs: env.EXPLORER_POLL_MS, log: (message) => app.log.warn(message) },
        )
      : null;
  if (memoryIndex) app.addHook("onClose", () => memoryIndex.close());
  app.decorate("explorerIndex", memoryIndex);
  await registerExplorerRoutes(app, {
    explorer: createExplorerService({
      store,
      index: () => (memoryIndex?.isReady() ? memoryIndex : sqlIndex),
    }),
  });
  // The platform administrator's "Taken": scheduled jobs, their runs, and running one now.
  await registerScheduledJobRoutes(app, {
    scheduledJobs: { store, jobs, scheduling: runningJobs !== undefined },
  });
  await registerDevRoutes(app, { db, mailer });
  await jobBoardRoutes(app, { store, publicUrl: env.PUBLIC_URL });
  await registerWebApp(app, webDir);
  // Every subscriber is registered by now: a bus that fanned out earlier would skip the late ones.
  events.start();
  return app;
}
