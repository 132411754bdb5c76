import type { Page } from "playwright-core";
import { expect } from "vitest";
import { fieldLabel, heading } from "./support";

/**
 * Reusable steps of the platform administration (issue 17 part 2) on a page signed in as the
 * platform admin: the first-run journey creates its portal and municipality with them too.
 */

/** "Portalen" > "Nieuw portaal": creates a portal and waits on its own page; answers its address. */
export async function createPortalInBrowser(
  page: Page,
  base: string,
  portal: { slug: string; nameNl: string; nameEn: string; colour?: string },
): Promise<{ url: string }> {
  const main = page.getByRole("main");
  await page.goto(`${base}/portalen`);
  expect(await heading(page)).toBe("Portalen");
  await main.getByRole("link", { name: "Nieuw portaal" }).click();
  expect(await heading(page)).toBe("Nieuw portaal");
  await main.getByRole("textbox", { name: fieldLabel("Subdomein") }).fill(portal.slug);
  await main.getByRole("textbox", { name: fieldLabel("Naam \\(Nederlands\\)") }).fill(portal.nameNl);
  await main.getByRole("textbox", { name: fieldLabel("Naam \\(Engels\\)") }).fill(portal.nameEn);
  if (portal.colour) await main.getByRole("textbox", { name: fieldLabel("Kleur") }).fill(portal.colour);
  await main.getByRole("button", { name: "Portaal aanmaken" }).click();
  const notice = main.getByRole("status").filter({ hasText: "Het portaal is aangemaakt" });
  await notice.waitFor({ state: "visible" });
  expect(await heading(page)).toBe("Portaal");
  const url = /staat op (\S+)\.$/.exec((await notice.textContent()) ?? "")?.[1] ?? "";
  return { url };
}

/**
 * "Organisaties": creates a top organisation of a kind on a portal, then invites its first
 * administrator by e-mail; waits for both confirmations.
 */
export async function createOrganisationAndInviteAdmin(
  page: Page,
  base: string,
  organisation: { name: string; kind: string; portal: string; kvkNumber?: string; adminEmail: string },
): Promise<void> {
  const main = page.getByRole("main");
  await page.goto(`${base}/organisaties`);
  expect(await heading(page)).toBe("Organisaties");
  await main.getByRole("button", { name: "Nieuwe organisatie" }).click();
  const create = page.getByRole("dialog", { name: "Nieuwe organisatie" });
  await create.getByRole("textbox", { name: fieldLabel("Naam") }).fill(organisation.name);
  await create
    .getByRole("combobox", { name: fieldLabel("Soort") })
    .selectOption({ label: organisation.kind });
  if (organisation.kvkNumber)
    await create.getByRole("textbox", { name: fieldLabel("KvK-nummer") }).fill(organisation.kvkNumber);
  await create
    .getByRole("combobox", { name: fieldLabel("Portaal") })
    .selectOption({ label: organisation.portal });
  await create.getByRole("button", { name: "Aanmaken" }).click();
  await main
    .getByRole("status")
    .filter({ hasText: `${organisation.name} is aangemaakt.` })
    .waitFor();

  await main.getByRole("button", { name: `Acties voor ${organisation.name}` }).click();
  await page.getByRole("menuitem", { name: "Beheerder uitnodigen" }).click();
  const invite = page.getByRole("dialog", { name: `Beheerder uitnodigen voor ${organisation.name}` });
  await invite
    .getByRole("textbox", { name: fieldLabel("E-mailadres van de beheerder") })
    .fill(organisation.adminEmail);
  await invite.getByRole("button", { name: "Uitnodiging versturen" }).click();
  await main
    .getByRole("status")
    .filter({
      hasText: `De uitnodiging voor ${organisation.adminEmail} als beheerder van ${organisation.name}`,
    })
    .waitFor();
}
