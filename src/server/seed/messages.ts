import { eq } from "drizzle-orm";
import { contactPersons } from "../modules/employers/employers.schema";
import { messageReads, messages, messageThreads } from "../modules/messages/messages.schema";
import { organisations } from "../modules/tenancy/tenancy.schema";
import type { Db } from "../platform/db";

/**
 * One short conversation between the demo contact (Westland) and the account manager of the
 * team that keeps Westland (Gemeente Den Haag), both messages read: the demo starts with no
 * unread messages on either side.
 */
export async function seedDemoMessages(db: Db, now: Date): Promise<void> {
  const [contact] = await db
    .select({
      id: contactPersons.id,
      employerId: contactPersons.organisationId,
      teamId: organisations.managedByOrganisationId,
    })
    .from(contactPersons)
    .innerJoin(organisations, eq(organisations.id, contactPersons.organisationId))
    .where(eq(contactPersons.userId, "demo-werkgever"));
  if (!contact?.teamId) return;
  const at = (hoursBefore: number) => new Date(now.getTime() - hoursBefore * 3_600_000);
  const [thread] = await db
    .insert(messageThreads)
    .values({
      organisationId: contact.teamId,
      employerId: contact.employerId,
      contactPersonId: contact.id,
      matchId: null,
      lastMessageAt: at(20),
      createdAt: at(26),
    })
    .returning();
  const written = await db
    .insert(messages)
    .values([
      {
        threadId: thread!.id,
        organisationId: contact.teamId,
        authorUserId: "demo-accountmanager",
        authorSide: "team" as const,
        body: "Goedemorgen meneer Van Westen,\n\nVolgende week stel ik twee orderpickers aan u voor. Laat u weten welke dagen u tijd heeft voor een kennismaking?\n\nMet vriendelijke groet,\nFatima El Amrani",
        createdAt: at(26),
      },
      {
        threadId: thread!.id,
        organisationId: contact.teamId,
        authorUserId: "demo-werkgever",
        authorSide: "contact" as const,
        body: "Dag Fatima,\n\nDinsdag en donderdag na 13.00 uur komen goed uit. Dank alvast!",
        createdAt: at(20),
      },
    ])
    .returning();
  await db.insert(messageReads).values([
    { messageId: written[0]!.id, userId: "demo-werkgever", organisationId: contact.teamId, readAt: at(24) },
    {
      messageId: written[1]!.id,
      userId: "demo-accountmanager",
      organisationId: contact.teamId,
      readAt: at(19),
    },
  ]);
}
