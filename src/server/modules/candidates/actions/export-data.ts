import type { CandidateExport, PersonalDataExport } from "../../../../contracts/privacy";
import type { SelfScope } from "../../../platform/scope";
import type { Bound, Store } from "../../../platform/store";
import { answersAsText } from "../../forms";
import type { Caller } from "../../tenancy";
import { candidateFilesRepository } from "../candidate-files.repository";
import { CANDIDATES_BASE, mediaPhotoDto, portalRef, visibilityOf } from "../candidates.presenter";
import { type CandidateRow, candidateReachRepository, type PortalRow } from "../candidates.repository";
import { personalDataRepository } from "../personal-data.repository";
import { documentDto, profileParts } from "../profile";
import { historyDto, ownPerson, portalsById, reconcileConsents, statesOf } from "./consents";
import type { CandidateDeps } from "./context";

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

function emailsOf(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.flatMap((v) => (v?.trim() ? [v.trim().toLowerCase()] : [])))];
}

/** One profile in its parts (as the profile pages show them) plus every stored column. */
async function profileExport(
  store: Store,
  scope: SelfScope,
  row: CandidateRow,
  portals: Map<string, PortalRow>,
): Promise<CandidateExport> {
  const me = `${CANDIDATES_BASE}/me`;
  const files = store.bind(scope, candidateFilesRepository);
  const reach = store.bind(scope, candidateReachRepository);
  const [documents, photos, choices, accountManager] = await Promise.all([
    files.listDocuments(row.id),
    files.listPhotos(row.id),
    reach.visibilityChoices(row.id),
    row.accountManagerUserId ? reach.accountManagerOf(row.id) : Promise.resolve(null),
  ]);
  const portal = portals.get(row.portalId)!;
  return {
    id: row.id,
    portal: portalRef(portal),
    ...profileParts(row, {
      base: me,
      place: row.city ? { id: row.placeId, name: row.city } : null,
      accountManager,
    }),
    media: {
      photos: photos.map((p) => mediaPhotoDto(p, me)),
      videos: row.media.videos.map((v) => ({ url: v.url, title: v.title, embedUrl: null })),
      links: row.media.links.map((l) => ({ url: l.url, label: l.label })),
    },
    documents: documents.map((d) => documentDto(d, me)),
    visibility: visibilityOf(row, [...portals.values()], choices),
    stored: Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
    ),
  };
}

type Rows<K extends keyof typeof personalDataRepository> = Awaited<
  ReturnType<Bound<typeof personalDataRepository>[K]>
>;

/** Placements with their weeks and each week's hours (minutes as hours, as the timesheet shows them). */
function placementsExport(
  placementRows: Rows<"placementsOf">,
  weekRows: Rows<"timesheetsOf">,
  entryRows: Rows<"timesheetEntriesOf">,
): PersonalDataExport["placements"] {
  return placementRows.map((p) => ({
    id: p.id,
    candidateId: p.candidateId,
    matchId: p.matchId,
    vacancyTitle: p.vacancyTitle,
    employer: p.employer,
    startDate: p.startDate,
    endDate: p.endDate,
    weeks: weekRows
      .filter((w) => w.placementId === p.id)
      .map((w) => ({
        weekStart: w.weekStart,
        status: w.status,
        remark: w.remark,
        decisionComment: w.decisionComment,
        submittedAt: iso(w.submittedAt),
        decidedAt: iso(w.decidedAt),
        entries: entryRows
          .filter((e) => e.timesheetId === w.id)
          .map((e) => ({ date: e.date, kind: e.kind, hours: e.minutes / 60 })),
      })),
  }));
}

type MatchExportRow = Awaited<ReturnType<Bound<typeof personalDataRepository>["matchesOf"]>>[number];
type ApplicationFileRow = Awaited<
  ReturnType<Bound<typeof personalDataRepository>["applicationFilesOf"]>
>[number];

/** An application form as answered: its questions with the answers given, and the files sent. */
function formExport(
  form: MatchExportRow["form"],
  files: readonly ApplicationFileRow[],
  lang: "nl" | "en",
): PersonalDataExport["applications"][number]["form"] {
  if (!form?.answers || !form.definition || form.version === null) return null;
  const byId = new Map(files.map((f) => [f.id, f]));
  const answers = answersAsText(form.definition, form.answers, lang, (id) => byId.get(id)?.fileName);
  const sent = Object.values(form.answers).flatMap((value) =>
    typeof value === "object" && value !== null && !Array.isArray(value) && "fileId" in value
      ? [byId.get(value.fileId)].filter((f) => f !== undefined)
      : [],
  );
  return {
    version: form.version,
    answers,
    files: sent.map((f) => ({
      fileName: f.fileName,
      contentType: f.contentType,
      url: `/api/v1/application-files/${f.id}`,
    })),
  };
}

/** "Download my data": everything stored about the signed-in person. */
export function exportActions(deps: CandidateDeps) {
  const { store } = deps;
  return {
    async exportData(caller: Caller): Promise<PersonalDataExport> {
      const { user, rows, scope } = await ownPerson(deps, caller);
      const now = new Date();
      const history = await reconcileConsents(store, scope, rows, user, now);
      const exportLang = user.locale === "en" ? "en" : "nl";
      const portals = await portalsById(store);
      const emails = emailsOf([user.email, ...rows.map((r) => r.email)]);
      const data = store.bind(scope, personalDataRepository);
      const [
        methods,
        sessionRows,
        roles,
        matchRows,
        fileRows,
        placementRows,
        weekRows,
        entryRows,
        messageRows,
        saved,
        views,
        audits,
        invites,
      ] = await Promise.all([
        data.signInMethodsOf(),
        data.sessionsOf(),
        data.membershipsOf(),
        data.matchesOf(),
        data.applicationFilesOf(),
        data.placementsOf(),
        data.timesheetsOf(),
        data.timesheetEntriesOf(),
        data.messagesOf(),
        data.savedVacanciesOf(),
        data.contactViewsOf(),
        data.auditEventsAbout(emails),
        data.invitationsTo(emails),
      ]);
      const profiles: CandidateExport[] = [];
      for (const row of rows) profiles.push(await profileExport(store, scope, row, portals));
      const current: PersonalDataExport["consents"]["current"] = [];
      for (const row of rows) {
        const states = await statesOf(
          store,
          scope,
          row,
          user,
          history.filter((h) => h.candidateId === row.id || h.purpose === "research"),
          portals,
        );
        current.push(...states.map((s) => ({ ...s, candidateId: row.id })));
      }
      return {
        format: "werkbrug-personal-data/1",
        exportedAt: now.toISOString(),
        account: {
          id: user.id,
          name: user.name,
          email: user.email,
          emailVerified: user.emailVerified,
          image: user.image,
          locale: user.locale,
          phone: user.phone,
          postcode: user.postcode,
          twoFactorEnabled: user.twoFactorEnabled,
          consentEmbeddedVideo: user.consentEmbeddedVideo,
          consentResearch: user.consentResearch,
          deactivatedAt: iso(user.deactivatedAt),
          createdAt: user.createdAt.toISOString(),
          updatedAt: user.updatedAt.toISOString(),
        },
        signInMethods: methods.map((m) => ({
          providerId: m.providerId,
          createdAt: m.createdAt.toISOString(),
          updatedAt: m.updatedAt.toISOString(),
        })),
        sessions: sessionRows.map((s) => ({
          createdAt: s.createdAt.toISOString(),
          updatedAt: s.updatedAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          ipAddress: s.ipAddress,
          userAgent: s.userAgent,
        })),
        memberships: roles.map((m) => ({
          role: m.role,
          portal: m.portal,
          organisation: m.organisation,
          createdAt: m.createdAt.toISOString(),
        })),
        candidates: profiles,
        consents: {
          current,
          history: historyDto(history, portals).map((h, i) => ({
            ...h,
            candidateId: history[i]!.candidateId,
          })),
        },
        applications: matchRows.map(({ match, vacancyTitle, organisation, form }) => ({
          id: match.id,
          candidateId: match.candidateId,
          vacancyId: match.vacancyId,
          vacancyTitle,
          organisation,
          source: match.source,
          status: match.status,
          motivation: match.motivation,
          cv: match.cvFileKey
            ? {
                fileName: match.cvFileName,
                contentType: match.cvContentType,
                url: `/api/v1/applications/${match.id}/cv`,
              }
            : null,
          channelSource: match.channelSource,
          form: formExport(form, fileRows, exportLang),
          proposedAt: iso(match.proposedAt),
          createdAt: match.createdAt.toISOString(),
          updatedAt: match.updatedAt.toISOString(),
        })),
        placements: placementsExport(placementRows, weekRows, entryRows),
        messages: messageRows.map(({ message, sender, organisation }) => ({
          candidateId: message.candidateId,
          subject: message.subject,
          body: message.body,
          sender,
          organisation,
          createdAt: message.createdAt.toISOString(),
          readAt: iso(message.readAt),
        })),
        savedVacancies: saved.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
        contactViews: views.map((v) => ({
          at: v.at.toISOString(),
          viewer: v.viewer,
          organisation: v.organisation,
        })),
        auditEvents: audits.map((e) => ({
          at: e.at.toISOString(),
          type: e.type,
          email: e.email,
          ipAddress: e.ipAddress,
          userAgent: e.userAgent,
          details: e.details,
        })),
        invitations: invites.map(({ invitation, organisation, invitedBy }) => ({
          email: invitation.email,
          organisation,
          role: invitation.role,
          invitedBy,
          personalMessage: invitation.personalMessage,
          createdAt: invitation.createdAt.toISOString(),
          expiresAt: invitation.expiresAt.toISOString(),
          acceptedAt: iso(invitation.acceptedAt),
          revokedAt: iso(invitation.revokedAt),
        })),
      };
    },
  };
}
