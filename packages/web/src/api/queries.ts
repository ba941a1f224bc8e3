import { useQuery } from '@tanstack/react-query';
import { useSession } from '../auth/session';
import { type Currency, setCurrencies } from '../format/money';
import { useI18n } from '../i18n/i18n';
import { ApiError, api } from './client';
import type {
  AwardRequest,
  Category,
  Certificate,
  Invitation,
  Member,
  Membership,
  Notification,
  Org,
  Page,
  Park,
} from './types';

/** Reads every page of a small list (parks, a firm's own chains): bounded by the API's page size. */
export async function allPages<T>(
  path: string,
  query: Record<string, string | undefined> = {},
  max = 10,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < max; i++) {
    const page = await api.get<Page<T>>(path, { ...query, limit: 100, cursor });
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

export const keys = {
  currencies: ['currencies'] as const,
  parks: ['parks'] as const,
  park: (id: string) => ['parks', id] as const,
  org: (id: string) => ['orgs', id] as const,
  myMemberships: ['memberships', 'mine'] as const,
  parkMemberships: (parkId: string, status: string) => ['memberships', parkId, status] as const,
  certificates: (orgId: string) => ['certificates', orgId] as const,
  notifications: ['notifications'] as const,
  me: ['me'] as const,
  unread: ['notifications', 'unread'] as const,
  category: (code: string, lang: string) => ['category', code, lang] as const,
  members: (orgId: string) => ['members', orgId] as const,
  invitations: (orgId: string) => ['invitations', orgId] as const,
  myInvitations: ['invitations', 'mine'] as const,
  pendingAward: (needId: string) => ['award-request', needId] as const,
  awardRequests: (orgId: string) => ['award-requests', orgId] as const,
};

/** The currencies and their exponents, from the API: loaded once, before any amount is shown or typed. */
export const useCurrencies = (enabled: boolean) =>
  useQuery({
    queryKey: keys.currencies,
    queryFn: async () => {
      const page = await api.get<Page<Currency>>('/v1/currencies');
      setCurrencies(page.items);
      return page.items;
    },
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useParks = () =>
  useQuery({ queryKey: keys.parks, queryFn: () => allPages<Park>('/v1/parks'), staleTime: 5 * 60_000 });

export function usePark(parkId: string | undefined) {
  const parks = useParks();
  const fromList = parks.data?.find((p) => p.parkId === parkId);
  const one = useQuery({
    queryKey: keys.park(parkId ?? ''),
    queryFn: () => api.get<Park>(`/v1/parks/${parkId}`),
    enabled: !!parkId && !fromList && !parks.isPending,
    staleTime: 5 * 60_000,
  });
  return {
    park: fromList ?? one.data,
    isPending: parks.isPending || (one.isLoading && !fromList),
    error: one.error,
  };
}

/** The parks the signed-in operator runs. */
export function useOperatedParks() {
  const session = useSession();
  const parks = useParks();
  return { ...parks, data: parks.data?.filter((p) => p.operatorOrgId === session?.orgId) };
}

export const useOrg = (orgId: string | null | undefined) =>
  useQuery({
    queryKey: keys.org(orgId ?? ''),
    queryFn: () => api.get<Org>(`/v1/orgs/${orgId}`),
    enabled: !!orgId,
    staleTime: 5 * 60_000,
  });

export const useMyMemberships = (enabled = true) =>
  useQuery({
    queryKey: keys.myMemberships,
    queryFn: () => allPages<Membership>('/v1/memberships'),
    enabled,
  });

export const useCertificates = (orgId: string | null | undefined) =>
  useQuery({
    queryKey: keys.certificates(orgId ?? ''),
    queryFn: () => allPages<Certificate>(`/v1/orgs/${orgId}/certificates`),
    enabled: !!orgId,
  });

export function useCategory(code: string | null | undefined) {
  const { lang } = useI18n();
  return useQuery({
    queryKey: keys.category(code ?? '', lang),
    queryFn: () => api.get<Category>(`/v1/categories/${code}`, { lang }),
    enabled: !!code,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    enabled,
    queryKey: keys.unread,
    queryFn: () => api.get<Page<Notification>>('/v1/notifications', { unread: 'true', limit: 100 }),
    select: (p) => p.items.length,
    refetchInterval: 30_000,
  });

export const useMembers = (orgId: string | null | undefined) =>
  useQuery({
    queryKey: keys.members(orgId ?? ''),
    queryFn: () => allPages<Member>(`/v1/orgs/${orgId}/members`),
    enabled: !!orgId,
  });

/** The organisation's invitations (its admins'). */
export const useInvitations = (orgId: string | null | undefined, enabled: boolean) =>
  useQuery({
    queryKey: keys.invitations(orgId ?? ''),
    queryFn: () => allPages<Invitation>(`/v1/orgs/${orgId}/invitations`),
    enabled: !!orgId && enabled,
  });

/** Invitations to the signed-in person's address. */
export const useMyInvitations = () =>
  useQuery({ queryKey: keys.myInvitations, queryFn: () => allPages<Invitation>('/v1/invitations/mine') });

/** The award of a need that waits for an admin's approval; null when none waits. */
export const usePendingAward = (needId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.pendingAward(needId),
    queryFn: () =>
      api.get<AwardRequest>(`/v1/needs/${needId}/award/request`).catch((err) => {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }),
    enabled,
  });

/** The organisation's awards waiting for approval (its admins'). */
export const useAwardRequests = (orgId: string | null | undefined, enabled: boolean) =>
  useQuery({
    queryKey: keys.awardRequests(orgId ?? ''),
    queryFn: () => allPages<AwardRequest>(`/v1/orgs/${orgId}/award-requests`),
    enabled: !!orgId && enabled,
  });
