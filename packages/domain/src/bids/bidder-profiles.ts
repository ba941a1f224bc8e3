import { heldCertificates } from '../orgs/certificate';
import type { CertificateRepository, OrgRepository } from '../orgs/ports';
import type { ReputationReader } from '../reputation/ports';

/**
 * What an award screen shows beside each bid: the bidder's name, its verified, valid certificates
 * and its reputation as a supplier, read for all bidders at once.
 */
export async function bidderProfiles(
  d: { orgs: OrgRepository; reputation: ReputationReader; certificates: CertificateRepository },
  orgIds: string[],
  now: Date,
) {
  const [orgs, reputations, certificates] = await Promise.all([
    d.orgs.getMany(orgIds),
    d.reputation.getMany(orgIds),
    Promise.all(orgIds.map(async (id) => [id, await heldCertificates(d.certificates, id, now)] as const)),
  ]);
  const names = new Map(orgs.map((o) => [o.orgId, o.name]));
  const certs = new Map(certificates);
  return {
    name: (orgId: string) => names.get(orgId) ?? orgId,
    certificates: (orgId: string) => certs.get(orgId) ?? [],
    reputation: (orgId: string) =>
      reputations.get(orgId)?.asSupplier ?? {
        averageRating: null,
        ratingCount: 0,
        dealCount: 0,
        onTimeRate: null,
      },
  };
}
