import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  type CreateSsoConnectionRequest,
  type RotateSsoSecretRequest,
  SsoConnectionListSchema,
  SsoConnectionSchema,
  SsoTestResultSchema,
  type UpdateSsoConnectionRequest,
} from "../../../contracts/sso";
import { api } from "../../api";

const path = (id: string) => `/api/v1/sso-connections/${encodeURIComponent(id)}`;

export const ssoConnectionsQuery = queryOptions({
  queryKey: ["sso-connections"],
  queryFn: ({ signal }) => api("/api/v1/sso-connections", SsoConnectionListSchema, { signal }),
});

export const createSsoConnection = (body: CreateSsoConnectionRequest) =>
  api("/api/v1/sso-connections", SsoConnectionSchema, { method: "POST", body });

export const updateSsoConnection = (id: string, body: UpdateSsoConnectionRequest) =>
  api(path(id), SsoConnectionSchema, { method: "PATCH", body });

export const rotateSsoSecret = (id: string, body: RotateSsoSecretRequest) =>
  api(`${path(id)}/secret`, SsoConnectionSchema, { method: "POST", body });

export const testSsoConnection = (id: string) =>
  api(`${path(id)}/test`, SsoTestResultSchema, { method: "POST", body: {} });

/** 204 without a body: read as "nothing" (errors still throw ApiError). */
export async function deleteSsoConnection(id: string): Promise<void> {
  await api(path(id), z.unknown(), { method: "DELETE" });
}
