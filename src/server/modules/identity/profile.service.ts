import { randomUUID } from "node:crypto";
import { CONTACT_ONLY_LOCALES, UI_LOCALES, type UiLocale, uiLocaleOf } from "../../../contracts/common";
import type { ProfileSettings, UpdateMeRequest } from "../../../contracts/identity";
import { AppError } from "../../platform/errors";
import { type FileStorage, sniffImage } from "../../platform/files";
import { fieldMessage, type MessageLocale } from "../../platform/i18n";
import { publicScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import type { Caller } from "../tenancy";
import { accountsRepository } from "./accounts.repository";
import { IDENTITY_EVENTS, type LanguageChangedPayload } from "./identity.mail";

/** The languages a person may choose: German and French are for employer contact persons. */
export function localesFor(caller: Caller): UiLocale[] {
  return caller.hasRole("employer_contact")
    ? [...UI_LOCALES]
    : UI_LOCALES.filter((l) => !CONTACT_ONLY_LOCALES.includes(l));
}

/** Profile photos up to 2 MB, as PNG, JPEG or WebP. */
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
const AVATAR_URL = /^\/api\/v1\/avatars\/([^/]+)\/([a-z0-9-]+\.(?:png|jpg|webp))$/;

/** A person's own settings: name, contact details, language, privacy choices and photo. */
export function createProfileService({ store, files }: { store: Store; files: FileStorage }) {
  // The account of whoever calls: its id comes from their session, never from the request.
  const accounts = store.bind(publicScope, accountsRepository);

  async function dropAvatarFile(url: string | null): Promise<void> {
    const match = url ? AVATAR_URL.exec(url) : null;
    if (match) await files.delete(`avatars/${match[1]}/${match[2]}`);
  }

  async function profile(caller: Caller): Promise<ProfileSettings> {
    const user = await accounts.byId(caller.userId());
    if (!user) throw new AppError("not_found");
    return {
      name: user.name,
      email: user.email,
      phone: user.phone,
      postcode: user.postcode,
      locale: uiLocaleOf(user.locale),
      locales: localesFor(caller),
      consentEmbeddedVideo: user.consentEmbeddedVideo,
      consentResearch: user.consentResearch,
    };
  }

  return {
    profile,

    async updateProfile(
      caller: Caller,
      patch: UpdateMeRequest,
      locale: MessageLocale,
    ): Promise<ProfileSettings> {
      if (patch.locale && !localesFor(caller).includes(patch.locale)) {
        throw new AppError("validation_failed", {
          fields: [{ path: "locale", message: fieldMessage("locale_contacts_only", locale) }],
        });
      }
      const postcode = patch.postcode?.replace(
        /^(\d{4}) ?([a-z]{2})$/i,
        (_m, d: string, l: string) => `${d} ${l.toUpperCase()}`,
      );
      const userId = caller.userId();
      await store.transaction(async (tx) => {
        const before = patch.locale ? await tx.bind(publicScope, accountsRepository).byId(userId) : null;
        await tx.bind(publicScope, accountsRepository).updateProfile(userId, {
          ...patch,
          ...(postcode !== undefined ? { postcode } : {}),
        });
        // A contact person's language is their employer's record of them too (contact_persons.language).
        if (patch.locale && before && before.locale !== patch.locale && caller.hasRole("employer_contact")) {
          const payload: LanguageChangedPayload = { locale: patch.locale };
          await tx.emit({
            type: IDENTITY_EVENTS.languageChanged,
            organisationId: null,
            portalId: null,
            subject: { userId },
            actorUserId: userId,
            payload: { ...payload },
          });
        }
      });
      return profile(caller);
    },

    /** Stores a new profile photo after checking what it really is, and drops the old one. */
    async setAvatar(caller: Caller, data: Buffer, declaredType: string): Promise<string> {
      const image = sniffImage(data);
      if (!image || image.type !== declaredType) {
        throw new AppError("unsupported_media_type", {
          message: {
            nl: "Dit bestand is geen foto in PNG-, JPG- of WebP-formaat.",
            en: "This file is not a PNG, JPG or WebP photo.",
            de: "Diese Datei ist kein Foto im PNG-, JPG- oder WebP-Format.",
            fr: "Ce fichier n'est pas une photo au format PNG, JPG ou WebP.",
          },
        });
      }
      const userId = caller.userId();
      const user = await accounts.byId(userId);
      const file = `${randomUUID()}.${image.ext}`;
      await files.put(`avatars/${userId}/${file}`, data, image.type);
      const url = `/api/v1/avatars/${userId}/${file}`;
      await accounts.setImage(userId, url);
      await dropAvatarFile(user?.image ?? null);
      return url;
    },

    async removeAvatar(caller: Caller): Promise<void> {
      const user = await accounts.byId(caller.userId());
      await accounts.setImage(caller.userId(), null);
      await dropAvatarFile(user?.image ?? null);
    },

    /** Anyone signed in may see a photo, but only the current one: replaced ones are gone for good. */
    async avatar(userId: string, file: string) {
      const user = await accounts.byId(userId);
      if (user?.image !== `/api/v1/avatars/${userId}/${file}`) throw new AppError("not_found");
      const stored = await files.get(`avatars/${userId}/${file}`);
      if (!stored) throw new AppError("not_found");
      return stored;
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;
