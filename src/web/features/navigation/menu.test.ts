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

  it("shows the most capable role's menu", () => {
    expect(menuRole(null)).toBe("anonymous");
    expect(menuRole([])).toBe("candidate");
    expect(menuRole(["candidate", "account_manager"])).toBe("account_manager");
  });

  it("highlights the deepest matching item", () => {
    const items = MENU_BY_ROLE.anonymous;
    expect(activeMenuHref(items, "/")).toBe("/");
    expect(activeMenuHref(items, "/vacatures/123")).toBe("/vacatures");
    expect(activeMenuHref(items, "/vacatures-oud")).toBeNull();
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
