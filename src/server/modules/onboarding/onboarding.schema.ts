import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { candidates } from "../candidates/candidates.schema";
import { matches } from "../matches/matches.schema";
import { organisations, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";

/**
 * A hire ("Aangenomen"): the laureate of a selection, written in the transaction of the step
 * into the hired phase and removed when that step is undone. The national register number and
 * the e-mail are those that counted at the hire (the starter form and the profile use them).
 */
export const hires = pgTable(
  "hires",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    nationalRegisterNumber: text("national_register_number").notNull(),
    /** The name and e-mail as corrected at the hire (lists; the starter form reads them fresh). */
    name: text("name").notNull(),
    email: text("email"),
    startDate: date("start_date"),
    leaderUserId: text("leader_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The "meter" or "peter": a staff member of the organisation who shows the new employee around. */
    mentorUserId: text("mentor_user_id").references(() => users.id, { onDelete: "set null" }),
    hiredByUserId: text("hired_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("hires_match_key").on(t.matchId),
    index("hires_vacancy_idx").on(t.vacancyId),
    index("hires_candidate_idx").on(t.candidateId),
  ],
);

/** Whether a vacancy runs the onboarding ("inwerkproces"): a switch the selection officer sets. */
export const vacancyOnboarding = pgTable("vacancy_onboarding", {
  vacancyId: uuid("vacancy_id")
    .primaryKey()
    .references(() => vacancies.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(false),
  setByUserId: text("set_by_user_id").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The e-mail domains of an organisation family's own staff (set on its top organisation): a hire
 * with an address in one of them has an internal profile, anyone else an external one.
 */
export const organisationEmailDomains = pgTable("organisation_email_domains", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  domains: text("domains").array().notNull().default(sql`'{}'::text[]`),
  updatedByUserId: text("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** "Plan een kennismakingsgesprek" for the leader and for the mentor of a hire, marked done by them. */
export const onboardingActions = pgTable(
  "onboarding_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    hireId: uuid("hire_id")
      .notNull()
      .references(() => hires.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["plan_meeting"] })
      .notNull()
      .default("plan_meeting"),
    role: text("role", { enum: ["leader", "mentor"] }).notNull(),
    assigneeUserId: text("assignee_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("onboarding_actions_hire_role_key").on(t.hireId, t.role),
    index("onboarding_actions_assignee_idx").on(t.assigneeUserId),
    check("onboarding_actions_role_valid", sql`${t.role} in ('leader', 'mentor')`),
  ],
);

/** Learning material of an organisation family (its top organisation): deactivated, never deleted. */
export const learningMaterials = pgTable(
  "learning_materials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    url: text("url").notNull(),
    availability: text("availability", { enum: ["before_first_day", "from_first_day"] }).notNull(),
    active: boolean("active").notNull().default(true),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("learning_materials_organisation_idx").on(t.organisationId),
    check(
      "learning_materials_availability_valid",
      sql`${t.availability} in ('before_first_day', 'from_first_day')`,
    ),
  ],
);

/** A material given to a hire: automatically (external profile) or by the leader (internal). */
export const materialAssignments = pgTable(
  "material_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    hireId: uuid("hire_id")
      .notNull()
      .references(() => hires.id, { onDelete: "cascade" }),
    materialId: uuid("material_id")
      .notNull()
      .references(() => learningMaterials.id, { onDelete: "cascade" }),
    assignedByUserId: text("assigned_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("material_assignments_key").on(t.hireId, t.materialId)],
);
