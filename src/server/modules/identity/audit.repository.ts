import { randomUUID } from "node:crypto";
import { and, arrayOverlaps, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import type { AuditEventType } from "../../../contracts/identity";
import type { Db } from "../../platform/db";
import type { OrganisationScope } from "../../platform/tenancy";
import { auditEvents } from "./identity.schema";

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

export async function recordAudit(db: Db, event: AuditEventInput): Promise<void> {
  await db.insert(auditEvents).values({
    id: randomUUID(),
    type: event.type,
    userId: event.userId ?? null,
    actorUserId: event.actorUserId ?? null,
    organisationIds: [...event.organisationIds],
    email: event.email ?? null,
    ipAddress: event.ipAddress ?? null,
    userAgent: event.userAgent ?? null,
    details: event.details ?? {},
  });
}

/** Events concerning the caller's organisations, newest first. */
export async function listAudit(
  db: Db,
  scope: OrganisationScope,
  filter: { type?: AuditEventType; userId?: string; from?: Date; to?: Date; limit: number; offset: number },
) {
  if (scope.organisationIds.length === 0) return [];
  const conditions: SQL[] = [arrayOverlaps(auditEvents.organisationIds, [...scope.organisationIds])];
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
}
