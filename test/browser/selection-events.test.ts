import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  candidates,
  matches,
  selectionEvents,
  selectionInvitations,
  selectionSlots,
  vacancies,
} from "../../src/server/platform/schema";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import {
  browserJourney,
  expectAccessible,
  fieldLabel,
  heading,
  openPage,
  screenshot,
  signInAsDemoStaff,
  signInWithForm,
  skipBrowserTests,
} from "./support";

const OFFICER = "selectie@demo.werkbrug.test";
const KIM = "kandidaat@demo.werkbrug.test";
const VACANCY = "Beleidsmedewerker arbeidsmarkt";
const EVENT = "Jurygesprekken tweede ronde";
const DAY = 86_400_000;
/** A day from now as typed in a Dutch date field, and as stored. */
const typed = (n: number) => {
  const iso = new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
  const [y, m, d] = iso.split("-");
  return { typed: `${d}-${m}-${y}`, iso };
};

describe.skipIf(skipBrowserTests)("selection events in the browser", () => {
  const journey = browserJourney();
  const main = (page: Page) => page.getByRole("main");

  async function fillDay(scope: ReturnType<Page["getByRole"]>, label: string, value: string) {
    const input = scope.getByLabel(fieldLabel(label));
    await input.fill(value);
    await input.press("Tab");
  }

  let eventId = "";

  it("the officer plans an event with two sessions and invites the applicants", async () => {
    const { browser, server } = journey;
    const db = server.database.db;
    const [vacancy] = await db.select().from(vacancies).where(eq(vacancies.displayTitle, VACANCY));

    // The officer plans the event from the vacancy's page.
    const officer = await openPage(browser, "10.86.0.1", journey.pageErrors);
    await signInAsDemoStaff(officer, server.url, OFFICER);
    await officer.goto(`${server.url}/vacaturebeheer/${vacancy!.id}`);
    await expect.poll(() => heading(officer)).toBe(VACANCY);
    await main(officer).getByRole("link", { name: "Selectiemoment plannen" }).click();
    await expect.poll(() => heading(officer)).toBe("Selectiemoment plannen");

    const form = main(officer);
    await form.getByLabel(fieldLabel("Naam")).fill(EVENT);
    await form.getByLabel(fieldLabel("Plaats \\(adres\\)")).fill("Havenlaan 88, 1000 Brussel");
    await fillDay(form, "Inschrijven tot \\(datum\\)", typed(7).typed);
    const first = form.getByRole("group", { name: "Sessie 1" });
    await fillDay(first, "Datum", typed(14).typed);
    await first.getByRole("button", { name: "Onderdeel toevoegen" }).click();
    await first.getByLabel(fieldLabel("Begin onderdeel 2")).fill("10:00");
    await first.getByLabel(fieldLabel("Einde onderdeel 2")).fill("10:45");
    await form.getByRole("button", { name: "Sessie toevoegen" }).click();
    const second = form.getByRole("group", { name: "Sessie 2" });
    await fillDay(second, "Datum", typed(15).typed);
    await second.getByLabel(fieldLabel("Begin")).fill("13:00");
    await second.getByLabel(fieldLabel("Einde")).fill("16:00");
    await second.getByLabel(fieldLabel("Begin onderdeel 1")).fill("13:00");
    await second.getByLabel(fieldLabel("Einde onderdeel 1")).fill("13:45");
    await expectAccessible(officer, "planning a selection event");
    await screenshot(officer, "selection-events-plan");
    await form.getByRole("button", { name: "Selectiemoment plannen" }).click();

    await expect.poll(() => heading(officer)).toBe("Selectiemoment");
    await main(officer).getByRole("heading", { name: EVENT }).waitFor({ state: "visible" });
    const [event] = await db.select().from(selectionEvents).where(eq(selectionEvents.name, EVENT));
    expect(event).toBeDefined();
    expect(await db.select().from(selectionSlots).where(eq(selectionSlots.eventId, event!.id))).toHaveLength(
      3,
    );

    // Invite the applicants who are still in "Ingediend" (Kim among them) and "Geslaagd preselectie".
    const invite = main(officer).getByRole("region", { name: "Sollicitanten uitnodigen" });
    await invite.getByRole("checkbox", { name: /^Ingediend/ }).check();
    await invite.getByRole("checkbox", { name: /^Geslaagd preselectie/ }).check();
    await invite.getByRole("button", { name: "Uitnodigen" }).click();
    await invite
      .getByRole("status")
      .filter({ hasText: /sollicitant(en)? uitgenodigd/ })
      .waitFor();
    await main(officer).getByRole("cell", { name: "Kim de Kandidaat" }).waitFor({ state: "visible" });
    await expectAccessible(officer, "a selection event with its invitations");
    await screenshot(officer, "selection-events-event");
    eventId = event!.id;
  });

  it("the officer's overview lists the event with its bookings and the private calendar feed", async () => {
    const { browser, server } = journey;
    const officer = await openPage(browser, "10.86.0.3", journey.pageErrors);
    await signInAsDemoStaff(officer, server.url, OFFICER);
    await officer.goto(`${server.url}/selectiemomenten`);
    await expect.poll(() => heading(officer)).toBe("Selectiemomenten");
    await main(officer).getByRole("link", { name: EVENT }).waitFor({ state: "visible" });
    const feed = main(officer).getByRole("region", { name: "Agenda-abonnement" });
    await feed.getByRole("button", { name: "Privé-link maken" }).click();
    await expect
      .poll(async () => (await feed.getByTestId("feed-url").textContent()) ?? "")
      .toMatch(/\/feeds\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await expectAccessible(officer, "the overview of selection events");
    await screenshot(officer, "selection-events-overview");
  });

  it("Kim books a slot from her applications and then changes it", async () => {
    const { browser, server } = journey;
    const db = server.database.db;
    expect(eventId, "the officer planned the event").not.toBe("");

    // Kim finds the invitation on her applications, books the first slot, then changes it.
    const kim = await openPage(browser, "10.86.0.2", journey.pageErrors);
    await signInWithForm(kim, server.url, { email: KIM, password: DEMO_PASSWORD });
    await kim.getByRole("button", { name: /Accountmenu van|Account menu of/ }).waitFor({ state: "visible" });
    await kim.goto(`${server.url}/sollicitaties`);
    const mine = main(kim).getByRole("region", { name: "Mijn selectiemomenten" });
    await mine.waitFor({ state: "visible" });
    const [kimInvitation] = await db
      .select({ id: selectionInvitations.id })
      .from(selectionInvitations)
      .innerJoin(matches, eq(matches.id, selectionInvitations.matchId))
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .where(and(eq(selectionInvitations.eventId, eventId), eq(candidates.userId, "demo-kandidaat")));
    await mine.locator(`a[href="/selectiemomenten/inschrijven/${kimInvitation!.id}"]`).click();
    await expect.poll(() => heading(kim)).toBe("Inschrijven voor een selectiemoment");
    await main(kim)
      .getByRole("radio", { name: /^09:00–09:45/ })
      .check();
    await expectAccessible(kim, "choosing a slot");
    await main(kim).getByRole("button", { name: "Inschrijven", exact: true }).click();
    await main(kim).getByRole("status").filter({ hasText: "Je bent ingeschreven" }).waitFor();
    const slotOf = async () =>
      (
        await db.select().from(selectionInvitations).where(eq(selectionInvitations.id, kimInvitation!.id))
      )[0]!;
    const booked = await slotOf();
    expect(booked.slotId).not.toBeNull();

    await main(kim)
      .getByRole("radio", { name: /^13:00–13:45/ })
      .check();
    await main(kim).getByRole("button", { name: "Inschrijving wijzigen" }).click();
    await expect.poll(async () => (await slotOf()).sequence).toBe(booked.sequence + 1);
    const changed = await slotOf();
    expect(changed.slotId).not.toBe(booked.slotId);
    await main(kim)
      .getByRole("radio", { name: /^13:00–13:45 · jouw inschrijving/ })
      .waitFor();
    await expectAccessible(kim, "a changed booking");
    await screenshot(kim, "selection-events-booking");

    expect(journey.pageErrors).toEqual([]);
  });
});
