import type { Need } from '../needs/need';
import type { NotificationRepository } from '../notifications/ports';

/**
 * Tells the owner and the bidders that a need's close moved (after the write: it has happened).
 * One notification per org per new close, however often this runs.
 */
export async function announceExtension(
  notifications: NotificationRepository,
  need: Pick<Need, 'needId' | 'ownerOrgId'>,
  closesAtMs: number,
  bidders: readonly string[],
  reason: 'anti_sniping' | 'unanswered_question',
): Promise<void> {
  const closesAt = new Date(closesAtMs).toISOString();
  await Promise.all(
    [...new Set([need.ownerOrgId, ...bidders])].map((orgId) =>
      notifications.notify({
        orgId,
        kind: 'need.extended',
        entityId: need.needId,
        data: { needId: need.needId, closesAt, reason },
        dedupeKey: `need-extended#${need.needId}#${closesAtMs}`,
      }),
    ),
  );
}
