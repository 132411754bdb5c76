import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROLES } from "../../../contracts/tenancy";
import { activeMenuHref, hasBothSides, MENU_BY_ROLE, menuRole, menuRoleOnSide } from "./menu";

describe("main menu", () => {
  it("has a menu for every role and for visitors, each starting at Home", () => {
    for (const role of [...ROLES, "anonymous"] as const) {
      expect(MENU_BY_ROLE[role][0]?.href, role).toBe("/");
    }
  });

  it("gives visitors the public items and staff the explorer", () => {
    expect(MENU_BY_ROLE.anonymous.map((i) => i.href)).toEqual([
      "/",
      "/vacatures",
      "/voor-werkgevers",
      "/over",
    ]);
    expect(MENU_BY_ROLE.account_manager.map((i) => i.key)).toEqual(
      expect.arrayContaining(["candidates", "favourites", "vacancies", "employers", "settings"]),
    );
  });

  it("leads every role only to pages that exist: each item is a route of the app or the server's job board", () => {
    const router = readFileSync(new URL("../../router.tsx", import.meta.url), "utf8");
    const routes = new Set([...router.matchAll(/path: "([^"]+)"/g)].map((m) => m[1]));
    for (const [role, items] of Object.entries(MENU_BY_ROLE)) {
      for (const item of items) {
        if (item.external) {
          expect(item.href, role).toBe("/vacatures");
          continue;
        }
        const path = item.href.split("?")[0] ?? "";
        expect(routes.has(path), `${role}: ${item.key} -> ${item.href}`).toBe(true);
      }
    }
  });

  it("shows the most capable role's menu", () => {
    expect(menuRole(null)).toBe("anonymous");
    expect(menuRole([])).toBe("candidate");
    expect(menuRole(["candidate", "account_manager"])).toBe("account_manager");
  });

  it("sends each side to its own vacancies: staff to the overview, candidates to the kansen, visitors to the server's job board", () => {
    const vacanciesOf = (role: keyof typeof MENU_BY_ROLE) =>
      MENU_BY_ROLE[role].find((i) => i.key === "vacancies");
    for (const role of [
      "account_manager",
      "org_admin",
      "employer_contact",
      "hr_officer",
      "selection_officer",
      "platform_admin",
    ] as const) {
      expect(vacanciesOf(role)?.href, role).toBe("/vacaturebeheer");
      expect(vacanciesOf(role)?.external, role).toBeFalsy();
    }
    expect(vacanciesOf("candidate")?.href).toBe("/kansen");
    expect(vacanciesOf("anonymous")).toMatchObject({ href: "/vacatures", external: true });
    expect(MENU_BY_ROLE.hr_officer.find((i) => i.key === "vacancyRequests")?.href).toBe(
      "/vacature-aanvragen",
    );
    expect(MENU_BY_ROLE.candidate.find((i) => i.key === "applications")?.href).toBe("/sollicitaties");
  });

  it("highlights the deepest matching item", () => {
    const items = MENU_BY_ROLE.account_manager;
    expect(activeMenuHref(items, "/")).toBe("/");
    expect(activeMenuHref(items, "/vacaturebeheer/123")).toBe("/vacaturebeheer");
    expect(activeMenuHref(items, "/vacaturebeheer-oud")).toBeNull();
    const hr = MENU_BY_ROLE.hr_officer;
    expect(activeMenuHref(hr, "/vacature-aanvragen")).toBe("/vacature-aanvragen");
    expect(activeMenuHref(hr, "/vacaturebeheer/123/bewerken")).toBe("/vacaturebeheer");
  });

  it("never marks a server page as the app's current page", () => {
    expect(activeMenuHref(MENU_BY_ROLE.anonymous, "/vacatures")).toBeNull();
    expect(activeMenuHref(MENU_BY_ROLE.anonymous, "/vacatures/123")).toBeNull();
  });
});

describe("candidate and employer side", () => {
  it("switches only people who are a candidate and staff", () => {
    expect(hasBothSides(["candidate"])).toBe(false);
    expect(hasBothSides(["employer_contact"])).toBe(false);
    expect(hasBothSides(["employer_contact", "candidate"])).toBe(true);
    expect(menuRoleOnSide(["employer_contact", "candidate"], "candidate")).toBe("candidate");
    expect(menuRoleOnSide(["employer_contact", "candidate"], "employer")).toBe("employer_contact");
    expect(menuRoleOnSide(["employer_contact"], "candidate")).toBe("employer_contact");
  });
});
