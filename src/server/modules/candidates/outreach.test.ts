import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type {
  CandidateMessage,
  ContactHistoryResponse,
  FavouritesResponse,
  SavedVacancy,
} from "../../../contracts/candidates";
import type {
  CandidateOnVacancy,
  CandidateVacancyListResponse,
  VacancyListResponse,
} from "../../../contracts/vacancies";
import { mailOutbox } from "../../platform/mail.schema";
import { candidates } from "./candidates.schema";

describe.each(testDbKinds())("approaching candidates and saved vacancies on %s", (kind) => {
  let server: TestServer;
  let manager: Client;
  let candidate: Client;
  let kimId: string;

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const host = `haaglanden.localhost:${server.port}`;
    manager = new Client(server, host);
    candidate = new Client(server, host);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
    const [kim] = await server.database.db
      .select()
      .from(candidates)
      .where(eq(candidates.userId, "demo-kandidaat"));
    kimId = kim!.id;
    const visible = await candidate.call("/api/v1/candidates/me/visibility", {
      method: "PUT",
      body: { portal: "haaglanden", visible: true },
    });
    expect(visible.status, visible.text).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it("delivers a staff member's message to the candidate's inbox and mail without sharing the address", async () => {
    const sent = await manager.call(`/api/v1/candidates/${kimId}/approach`, {
      body: {
        subject: "Vacature bij Westland Logistiek",
        message: "Hoi Kim, ik denk dat deze baan bij je past.",
      },
    });
    expect(sent.status, sent.text).toBe(201);
    expect(sent.json<{ message: CandidateMessage }>().message).toMatchObject({
      sender: { name: "Fatima El Amrani", organisation: "Gemeente Den Haag" },
      readAt: null,
    });
    await server.app.events.drain();
    const [mail] = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "kandidaat@demo.werkbrug.test"));
    expect(mail!.subject).toBe("Gemeente Den Haag: Vacature bij Westland Logistiek");
    expect(mail!.text).toContain("ik denk dat deze baan bij je past");
    expect(mail!.text).toContain(`http://haaglanden.localhost:${server.port}/berichten`);

    const inbox = (await candidate.call("/api/v1/candidates/me/messages")).json<{
      messages: CandidateMessage[];
      unread: number;
    }>();
    expect(inbox.unread).toBe(1);
    const message = inbox.messages[0]!;
    expect(message.subject).toBe("Vacature bij Westland Logistiek");
    const read = await candidate.call(`/api/v1/candidates/me/messages/${message.id}/read`, {
      method: "POST",
    });
    expect(read.json<{ message: CandidateMessage }>().message.readAt).not.toBeNull();
    expect((await candidate.call("/api/v1/candidates/me/messages")).json<{ unread: number }>().unread).toBe(
      0,
    );
  });

  it("refuses empty messages, candidates approaching, and approaching a hidden candidate", async () => {
    const empty = await manager.call(`/api/v1/candidates/${kimId}/approach`, {
      body: { subject: "", message: "" },
      headers: { "accept-language": "en" },
    });
    expect(empty.status).toBe(400);
    expect(
      empty
        .json<{ error: { fields: { path: string }[] } }>()
        .error.fields.map((f) => f.path)
        .sort(),
    ).toEqual(["message", "subject"]);
    expect(
      (
        await candidate.call(`/api/v1/candidates/${kimId}/approach`, {
          body: { subject: "Hoi", message: "Hallo" },
        })
      ).status,
    ).toBe(403);
    await candidate.call("/api/v1/candidates/me/visibility", {
      method: "PUT",
      body: { portal: "haaglanden", visible: false },
    });
    try {
      const hidden = await manager.call(`/api/v1/candidates/${kimId}/approach`, {
        body: { subject: "Nog een vraag", message: "Ben je nog beschikbaar?" },
      });
      expect(hidden.status).toBe(404);
    } finally {
      await candidate.call("/api/v1/candidates/me/visibility", {
        method: "PUT",
        body: { portal: "haaglanden", visible: true },
      });
    }
  });

  it("saves a vacancy the candidate can see, lists it as open, and forgets it", async () => {
    const list = (
      await candidate.call("/api/v1/vacancies/for-candidate")
    ).json<CandidateVacancyListResponse>();
    const vacancy = list.vacancies[0]!;
    expect(
      (await candidate.call(`/api/v1/candidates/me/saved-vacancies/${vacancy.id}`, { method: "PUT" })).status,
    ).toBe(204);
    // Saving twice keeps one.
    await candidate.call(`/api/v1/candidates/me/saved-vacancies/${vacancy.id}`, { method: "PUT" });
    const saved = (await candidate.call("/api/v1/candidates/me/saved-vacancies")).json<{
      saved: SavedVacancy[];
    }>().saved;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ vacancyId: vacancy.id, displayTitle: vacancy.displayTitle, open: true });
    const unknown = await candidate.call(
      "/api/v1/candidates/me/saved-vacancies/00000000-0000-4000-8000-000000000000",
      {
        method: "PUT",
      },
    );
    expect(unknown.status).toBe(404);
    expect(
      (await candidate.call(`/api/v1/candidates/me/saved-vacancies/${vacancy.id}`, { method: "DELETE" }))
        .status,
    ).toBe(204);
    expect(
      (await candidate.call("/api/v1/candidates/me/saved-vacancies")).json<{ saved: SavedVacancy[] }>().saved,
    ).toEqual([]);
  });

  it("keeps favourites private to each staff member and lists them with the team's work", async () => {
    expect((await manager.call(`/api/v1/candidates/${kimId}/favourite`, { method: "PUT" })).status).toBe(200);
    expect((await manager.call(`/api/v1/candidates/${kimId}/favourite`)).json()).toEqual({ favourite: true });
    const mine = (
      await manager.call("/api/v1/candidates/favourites?sort=name&order=asc")
    ).json<FavouritesResponse>();
    expect(mine.favourites).toHaveLength(1);
    // The demo team saved Kim on the Westland vacancy she was hired on (seed/placements.ts).
    expect(mine.favourites[0]).toMatchObject({ candidateId: kimId, savedCount: 1, proposedCount: 0 });
    const colleague = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(colleague, "beheer@demo.werkbrug.test");
    expect((await colleague.call("/api/v1/candidates/favourites")).json<FavouritesResponse>().total).toBe(0);
    expect((await candidate.call("/api/v1/candidates/favourites")).status).toBe(403);
    const unknown = await manager.call("/api/v1/candidates/00000000-0000-4000-8000-000000000000/favourite", {
      method: "PUT",
    });
    expect(unknown.status).toBe(404);
    expect(
      (await manager.call(`/api/v1/candidates/${kimId}/favourite`, { method: "DELETE" })).json(),
    ).toEqual({
      favourite: false,
    });
    expect((await manager.call("/api/v1/candidates/favourites")).json<FavouritesResponse>().total).toBe(0);
  });

  it("lists the candidates whose contact details I requested, last viewed first", async () => {
    await manager.call(`/api/v1/candidates/${kimId}/contact-details`);
    await manager.call(`/api/v1/candidates/${kimId}/contact-details`);
    const history = (await manager.call("/api/v1/candidates/history")).json<ContactHistoryResponse>();
    expect(history.history[0]).toMatchObject({ candidateId: kimId, views: 2 });
    const colleague = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(colleague, "beheer@demo.werkbrug.test");
    expect((await colleague.call("/api/v1/candidates/history")).json<ContactHistoryResponse>().total).toBe(0);
  });

  it("saves a candidate on a vacancy for the team, shows who and when, and takes them off again", async () => {
    const mine = (await manager.call("/api/v1/vacancies?accountManager=mine")).json<VacancyListResponse>();
    const vacancy = mine.vacancies[0]!;
    const saved = await manager.call(`/api/v1/candidates/${kimId}/vacancies`, {
      body: { vacancyId: vacancy.id },
    });
    expect(saved.status, saved.text).toBe(200);
    await manager.call(`/api/v1/candidates/${kimId}/vacancies`, { body: { vacancyId: vacancy.id } });
    const list = saved.json<{ vacancies: CandidateOnVacancy[] }>().vacancies;
    expect(list.filter((v) => v.vacancyId === vacancy.id)).toEqual([
      expect.objectContaining({ source: "saved", addedBy: "Fatima El Amrani", proposed: false }),
    ]);
    const again = (await manager.call(`/api/v1/candidates/${kimId}/vacancies`)).json<{
      vacancies: CandidateOnVacancy[];
    }>();
    expect(again.vacancies.filter((v) => v.vacancyId === vacancy.id)).toHaveLength(1);
    const staffVacancy = (await manager.call(`/api/v1/vacancies/${vacancy.id}`)).json<{
      vacancy: { counts: { saved: number } };
    }>();
    expect(staffVacancy.vacancy.counts.saved).toBe(1);
    const unknown = await manager.call(`/api/v1/candidates/${kimId}/vacancies`, {
      body: { vacancyId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(unknown.status).toBe(404);
    const off = await manager.call(`/api/v1/candidates/${kimId}/vacancies/${vacancy.id}`, {
      method: "DELETE",
    });
    expect(
      off.json<{ vacancies: CandidateOnVacancy[] }>().vacancies.some((v) => v.vacancyId === vacancy.id),
    ).toBe(false);
  });
});
