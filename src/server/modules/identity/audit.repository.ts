import { randomUUID } from "node:crypto";
import { and, arrayOverlaps, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { AuditEventType } from "../../../contracts/identity";
import type { Db } from "../../platform/db";
import { auditEvents } from "../../platform/schema";
import { type OrgScope, organisationsOf, type PlatformScope, type PublicScope } from "../../platform/scope";
import { repository } from "../../platform/store";

export type { AuditEventType };

export interface AuditEventInput {
  type: AuditEventType;
  userId?: string | null;
  actorUserId?: string | null;
  organisationIds: readonly string[];
  email?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

function rowOf(event: AuditEventInput, organisationIds: readonly string[]) {
  return {
    id: randomUUID(),
    type: event.type,
    userId: event.userId ?? null,
    actorUserId: event.actorUserId ?? null,
    organisationIds: [...organisationIds],
    email: event.email ?? null,
    ipAddress: event.ipAddress ?? null,
    userAgent: event.userAgent ?? null,
    details: event.details ?? {},
  };
}

export type AuditFilter = {
  type?: AuditEventType;
  userId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
};

/** The security log: written in the transaction of what it records, read by org admins. */
export const auditRepository = repository<OrgScope | PlatformScope>()({
  /** Records the event for those of its organisations the scope reaches. */
  async record(db: Db, scope: OrgScope | PlatformScope, event: AuditEventInput): Promise<void> {
    const reach = organisationsOf(scope);
    const ids =
      reach === "all" ? event.organisationIds : event.organisationIds.filter((id) => reach.includes(id));
    await db.insert(auditEvents).values(rowOf(event, ids));
  },

  /** Events concerning the scope's organisations (every event for the platform), newest first. */
  async list(db: Db, scope: OrgScope | PlatformScope, filter: AuditFilter) {
    const reach = organisationsOf(scope);
    if (reach !== "all" && reach.length === 0) return [];
    const conditions: SQL[] = [];
    if (reach !== "all") conditions.push(arrayOverlaps(auditEvents.organisationIds, [...reach]));
    if (filter.type) conditions.push(eq(auditEvents.type, filter.type));
    if (filter.userId) conditions.push(eq(auditEvents.userId, filter.userId));
    if (filter.from) conditions.push(gte(auditEvents.at, filter.from));
    if (filter.to) conditions.push(lte(auditEvents.at, filter.to));
    return db
      .select()
      .from(auditEvents)
      .where(and(...conditions))
      .orderBy(desc(auditEvents.at))
      .limit(filter.limit)
      .offset(filter.offset);
  },
});

export interface AuthAuditInput {
  type: Extract<
    AuditEventType,
    "sign_in_failed" | "sign_in_succeeded" | "two_factor_enabled" | "two_factor_disabled"
  >;
  /** The account it concerns, when known. */
  userId: string | null;
  /** The address typed at sign-in; the account is looked up by it when no user id is known. */
  email?: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  details?: Record<string, unknown>;
}

/**
 * Sign-in and second-factor events, written before anyone is known to the app: the organisations
 * that see the event are the account's own memberships, derived here in the one statement, so a
 * visitor cannot choose whose log they write into.
 */
export const authAuditRepository = repository<PublicScope>()({
  async record(db: Db, _scope: PublicScope, event: AuthAuditInput): Promise<void> {
    const email = event.email?.trim().toLowerCase() ?? null;
    await db.execute(sql`
      with target as (
        select id from users
        where id = ${event.userId} or (${event.userId}::text is null and email = ${email})
        limit 1)
      insert into audit_events (id, type, user_id, organisation_ids, email, ip_address, user_agent, details)
      values (
        ${randomUUID()}, ${event.type}, (select id from target),
        coalesce((select array_agg(distinct m.organisation_id::text) from memberships m
                  where m.user_id = (select id from target) and m.organisation_id is not null), '{}'),
        ${event.email ?? null}, ${event.ipAddress}, ${event.userAgent},
        ${JSON.stringify(event.details ?? {})}::jsonb)`);
  },
});
