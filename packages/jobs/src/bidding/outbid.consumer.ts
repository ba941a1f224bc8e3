import type { Container } from '@parkbridge/runtime';
import type { StreamConsumer } from '../stream/consumer';

/**
 * In a reverse auction, the bidder who led and no longer does is told at once (by default also by
 * email): the standing changed under them while bidding is open. Not when they gave the lead up
 * themselves by withdrawing. One notice per accepted bid that changed the leader (`bidSeq`), so a
 * redelivered record tells no one twice.
 */
export function outbidConsumer(app: Container): StreamConsumer {
  return {
    name: 'bidding.outbid',
    wants: (c) => {
      if (c.kind !== 'MODIFY' || c.newImage?.type !== 'auction-state') return false;
      const before = c.oldImage?.leaderOrgId;
      const after = c.newImage?.leaderOrgId;
      return typeof before === 'string' && typeof after === 'string' && before !== after;
    },
    handle: async (c) => {
      const needId = String(c.newImage?.needId);
      const orgId = String(c.oldImage?.leaderOrgId);
      const bid = await app.bidding.repos.bids.get(needId, orgId);
      if (!bid || bid.status === 'withdrawn') return;
      await app.repos.notifications.notify({
        orgId,
        kind: 'bid.outbid',
        entityId: needId,
        data: { needId },
        dedupeKey: `bid.outbid#${needId}#${String(c.newImage?.bidSeq ?? c.id)}`,
      });
    },
  };
}
