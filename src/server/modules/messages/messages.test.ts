import { and, asc, count, eq, isNull } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDemoLikeAccount } from "../../../../test/support/accounts";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type { MatchDetail } from "../../../contracts/matches";
import type {
  InboxResponse,
  MessageableMatchesResponse,
  MessageResponse,
  RecipientsResponse,
  SentMessageResponse,
  ThreadDetail,
  ThreadListResponse,
  UnreadCountResponse,
} from "../../../contracts/messages";
import { mailOutbox } from "../../platform/mail.schema";
import { candidates } from "../candidates/candidates.schema";
import { contactPersons } from "../employers/employers.schema";
import { organisations, portals, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";
import { messageAttachments, messageReads, messages, messageThreads } from "./messages.schema";

type Part = string | { data: Buffer; type: string; name: string };

async function multipart(fields: Record<string, Part | Part[]>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item === "string") form.append(key, item);
      else form.append(key, new Blob([new Uint8Array(item.data)], { type: item.type }), item.name);
    }
  }
  const body = new Response(form);
  return { data: Buffer.from(await body.arrayBuffer()), type: body.headers.get("content-type")! };
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);
const LONG =
  "Goedemiddag, wij zoeken voor de piekdrukte in december nog drie orderpickers met ervaring in een koelcel. " +
  "Kunnen jullie ons helpen? De diensten zijn van 06.00 tot 14.30 uur, ook op zaterdag. Geheim-woord-vertrouwelijk.";

describe.each(testDbKinds())("messages between contacts and the team on %s", (kind) => {
  let server: TestServer;
  let manager: Client; // accountmanager@: Gemeente Den Haag, account manager of Westland
  let admin: Client; // beheer@: org admin of Gemeente Den Haag (the same team)
  let employer: Client; // werkgever@: contact person of Westland
  let marieke: Client; // a contact person of Zorgcentrum De Duinen (same team, other employer)
  let rotterdam: Client; // an account manager of Gemeente Rotterdam (another team)
  let candidate: Client; // kandidaat@
  let westlandId: string;
  let duinenId: string;
  let seededThreadId: string;

  const host = (slug: string) => `${slug}.localhost:${server.port}`;
  const db = () => server.database.db;

  async function staffUser(
    id: string,
    name: string,
    email: string,
    role: "employer_contact" | "account_manager",
    organisationId: string,
  ) {
    await addDemoLikeAccount(db(), { id, name, email, role, organisationId });
  }

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const orgByName = async (name: string) =>
      (await db().select().from(organisations).where(eq(organisations.name, name)))[0]!.id;
    westlandId = await orgByName("Westland Logistiek B.V.");
    duinenId = await orgByName("Zorgcentrum De Duinen");
    const rotterdamId = await orgByName("Gemeente Rotterdam");
    await staffUser("test-marieke", "Marieke de Wit", "marieke@duinen.test", "employer_contact", duinenId);
    await db()
      .update(contactPersons)
      .set({ userId: "test-marieke" })
      .where(eq(contactPersons.name, "Marieke de Wit"));
    await staffUser(
      "test-rotterdam",
      "Ruud Rotterdam",
      "ruud@rotterdam.test",
      "account_manager",
      rotterdamId,
    );
    [{ id: seededThreadId }] = await db().select({ id: messageThreads.id }).from(messageThreads);

    manager = new Client(server, host("haaglanden"));
    admin = new Client(server, host("haaglanden"));
    employer = new Client(server, host("haaglanden"));
    marieke = new Client(server, host("haaglanden"));
    rotterdam = new Client(server);
    candidate = new Client(server, host("haaglanden"));
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(admin, "beheer@demo.werkbrug.test");
    await signIn(employer, "werkgever@demo.werkbrug.test");
    await signIn(marieke, "marieke@duinen.test");
    await signIn(rotterdam, "ruud@rotterdam.test");
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function send(
    client: Client,
    fields: Record<string, Part | Part[]>,
    path = "/api/v1/message-threads",
  ) {
    return client.call(path, { raw: await multipart(fields) });
  }
  async function sent(client: Client, fields: Record<string, Part | Part[]>, path?: string) {
    const res = await send(client, fields, path);
    expect(res.status, res.text).toBe(201);
    return res.json<SentMessageResponse>();
  }
  async function unread(client: Client) {
    const res = await client.call("/api/v1/messages/unread-count");
    expect(res.status, res.text).toBe(200);
    return res.json<UnreadCountResponse>().unread;
  }
  async function open(client: Client, id: string) {
    const res = await client.call(`/api/v1/messages/${id}`);
    expect(res.status, res.text).toBe(200);
    return res.json<MessageResponse>().message;
  }
  async function inbox(query = "") {
    const res = await manager.call(`/api/v1/messages/inbox${query}`);
    expect(res.status, res.text).toBe(200);
    return res.json<InboxResponse>();
  }
  const readsOf = async (messageId: string) =>
    (await db().select().from(messageReads).where(eq(messageReads.messageId, messageId))).map(
      (r) => r.userId,
    );
  const stored = async () => ({
    threads: await db().$count(messageThreads),
    messages: await db().$count(messages),
    attachments: await db().$count(messageAttachments),
  });

  it("starts from the demo thread with nothing unread on either side", async () => {
    expect(await unread(manager)).toBe(0);
    expect(await unread(employer)).toBe(0);
    const res = await employer.call("/api/v1/message-threads");
    const { threads } = res.json<ThreadListResponse>();
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({
      id: seededThreadId,
      messageCount: 2,
      unread: 0,
      subject: null,
      match: null,
    });
  });

  it("a contact's message arrives as new; the list, the thread and the preview do not mark it read, opening it in full does", async () => {
    const { threadId, message } = await sent(employer, { body: LONG });
    expect(threadId).toBe(seededThreadId);
    expect(message).toMatchObject({ body: LONG, authorSide: "contact", mine: true, read: false });
    expect(await readsOf(message.id)).toEqual([]);

    expect(await unread(manager)).toBe(1);
    expect(await unread(admin)).toBe(1);
    expect(await unread(employer)).toBe(0);

    const list = await inbox();
    const item = list.messages.find((m) => m.id === message.id)!;
    expect(item).toMatchObject({ unreadForMe: true, read: false, truncated: true });
    expect(item.preview.length).toBeLessThanOrEqual(140);
    expect(item).not.toHaveProperty("body");
    expect(JSON.stringify(list)).not.toContain("Geheim-woord-vertrouwelijk");
    expect(list.employers).toEqual([{ id: westlandId, name: "Westland Logistiek B.V." }]);

    const threads = (await manager.call("/api/v1/message-threads")).json<ThreadListResponse>().threads;
    expect(threads.find((t) => t.id === threadId)).toMatchObject({ unread: 1, messageCount: 3 });
    const thread = (await manager.call(`/api/v1/message-threads/${threadId}`)).json<{
      thread: ThreadDetail;
    }>().thread;
    expect(thread.messages.map((m) => m.unreadForMe)).toEqual([false, false, true]);
    expect(JSON.stringify(thread)).not.toContain("Geheim-woord-vertrouwelijk");

    // The author opening their own message does not make it read.
    expect((await open(employer, message.id)).read).toBe(false);
    expect(await readsOf(message.id)).toEqual([]);
    expect(await unread(manager)).toBe(1);

    const full = await open(manager, message.id);
    expect(full).toMatchObject({ body: LONG, read: true, unreadForMe: false, mine: false });
    expect(full.thread).toMatchObject({ employer: { id: westlandId }, contact: { name: "Wim van Westen" } });
    expect(await readsOf(message.id)).toEqual(["demo-accountmanager"]);
    // Read for the team: the org admin's count drops too, and opening again changes nothing.
    expect(await unread(manager)).toBe(0);
    expect(await unread(admin)).toBe(0);
    await open(admin, message.id);
    expect((await open(manager, message.id)).readAt).toBe(full.readAt);

    // A notice to the employer's account manager, without the message.
    await server.app.events.drain();
    const mails = await db()
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "accountmanager@demo.werkbrug.test"));
    const mail = mails.find((m) => m.subject.includes("Wim van Westen"))!;
    expect(mail.subject).toBe("Nieuw bericht van Wim van Westen (Westland Logistiek B.V.)");
    expect(mail.text).toContain("/berichten");
    expect(mail.text).not.toContain("Geheim-woord-vertrouwelijk");
    expect(mail.html).not.toContain("koelcel");
  });

  it("the team's reply reaches the contact as new, with a notice in the contact's language", async () => {
    await db()
      .update(contactPersons)
      .set({ language: "de" })
      .where(eq(contactPersons.userId, "demo-werkgever"));
    try {
      const { message } = await sent(
        manager,
        { body: "Wir haben drei Kandidaten für Sie. Vertraulich-xyz." },
        `/api/v1/message-threads/${seededThreadId}/messages`,
      );
      expect(message).toMatchObject({ authorSide: "team", authorName: "Fatima El Amrani" });
      expect(await unread(employer)).toBe(1);
      expect(await unread(manager)).toBe(0);
      const threads = (await employer.call("/api/v1/message-threads")).json<ThreadListResponse>().threads;
      expect(threads[0]).toMatchObject({
        id: seededThreadId,
        unread: 1,
        last: { id: message.id, unreadForMe: true },
      });
      await server.app.events.drain();
      const [mail] = await db()
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.to, "werkgever@demo.werkbrug.test")));
      expect(mail!.subject).toBe("Neue Nachricht von Gemeente Den Haag");
      expect(mail!.text).toContain("Bitte melden Sie sich an");
      expect(mail!.text).not.toContain("Vertraulich-xyz");
      expect((await open(employer, message.id)).read).toBe(true);
      expect(await unread(employer)).toBe(0);
      // The team opening its own message does not count as read.
      expect(await readsOf(message.id)).toEqual(["demo-werkgever"]);
    } finally {
      await db()
        .update(contactPersons)
        .set({ language: "nl" })
        .where(eq(contactPersons.userId, "demo-werkgever"));
    }
  });

  it("keeps attachments (PDF, PNG) and serves them as downloads; refuses other types (415), big files (413) and empty text (400)", async () => {
    const { message } = await sent(employer, {
      body: "Zie de bijlagen.",
      attachments: [
        { data: PDF, type: "application/pdf", name: "rooster december.pdf" },
        { data: PNG, type: "image/png", name: "plattegrond.png" },
      ],
    });
    // By name.
    expect(message.attachments.map((a) => [a.fileName, a.contentType, a.size])).toEqual([
      ["plattegrond.png", "image/png", PNG.length],
      ["rooster december.pdf", "application/pdf", PDF.length],
    ]);
    const pdf = message.attachments[1]!;
    const download = await manager.call(`/api/v1/messages/${message.id}/attachments/${pdf.id}`);
    expect(download.status).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.headers["content-disposition"]).toMatch(/^attachment; filename="rooster december.pdf"/);
    // Downloading is not opening the message.
    expect(await readsOf(message.id)).toEqual([]);

    const before = await stored();
    const exe = await send(employer, {
      body: "Hier is mijn cv.",
      attachments: { data: Buffer.from("MZ this is not a pdf"), type: "application/pdf", name: "cv.pdf" },
    });
    expect(exe.status).toBe(415);
    expect(exe.json<ErrorResponse>().error.fields?.[0]).toMatchObject({
      path: "attachments",
      message: "Alleen PDF, DOCX, JPG of PNG.",
    });
    const big = await send(employer, {
      body: "Groot bestand.",
      attachments: {
        data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]),
        type: "application/pdf",
        name: "groot.pdf",
      },
    });
    expect(big.status).toBe(413);
    const empty = await send(employer, { body: "   \n  " });
    expect(empty.status).toBe(400);
    expect(empty.json<ErrorResponse>().error.fields).toEqual([
      { path: "body", message: "Dit veld is verplicht." },
    ]);
    const english = await employer.call("/api/v1/message-threads", {
      body: { body: "" },
      headers: { "accept-language": "en" },
    });
    expect(english.status).toBe(400);
    expect(english.json<ErrorResponse>().error.fields?.[0]?.message).toBe("This field is required.");
    expect(await stored()).toEqual(before);
    // Other people's attachments stay out of reach.
    const other = await marieke.call(`/api/v1/messages/${message.id}/attachments/${pdf.id}`);
    expect(other.status).toBe(404);
  });

  it("a contact writes about a match they see, in a thread of its own; a match they do not see is refused", async () => {
    const vacancyOf = async (organisationId: string) =>
      (
        await db()
          .select({ id: vacancies.id, title: vacancies.displayTitle })
          .from(vacancies)
          .where(and(eq(vacancies.organisationId, organisationId), eq(vacancies.status, "published")))
          .orderBy(asc(vacancies.createdAt))
          .limit(1)
      )[0]!;
    const vacancy = await vacancyOf(westlandId);
    const otherVacancy = await vacancyOf(duinenId);
    const [haaglanden] = await db().select().from(portals).where(eq(portals.slug, "haaglanden"));
    const pool = await db()
      .select({ id: candidates.id, name: candidates.firstName, last: candidates.lastName })
      .from(candidates)
      .where(
        and(eq(candidates.portalId, haaglanden!.id), eq(candidates.visible, true), isNull(candidates.userId)),
      )
      .orderBy(asc(candidates.createdAt))
      .limit(2);
    const save = async (candidateId: string, vacancyId: string) => {
      const res = await manager.call(`/api/v1/candidates/${candidateId}/vacancies`, { body: { vacancyId } });
      expect(res.status, res.text).toBe(200);
      const list = await manager.call(`/api/v1/vacancies/${vacancyId}/matches`);
      const all = list
        .json<{ phases: { matches: { id: string; candidate: { id: string } }[] }[] }>()
        .phases.flatMap((p) => p.matches);
      return all.find((m) => m.candidate.id === candidateId)!.id;
    };
    const proposedId = await save(pool[0]!.id, vacancy.id);
    // A match of another employer: not one the Westland contact sees.
    const savedId = await save(pool[1]!.id, otherVacancy.id);
    const detail = (await manager.call(`/api/v1/matches/${proposedId}`)).json<{ match: MatchDetail }>().match;
    const proposed = detail.procedure.phases.find((p) => p.key === "proposed")!;
    const moved = await manager.call(`/api/v1/matches/${proposedId}/moves`, {
      body: { phaseId: proposed.id },
    });
    expect(moved.status, moved.text).toBe(200);

    const choices = (await employer.call("/api/v1/messages/matches")).json<MessageableMatchesResponse>()
      .matches;
    expect(choices.map((m) => m.id)).toContain(proposedId);
    expect(choices.map((m) => m.id)).not.toContain(savedId);

    const before = await stored();
    const hidden = await send(employer, { body: "Wat vindt u van deze kandidaat?", matchId: savedId });
    expect(hidden.status).toBe(404);
    expect(await stored()).toEqual(before);

    const first = await sent(employer, {
      body: "Kan deze kandidaat op dinsdag beginnen?",
      matchId: proposedId,
    });
    expect(first.threadId).not.toBe(seededThreadId);
    const name = `${pool[0]!.name} ${pool[0]!.last}`;
    expect(first.message.thread).toMatchObject({
      match: { id: proposedId, vacancyTitle: vacancy.title, candidateName: name },
      subject: `${vacancy.title} – ${name}`,
    });
    const second = await sent(employer, { body: "En op woensdag?", matchId: proposedId });
    expect(second.threadId).toBe(first.threadId);

    // The team answers in the contact's threads; it does not start one about a match.
    const byTeam = await send(manager, {
      body: "Over deze kandidaat…",
      matchId: proposedId,
      contactPersonId: first.message.thread.contact.id,
    });
    expect(byTeam.status).toBe(400);
  });

  it("refuses contacts of another team, threads and messages of another employer or team, and the inbox to contacts", async () => {
    const [klaus] = await db().select().from(contactPersons).where(eq(contactPersons.name, "Klaus Becker"));
    const [petra] = await db()
      .select()
      .from(contactPersons)
      .where(eq(contactPersons.name, "Petra Groenewegen"));
    const [wim] = await db().select().from(contactPersons).where(eq(contactPersons.userId, "demo-werkgever"));
    const [latest] = await db()
      .select()
      .from(messages)
      .where(eq(messages.threadId, seededThreadId))
      .orderBy(asc(messages.createdAt));
    const before = await stored();

    expect((await send(manager, { body: "Hallo", contactPersonId: klaus!.id })).status).toBe(404);
    expect((await send(rotterdam, { body: "Hallo", contactPersonId: wim!.id })).status).toBe(404);
    const noAccount = await send(manager, { body: "Hallo", contactPersonId: petra!.id });
    expect(noAccount.status).toBe(409);
    expect(noAccount.json<ErrorResponse>().error.message).toContain("geen toegang tot het portaal");
    expect((await send(manager, { body: "Hallo" })).status).toBe(400);

    for (const client of [rotterdam, marieke]) {
      expect((await client.call(`/api/v1/message-threads/${seededThreadId}`)).status).toBe(404);
      expect((await client.call(`/api/v1/messages/${latest!.id}`)).status).toBe(404);
      expect(
        (await send(client, { body: "Meelezen" }, `/api/v1/message-threads/${seededThreadId}/messages`))
          .status,
      ).toBe(404);
    }
    expect((await rotterdam.call("/api/v1/message-threads")).json<ThreadListResponse>().threads).toEqual([]);
    expect(await unread(rotterdam)).toBe(0);
    expect((await rotterdam.call("/api/v1/messages/inbox")).json<InboxResponse>().messages).toEqual([]);
    expect((await marieke.call("/api/v1/message-threads")).json<ThreadListResponse>().threads).toEqual([]);
    expect(await readsOf(latest!.id)).not.toContain("test-marieke");
    expect(await stored()).toEqual(before);

    expect((await employer.call("/api/v1/messages/inbox")).status).toBe(403);
    expect((await employer.call("/api/v1/messages/export.csv")).status).toBe(403);
    expect((await candidate.call("/api/v1/message-threads")).status).toBe(403);
    expect((await candidate.call("/api/v1/messages/unread-count")).status).toBe(403);
  });

  it("filters the team's inbox by unread, employer and date, and exports what the filter shows", async () => {
    const [mariekeRow] = await db()
      .select()
      .from(contactPersons)
      .where(eq(contactPersons.userId, "test-marieke"));
    const toDuinen = await sent(admin, { body: "Welkom in het portaal.", contactPersonId: mariekeRow!.id });
    expect(await unread(marieke)).toBe(1);
    const fromDuinen = await sent(
      marieke,
      { body: "Dank u wel!" },
      `/api/v1/message-threads/${toDuinen.threadId}/messages`,
    );
    expect(fromDuinen.threadId).toBe(toDuinen.threadId);

    const all = await inbox();
    expect(all.employers.map((e) => e.name)).toEqual(["Westland Logistiek B.V.", "Zorgcentrum De Duinen"]);
    const unreadOnly = await inbox("?unread=true");
    expect(unreadOnly.messages.length).toBeGreaterThan(0);
    expect(unreadOnly.messages.every((m) => m.unreadForMe && m.authorSide === "contact")).toBe(true);
    expect(unreadOnly.messages.length).toBe(await unread(manager));
    const duinen = await inbox(`?employerId=${duinenId}`);
    expect(duinen.messages.map((m) => m.id)).toEqual([fromDuinen.message.id, toDuinen.message.id]);
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(new Date());
    const seeded = all.messages.filter((m) => m.threadId === seededThreadId && m.createdAt < "2026-11-23");
    expect(seeded).toHaveLength(2);
    const untilDemo = await inbox("?to=2026-11-22");
    expect(untilDemo.messages.map((m) => m.id).sort()).toEqual(seeded.map((m) => m.id).sort());
    const fromToday = await inbox(`?from=${today}&to=${today}`);
    expect(fromToday.messages).toHaveLength(all.messages.length - 2);
    expect((await manager.call("/api/v1/messages/inbox?from=gisteren")).status).toBe(400);

    const csv = await manager.call(`/api/v1/messages/export.csv?employerId=${duinenId}`);
    expect(csv.status).toBe(200);
    expect(csv.headers["content-disposition"]).toMatch(/^attachment; filename="rpo-berichten-/);
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Datum;Werkgever;Contactpersoon;Onderwerp;Van;Status");
    // Times are the organisation's wall clock (Europe/Amsterdam in the demo), never UTC.
    const amsterdam = (iso: string) =>
      new Intl.DateTimeFormat("sv-SE", {
        timeZone: "Europe/Amsterdam",
        dateStyle: "short",
        timeStyle: "short",
      }).format(new Date(iso));
    expect(lines[1]?.split(";")[0]).toBe(amsterdam(fromDuinen.message.createdAt));
    expect(lines.slice(1).map((l) => l.split(";").slice(1))).toEqual([
      ["Zorgcentrum De Duinen", "Marieke de Wit", "Algemeen", "Marieke de Wit", "Nieuw"],
      ["Zorgcentrum De Duinen", "Marieke de Wit", "Algemeen", "Bram Beheerder", "Nieuw"],
    ]);
    await open(manager, fromDuinen.message.id);
    const xlsx = await manager.call(`/api/v1/messages/export.xlsx?employerId=${duinenId}`, {
      headers: { "accept-language": "en" },
    });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Date",
      "Employer",
      "Contact person",
      "Subject",
      "From",
      "Status",
    ]);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(6).value).toBe("Read");
    expect(sheet.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    // A spreadsheet has no time zone: the cell holds Amsterdam's wall clock as if it were UTC.
    const cell = sheet.getRow(2).getCell(1).value as Date;
    expect(cell.toISOString().slice(0, 16).replace("T", " ")).toBe(amsterdam(fromDuinen.message.createdAt));
    const rows = await db()
      .select({ n: count() })
      .from(messages)
      .where(eq(messages.threadId, toDuinen.threadId));
    expect(rows[0]!.n).toBe(2);
  });

  it("lists whom the team may start a message to: its employers' contacts with portal access; another team's employer is not found, contacts may not ask", async () => {
    const [wim] = await db().select().from(contactPersons).where(eq(contactPersons.userId, "demo-werkgever"));
    const [marieke] = await db()
      .select()
      .from(contactPersons)
      .where(eq(contactPersons.userId, "test-marieke"));
    const [petra] = await db()
      .select()
      .from(contactPersons)
      .where(eq(contactPersons.name, "Petra Groenewegen"));
    const [klaus] = await db().select().from(contactPersons).where(eq(contactPersons.name, "Klaus Becker"));

    const all = await manager.call("/api/v1/messages/recipients");
    expect(all.status).toBe(200);
    const employers = all.json<RecipientsResponse>().employers;
    const westland = employers.find((e) => e.id === westlandId);
    expect(westland?.contacts.map((c) => c.id)).toContain(wim!.id);
    expect(employers.flatMap((e) => e.contacts.map((c) => c.id))).not.toContain(petra!.id);
    expect(employers.find((e) => e.id === duinenId)?.contacts.map((c) => c.id)).toEqual([marieke!.id]);
    expect(employers.map((e) => e.id)).not.toContain(klaus!.organisationId);

    const one = await admin.call(`/api/v1/messages/recipients?employerId=${westlandId}`);
    expect(one.status).toBe(200);
    expect(one.json<RecipientsResponse>().employers).toEqual([westland]);

    expect(
      (await manager.call(`/api/v1/messages/recipients?employerId=${klaus!.organisationId}`)).status,
    ).toBe(404);
    expect((await rotterdam.call(`/api/v1/messages/recipients?employerId=${westlandId}`)).status).toBe(404);
    expect((await manager.call("/api/v1/messages/recipients?employerId=westland")).status).toBe(400);
    expect((await employer.call("/api/v1/messages/recipients")).status).toBe(403);
    expect((await candidate.call("/api/v1/messages/recipients")).status).toBe(403);

    // A deactivated account has no portal access: its contact person is no longer offered.
    await db().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, "test-marieke"));
    try {
      const after = (await manager.call("/api/v1/messages/recipients")).json<RecipientsResponse>().employers;
      expect(after.find((e) => e.id === duinenId)?.contacts ?? []).toEqual([]);
    } finally {
      await db().update(users).set({ deactivatedAt: null }).where(eq(users.id, "test-marieke"));
    }
  });
});
