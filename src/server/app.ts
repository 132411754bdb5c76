import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { HealthResponseSchema } from "../contracts/common";
import { registerCandidateRoutes } from "./modules/candidates/candidates.routes";
import { createCandidateService } from "./modules/candidates/candidates.service";
import { createIntakeService, registerIntakeRoutes } from "./modules/candidates/intake";
import { registerJobSeekerRoutes } from "./modules/candidates/job-seekers.routes";
import { createJobSeekerService } from "./modules/candidates/job-seekers.service";
import { registerOutreachRoutes } from "./modules/candidates/outreach.routes";
import { createOutreachService } from "./modules/candidates/outreach.service";
import { registerPrivacyRoutes } from "./modules/candidates/privacy.routes";
import { createPrivacyService } from "./modules/candidates/privacy.service";
import { createCompanyRegistry } from "./modules/employers/company-registry";
import { registerEmployerRoutes } from "./modules/employers/employers.routes";
import { createEmployerService } from "./modules/employers/employers.service";
import {
  createExplorerService,
  createMemorySearchIndex,
  createSqlSearchIndex,
  type MemorySearchIndex,
  registerExplorerRoutes,
} from "./modules/explorer";
import { createAuth } from "./modules/identity/auth";
import { sendPasswordResetMail, sendVerificationMail } from "./modules/identity/identity.mail";
import { registerIdentity } from "./modules/identity/identity.routes";
import { registerInvitationRoutes } from "./modules/identity/invitations.routes";
import { createInvitationService } from "./modules/identity/invitations.service";
import { registerSsoRoutes } from "./modules/identity/sso.routes";
import { registerUserRoutes } from "./modules/identity/users.routes";
import { createUserService } from "./modules/identity/users.service";
import { registerTaxonomy } from "./modules/taxonomy/taxonomy.routes";
import { registerOrganisationWrites, registerTenancy } from "./modules/tenancy/tenancy.routes";
import { createTenancyService } from "./modules/tenancy/tenancy.service";
import { jobBoardRoutes } from "./modules/vacancies/job-board/job-board.routes";
import { registerVacancyRoutes } from "./modules/vacancies/vacancies.routes";
import { createVacancyService } from "./modules/vacancies/vacancies.service";
import { type Database, ping } from "./platform/db";
import { registerDevRoutes } from "./platform/dev.routes";
import type { Env } from "./platform/env";
import { createEventBus, type EventBus } from "./platform/events";
import { createLocalFileStorage } from "./platform/files";
import { createHttp } from "./platform/http";
import type { Jobs } from "./platform/jobs";
import { createMailer } from "./platform/mail";
import { resolveAuthSecret } from "./platform/secrets";
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
  jobs,
}: AppOptions): Promise<FastifyInstance> {
  const app = await createHttp({ env, version: appVersion, logger });
  // Handlers finish before the database closes (whoever owns it closes it after the app).
  if (jobs) app.addHook("onClose", () => jobs.stop());
  const { db } = database;
  // Domain events (decision 0015): delivered after each commit and retried in the background.
  const events = createEventBus(db, { log: (message) => app.log.warn(message) });
  app.decorate("events", events);
  events.start();
  app.addHook("onClose", () => events.stop());
  /** What services get instead of the database: repositories bound to the caller's scope. */
  const store = createStore(db, events);
  void store; // handed to each service as it moves onto scoped repositories (issue 11)
  const tenancy = createTenancyService({ db, publicUrl: env.PUBLIC_URL });
  const mailer = createMailer(env, db);
  const sms = createSmsSender(env, db, (message) => app.log.info(message));
  const auth = createAuth({
    db,
    env,
    secret: await resolveAuthSecret(env),
    sendResetPassword: (input) => sendPasswordResetMail(mailer, db, input),
    sendVerificationEmail: (input) => sendVerificationMail(mailer, db, input),
    // Production without a gateway does not offer SMS codes at all (the outbox would throw).
    ...(sms.transport === "http" || env.NODE_ENV !== "production" ? { sendSms: sms.send } : {}),
  });
  const invitations = createInvitationService({ db, mailer, publicUrl: env.PUBLIC_URL });

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
  await registerIdentity(app, { auth, db, publicUrl: env.PUBLIC_URL });
  await registerInvitationRoutes(app, { invitations, auth, db });
  const files = createLocalFileStorage(path.join(env.DATA_DIR, "files"));
  await registerUserRoutes(app, { users: createUserService({ db, mailer, files }) });
  await registerSsoRoutes(app, { auth, db });
  await registerTaxonomy(app);
  const vacancies = createVacancyService({ db, files });
  await registerVacancyRoutes(app, { vacancies });
  await registerCandidateRoutes(app, { candidates: createCandidateService({ db, files }) });
  await registerIntakeRoutes(app, { intake: createIntakeService({ db }) });
  await registerJobSeekerRoutes(app, {
    jobSeekers: createJobSeekerService({ db, mailer, publicUrl: env.PUBLIC_URL }),
  });
  await registerOutreachRoutes(app, {
    outreach: createOutreachService({ db, mailer, publicUrl: env.PUBLIC_URL }),
    vacancies,
  });
  await registerPrivacyRoutes(app, {
    privacy: createPrivacyService({
      db,
      files,
      candidates: createCandidateService({ db, files }),
      log: (message) => app.log.warn(message),
    }),
  });
  await registerEmployerRoutes(app, {
    employers: createEmployerService({ db, mailer, invitations, registry: createCompanyRegistry(env) }),
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
  await registerDevRoutes(app, { db, mailer });
  await jobBoardRoutes(app, { db, publicUrl: env.PUBLIC_URL });
  await registerWebApp(app, webDir);
  return app;
}
