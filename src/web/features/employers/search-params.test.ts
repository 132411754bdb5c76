import { describe, expect, it } from "vitest";
import {
  activeEmployerFilterCount,
  clearEmployerFilters,
  EmployerSearchSchema,
  managerMode,
  splitContacts,
  toEmployerQuery,
  toggleEmployerSort,
  withEmployerFilter,
} from "./search-params";

describe("the employers overview's address bar", () => {
  it("keeps valid values and drops anything malformed", () => {
    expect(
      EmployerSearchSchema.parse({
        q: "  zonnegloed ",
        accountManager: "mine",
        archive: "deleted",
        sort: "contacts",
        order: "sideways",
        page: "3",
      }),
    ).toEqual({
      q: "zonnegloed",
      accountManager: "mine",
      archive: undefined,
      sort: "contacts",
      order: undefined,
      page: 3,
    });
    expect(EmployerSearchSchema.parse({ page: "-1", accountManager: "" })).toEqual({
      q: undefined,
      accountManager: undefined,
      archive: undefined,
      sort: undefined,
      order: undefined,
      page: undefined,
    });
  });

  it("keeps defaults out of the address and starts a new filter at page 1", () => {
    expect(withEmployerFilter({ q: "kwekerij", page: 4, sort: "location" }, { archive: "archived" })).toEqual(
      { q: "kwekerij", sort: "location", archive: "archived" },
    );
    expect(withEmployerFilter({ archive: "archived" }, { archive: "active", accountManager: "all" })).toEqual(
      {},
    );
  });

  it("counts the filters that differ from their default and clears only those", () => {
    expect(activeEmployerFilterCount({})).toBe(0);
    expect(activeEmployerFilterCount({ accountManager: "all", archive: "active" })).toBe(0);
    expect(activeEmployerFilterCount({ accountManager: "none", archive: "archived", q: "x" })).toBe(2);
    expect(
      clearEmployerFilters({ q: "x", accountManager: "mine", archive: "archived", sort: "name", page: 2 }),
    ).toEqual({ q: "x" });
  });

  it("sorts A-Z on a new column and reverses on the sorted one", () => {
    expect(toggleEmployerSort({}, "name")).toEqual({ order: "desc" });
    expect(toggleEmployerSort({ order: "desc" }, "name")).toEqual({});
    expect(toggleEmployerSort({ page: 2 }, "accountManager")).toEqual({ sort: "accountManager" });
  });

  it("tells the account manager filter's mode from its value", () => {
    expect(managerMode(undefined)).toBe("all");
    expect(managerMode("all")).toBe("all");
    expect(managerMode("mine")).toBe("mine");
    expect(managerMode("none")).toBe("none");
    expect(managerMode("user-123")).toBe("specific");
  });

  it("asks the API only for what is not its default", () => {
    expect(toEmployerQuery({ accountManager: "all", archive: "archived", page: 1 })).toEqual({
      q: undefined,
      accountManager: undefined,
      archive: "archived",
      sort: undefined,
      order: undefined,
      page: undefined,
    });
  });

  it("splits the contact names into the first and the rest behind the badge", () => {
    expect(splitContacts(["Paul", "Anna", "Bert"])).toEqual({ first: "Paul", others: ["Anna", "Bert"] });
    expect(splitContacts([])).toEqual({ first: null, others: [] });
  });
});
