import type { Site, SitePerson } from "../../../contracts/sites";
import { getPlace } from "../taxonomy";
import type { SiteListRow, SitePersonRow } from "./sites.repository";

export function presentPerson(row: SitePersonRow): SitePerson {
  return { id: row.id, name: row.name, email: row.email };
}

export function presentSite({ site, staff, vacancyCount }: SiteListRow): Site {
  const place = site.placeId ? getPlace(site.placeId) : undefined;
  return {
    id: site.id,
    organisationId: site.organisationId,
    name: site.name,
    street: site.street,
    houseNumber: site.houseNumber,
    postcode: site.postcode,
    city: site.city,
    place: site.placeId ? { id: site.placeId, name: place?.name ?? site.city } : null,
    lat: site.lat,
    lon: site.lon,
    active: site.deactivatedAt === null,
    staff: staff.map(presentPerson),
    vacancyCount: Number(vacancyCount),
  };
}
