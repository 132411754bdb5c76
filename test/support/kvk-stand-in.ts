import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the KvK APIs (developers.kvk.nl) with a small fixed, fictional dataset:
 *
 *   GET /api/v2/zoeken?naam=&plaats=&kvkNummer=&pagina=&resultatenPerPagina=   (Zoeken v2)
 *   GET /api/v1/basisprofielen/{kvkNummer}?geoData=false                      (Basisprofiel v1)
 *
 * Both want the `apikey` header; a wrong or missing key gets 401 with KvK's error shape
 * `{ fout: [{ code, omschrijving }] }` (the code of that 401 is not in KvK's public documentation;
 * clients should go by the status). A search without results is 404 with code IPD5200, an
 * unknown KvK number 404 with IPD0005, an invalid one 400 with IPD0004, as the real API answers.
 * Search matches `naam` as a case-insensitive part of the name, `plaats` as the whole place name,
 * `kvkNummer` exactly.
 *
 * The dataset has a B.V. with a head office and a branch (legal-entity, head-office and branch rows
 * in Zoeken), a stichting with trade names and several activities, a holding without an
 * establishment whose search row lacks postcode and house number (as the real Zoeken often does)
 * and whose profile only has a postbus address, and a one-man business with an accented name.
 */

export interface KvkRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  apikey: string | undefined;
}

export interface KvkStandIn {
  /** Base URL to give as KVK_API_URL, e.g. http://127.0.0.1:PORT (no trailing slash, no /api). */
  url: string;
  apiKey: string;
  /** Every request that reached the stand-in, oldest first. */
  requests: KvkRequest[];
  /** The next `count` requests answer `status` (default 500) with a KvK error body. */
  failNext(count: number, status?: number): void;
  /** The next `count` requests get no answer for `ms` milliseconds (then the normal one). */
  stallNext(count: number, ms: number): void;
  /** The next request answers 200 with a body that is not JSON ("html") or JSON in the wrong shape. */
  malformedNext(kind: "html" | "wrong-shape"): void;
  close(): Promise<void>;
}

interface Address {
  type: "bezoekadres" | "postadres";
  straatnaam?: string;
  huisnummer?: number;
  huisletter?: string;
  huisnummerToevoeging?: string;
  postbusnummer?: number;
  postcode?: string;
  plaats: string;
}

interface Establishment {
  vestigingsnummer: string;
  eersteHandelsnaam: string;
  adres: Address;
  websites: string[];
}

interface Company {
  kvkNummer: string;
  naam: string;
  rechtsvorm: string;
  /** Legal entities (B.V., stichting) have a legal-entity row in Zoeken besides their establishments. */
  rechtspersoon: boolean;
  handelsnamen: string[];
  sbi: { sbiCode: string; sbiOmschrijving: string; indHoofdactiviteit: "Ja" | "Nee" }[];
  hoofdvestiging: Establishment | null;
  nevenvestigingen: Establishment[];
  /** The owner's address when there is no establishment. */
  eigenaarAdres?: Address;
  /** Leave postcode and house number out of the Zoeken rows (the real API does unless searched on). */
  shortSearchAddress?: boolean;
}

export const KVK_STAND_IN_COMPANIES: readonly Company[] = [
  {
    kvkNummer: "27412345",
    naam: "Bakkerij Van Vliet B.V.",
    rechtsvorm: "Besloten Vennootschap",
    rechtspersoon: true,
    handelsnamen: ["Bakkerij Van Vliet B.V.", "Bakkerij Van Vliet", "Van Vliet Brood & Banket"],
    sbi: [
      {
        sbiCode: "4724",
        sbiOmschrijving: "Winkels in brood, banket, chocolade en suikerwerk",
        indHoofdactiviteit: "Nee",
      },
      {
        sbiCode: "10712",
        sbiOmschrijving: "Ambachtelijke brood- en banketbakkerijen",
        indHoofdactiviteit: "Ja",
      },
    ],
    hoofdvestiging: {
      vestigingsnummer: "000027412345",
      eersteHandelsnaam: "Bakkerij Van Vliet",
      adres: {
        type: "bezoekadres",
        straatnaam: "Voldersgracht",
        huisnummer: 17,
        postcode: "2611EV",
        plaats: "Delft",
      },
      websites: ["www.bakkerijvanvliet.nl"],
    },
    nevenvestigingen: [
      {
        vestigingsnummer: "000027412353",
        eersteHandelsnaam: "Bakkerij Van Vliet",
        adres: {
          type: "bezoekadres",
          straatnaam: "Herenstraat",
          huisnummer: 44,
          postcode: "2282BW",
          plaats: "Rijswijk",
        },
        websites: [],
      },
    ],
  },
  {
    kvkNummer: "24123456",
    naam: "Transportbedrijf Verbeek & Zn. B.V.",
    rechtsvorm: "Besloten Vennootschap",
    rechtspersoon: true,
    handelsnamen: ["Transportbedrijf Verbeek & Zn. B.V.", "Verbeek Logistics"],
    sbi: [
      {
        sbiCode: "4941",
        sbiOmschrijving: "Goederenvervoer over de weg (geen verhuizingen)",
        indHoofdactiviteit: "Ja",
      },
      {
        sbiCode: "5229",
        sbiOmschrijving: "Expediteurs, cargadoors, bevrachters en andere logistieke dienstverlening",
        indHoofdactiviteit: "Nee",
      },
    ],
    hoofdvestiging: {
      vestigingsnummer: "000024123456",
      eersteHandelsnaam: "Transportbedrijf Verbeek & Zn.",
      adres: {
        type: "bezoekadres",
        straatnaam: "Reeweg",
        huisnummer: 12,
        huisletter: "A",
        huisnummerToevoeging: "2",
        postcode: "3088GK",
        plaats: "Rotterdam",
      },
      websites: ["https://www.verbeek-transport.nl"],
    },
    nevenvestigingen: [],
  },
  {
    kvkNummer: "24654321",
    naam: "Verbeek Holding B.V.",
    rechtsvorm: "Besloten Vennootschap",
    rechtspersoon: true,
    handelsnamen: [],
    sbi: [{ sbiCode: "6420", sbiOmschrijving: "Financiële holdings", indHoofdactiviteit: "Ja" }],
    hoofdvestiging: null,
    nevenvestigingen: [],
    eigenaarAdres: { type: "postadres", postbusnummer: 5123, postcode: "3008AC", plaats: "Rotterdam" },
    shortSearchAddress: true,
  },
  {
    kvkNummer: "41234567",
    naam: "Stichting Zorggroep Het Baken",
    rechtsvorm: "Stichting",
    rechtspersoon: true,
    handelsnamen: ["Stichting Zorggroep Het Baken", "Zorggroep Het Baken", "Het Baken Thuiszorg"],
    sbi: [
      { sbiCode: "8710", sbiOmschrijving: "Verpleeghuizen", indHoofdactiviteit: "Ja" },
      { sbiCode: "88101", sbiOmschrijving: "Thuiszorg", indHoofdactiviteit: "Nee" },
    ],
    hoofdvestiging: {
      vestigingsnummer: "000041234567",
      eersteHandelsnaam: "Zorggroep Het Baken",
      adres: {
        type: "bezoekadres",
        straatnaam: "Laan van Meerdervoort",
        huisnummer: 301,
        postcode: "2563AB",
        plaats: "'s-Gravenhage",
      },
      websites: ["www.zorggroephetbaken.nl", "www.hetbakenthuiszorg.nl"],
    },
    nevenvestigingen: [
      {
        vestigingsnummer: "000041234575",
        eersteHandelsnaam: "Het Baken Thuiszorg",
        adres: {
          type: "bezoekadres",
          straatnaam: "Kerkstraat",
          huisnummer: 3,
          postcode: "2271CS",
          plaats: "Voorburg",
        },
        websites: [],
      },
    ],
  },
  {
    kvkNummer: "70123456",
    naam: "Eetcafé De Gouden Leeuw",
    rechtsvorm: "Eenmanszaak",
    rechtspersoon: false,
    handelsnamen: ["Eetcafé De Gouden Leeuw"],
    sbi: [{ sbiCode: "5610", sbiOmschrijving: "Restaurants", indHoofdactiviteit: "Ja" }],
    hoofdvestiging: {
      vestigingsnummer: "000070123456",
      eersteHandelsnaam: "Eetcafé De Gouden Leeuw",
      adres: {
        type: "bezoekadres",
        straatnaam: "Breestraat",
        huisnummer: 88,
        postcode: "2311CS",
        plaats: "Leiden",
      },
      websites: [],
    },
    nevenvestigingen: [],
  },
];

function searchAddress(a: Address, short: boolean): Record<string, unknown> {
  const { type, straatnaam, huisnummer, huisletter, postbusnummer, postcode, plaats } = a;
  const full = { type, straatnaam, huisnummer, huisletter, postbusnummer, postcode, plaats };
  return {
    binnenlandsAdres: short ? { type, straatnaam: straatnaam ?? "Postbus", plaats } : full,
  };
}

function links(base: string, kvkNummer: string, vestigingsnummer?: string) {
  return [
    { rel: "basisprofiel", href: `${base}/api/v1/basisprofielen/${kvkNummer}` },
    ...(vestigingsnummer
      ? [{ rel: "vestigingsprofiel", href: `${base}/api/v1/vestigingsprofielen/${vestigingsnummer}` }]
      : []),
  ];
}

/** The rows Zoeken v2 shows for a company: legal entity, head office, branches. */
function searchRows(c: Company, base: string): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const short = c.shortSearchAddress ?? false;
  const ownAddress = c.hoofdvestiging?.adres ?? c.eigenaarAdres;
  if (c.rechtspersoon)
    rows.push({
      kvkNummer: c.kvkNummer,
      naam: c.naam,
      ...(ownAddress ? { adres: searchAddress(ownAddress, short) } : {}),
      type: "rechtspersoon",
      links: links(base, c.kvkNummer),
    });
  for (const [type, v] of [
    ...(c.hoofdvestiging ? [["hoofdvestiging", c.hoofdvestiging] as const] : []),
    ...c.nevenvestigingen.map((n) => ["nevenvestiging", n] as const),
  ])
    rows.push({
      kvkNummer: c.kvkNummer,
      vestigingsnummer: v.vestigingsnummer,
      naam: v.eersteHandelsnaam,
      adres: searchAddress(v.adres, short),
      type,
      links: links(base, c.kvkNummer, v.vestigingsnummer),
    });
  return rows;
}

function profileAddress(a: Address): Record<string, unknown> {
  const number = a.huisnummer
    ? `${a.huisnummer}${a.huisletter ?? ""}${a.huisnummerToevoeging ? `-${a.huisnummerToevoeging}` : ""}`
    : "";
  const line = a.straatnaam ? `${a.straatnaam} ${number}` : `Postbus ${a.postbusnummer}`;
  return {
    ...a,
    indAfgeschermd: "Nee",
    volledigAdres: `${line} ${a.postcode ?? ""} ${a.plaats}`.replace(/\s+/g, " ").trim(),
    land: "Nederland",
  };
}

/** Basisprofiel v1 of a company, in the API's shape (only the fields this project reads, and a few more). */
function basisprofiel(c: Company, base: string): Record<string, unknown> {
  return {
    kvkNummer: c.kvkNummer,
    indNonMailing: "Nee",
    naam: c.naam,
    formeleRegistratiedatum: "20120301",
    materieleRegistratie: { datumAanvang: "20120301" },
    totaalWerkzamePersonen: 12,
    statutaireNaam: c.rechtspersoon ? c.naam : undefined,
    handelsnamen: c.handelsnamen.map((naam, i) => ({ naam, volgorde: i })),
    sbiActiviteiten: c.sbi,
    links: [{ rel: "self", href: `${base}/api/v1/basisprofielen/${c.kvkNummer}` }],
    _embedded: {
      ...(c.hoofdvestiging
        ? {
            hoofdvestiging: {
              vestigingsnummer: c.hoofdvestiging.vestigingsnummer,
              kvkNummer: c.kvkNummer,
              eersteHandelsnaam: c.hoofdvestiging.eersteHandelsnaam,
              indHoofdvestiging: "Ja",
              indCommercieleVestiging: "Ja",
              totaalWerkzamePersonen: 12,
              adressen: [
                profileAddress(c.hoofdvestiging.adres),
                profileAddress({ ...c.hoofdvestiging.adres, type: "postadres" }),
              ],
              websites: c.hoofdvestiging.websites,
            },
          }
        : {}),
      eigenaar: {
        rechtsvorm: c.rechtsvorm,
        uitgebreideRechtsvorm: c.rechtsvorm,
        ...(c.hoofdvestiging ? {} : { adressen: c.eigenaarAdres ? [profileAddress(c.eigenaarAdres)] : [] }),
        websites: [],
      },
    },
  };
}

function fout(code: string, omschrijving: string) {
  return { fout: [{ code, omschrijving }] };
}

export async function startKvkStandIn(apiKey = "kvk-test-key"): Promise<KvkStandIn> {
  const requests: KvkRequest[] = [];
  const failures: number[] = [];
  let stalls = { count: 0, ms: 0 };
  let malformed: "html" | "wrong-shape" | undefined;
  let base = "";

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", base);
    const apikey = typeof req.headers.apikey === "string" ? req.headers.apikey : undefined;
    requests.push({
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      apikey,
    });
    if (stalls.count > 0) {
      stalls = { ...stalls, count: stalls.count - 1 };
      await new Promise((r) => setTimeout(r, stalls.ms));
    }
    const forced = failures.shift();
    if (forced !== undefined) return answer(res, forced, fout("IPD9999", "Algemene technische fout."));
    if (apikey !== apiKey) return answer(res, 401, fout("IPD1005", "Ongeldige of ontbrekende API-key."));
    if (malformed) {
      const kind = malformed;
      malformed = undefined;
      if (kind === "html") {
        res.writeHead(200, { "content-type": "text/html" });
        return res.end("<html><body>Onderhoud</body></html>");
      }
      return answer(res, 200, { resultaten: "geen lijst", kvkNummer: 12 });
    }
    if (req.method !== "GET") return answer(res, 405, fout("IPD1998", "Algemene invoer parameter fout."));

    if (url.pathname === "/api/v2/zoeken") {
      const naam = url.searchParams.get("naam")?.toLowerCase();
      const plaats = url.searchParams.get("plaats")?.toLowerCase();
      const kvkNummer = url.searchParams.get("kvkNummer");
      const perPage = Number(url.searchParams.get("resultatenPerPagina") ?? 10);
      const page = Number(url.searchParams.get("pagina") ?? 1);
      if (kvkNummer !== null && !/^\d{8}$/.test(kvkNummer))
        return answer(
          res,
          400,
          fout("IPD1999", "De volgende opgegeven parameter(s) is(zijn) ongeldig: kvkNummer"),
        );
      if (!naam && !plaats && !kvkNummer)
        return answer(res, 400, fout("IPD1998", "Algemene invoer parameter fout."));
      const rows = KVK_STAND_IN_COMPANIES.flatMap((c) => searchRows(c, base)).filter((row) => {
        const adres = row.adres as { binnenlandsAdres?: { plaats?: string } } | undefined;
        if (kvkNummer && row.kvkNummer !== kvkNummer) return false;
        if (naam && !String(row.naam).toLowerCase().includes(naam)) return false;
        if (plaats && adres?.binnenlandsAdres?.plaats?.toLowerCase() !== plaats) return false;
        return true;
      });
      if (rows.length === 0)
        return answer(
          res,
          404,
          fout("IPD5200", "Er zijn geen gegevens gevonden die voldoen aan de opgegeven zoekparameters."),
        );
      return answer(res, 200, {
        pagina: page,
        resultatenPerPagina: perPage,
        totaal: rows.length,
        resultaten: rows.slice((page - 1) * perPage, page * perPage),
        _links: { self: { href: `${base}${url.pathname}${url.search}` } },
      });
    }

    const profile = /^\/api\/v1\/basisprofielen\/([^/]+)$/.exec(url.pathname);
    if (profile) {
      const number = decodeURIComponent(profile[1]!);
      if (!/^\d{8}$/.test(number))
        return answer(res, 400, fout("IPD0004", `Het KVK-nummer ${number} is niet valide.`));
      const company = KVK_STAND_IN_COMPANIES.find((c) => c.kvkNummer === number);
      if (!company)
        return answer(
          res,
          404,
          fout(
            "IPD0005",
            `Het product Basisprofiel kan niet worden geleverd op basis van het KVK-nummer ${number}.`,
          ),
        );
      return answer(res, 200, basisprofiel(company, base));
    }

    return answer(res, 404, { error: "Not Found" });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    apiKey,
    requests,
    failNext(count, status = 500) {
      for (let i = 0; i < count; i++) failures.push(status);
    },
    stallNext(count, ms) {
      stalls = { count, ms };
    },
    malformedNext(kind) {
      malformed = kind;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
