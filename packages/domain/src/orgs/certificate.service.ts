import {
  actorOf,
  type Caller,
  type Clock,
  conflict,
  hasRole,
  newId,
  notFound,
  type PageRequest,
  requireOrg,
  requireRole,
  type Stored,
} from '../core';
import type { AttachmentPlanner } from '../documents/attachments';
import type { ParkRepository } from '../parks/ports';
import { NO_QUOTAS, type QuotaPolicy } from '../quotas/quota';
import type { Certificate, CertificateInput } from './certificate';
import type { CertificateRepository, MembershipRepository } from './ports';

export class CertificateService {
  constructor(
    private readonly certificates: CertificateRepository,
    private readonly memberships: MembershipRepository,
    private readonly parks: ParkRepository,
    private readonly clock: Clock,
    private readonly files: AttachmentPlanner,
    private readonly quotas: QuotaPolicy = NO_QUOTAS,
  ) {}

  async claim(caller: Caller, orgId: string, input: CertificateInput): Promise<Stored<Certificate>> {
    const member = requireOrg(caller);
    if (member.orgId !== orgId) throw notFound('organisation');
    const certId = newId('certificate');
    const files = await this.files.plan(
      orgId,
      { kind: 'certificate', orgId, certId },
      input.attachments ?? [],
    );
    const cert: Certificate = {
      ...input,
      attachments: files.attachments,
      certId,
      orgId,
      status: 'claimed',
      verifiedAt: null,
      verifiedByOrgId: null,
      createdAt: this.clock.now().toISOString(),
      version: 0,
    };
    return this.certificates.save(
      cert,
      null,
      { action: 'certificate.claimed', actor: actorOf(member), before: null, after: cert },
      files.change,
      this.quotas.charges(member, 'certificate.claim'),
    );
  }

  /**
   * Own organisation, and the operator of a park it applied to (who decides on its claims): every
   * claim. Others: only verified certificates (what a buyer may rely on).
   */
  async list(caller: Caller, orgId: string, page: PageRequest) {
    const result = await this.certificates.listByOrg(orgId, page);
    if (caller.orgId === orgId || (await this.decidesOn(caller, orgId))) return result;
    return { ...result, items: result.items.filter((c) => c.status === 'verified') };
  }

  /** A verified certificate is public; a claimed or rejected one is seen by the firm and the operators who decide on it. */
  async visible(caller: Caller, orgId: string, certId: string): Promise<Stored<Certificate>> {
    const cert = await this.certificates.get(orgId, certId);
    if (!cert) throw notFound('certificate');
    if (cert.status === 'verified' || caller.orgId === orgId || (await this.decidesOn(caller, orgId)))
      return cert;
    throw notFound('certificate');
  }

  async verify(caller: Caller, orgId: string, certId: string, decision: 'verified' | 'rejected') {
    const op = requireRole(caller, 'operator');
    const prev = await this.certificates.get(orgId, certId);
    if (!prev) throw notFound('certificate');
    await this.requireOperatesParkOf(op.orgId, orgId);
    if (prev.status !== 'claimed')
      throw conflict('certificate.decided', `The certificate is ${prev.status} already.`);
    const next: Certificate = {
      ...prev,
      status: decision,
      verifiedAt: this.clock.now().toISOString(),
      verifiedByOrgId: op.orgId,
    };
    return this.certificates.save(next, prev, {
      action: `certificate.${decision}`,
      actor: actorOf(op),
      before: prev,
      after: next,
    });
  }

  /** Whether the caller reviews the organisation's claims: an operator of a park it applied to. */
  async decidesOn(caller: Caller, orgId: string): Promise<boolean> {
    if (!caller.orgId || !hasRole(caller, 'operator')) return false;
    return this.requireOperatesParkOf(caller.orgId, orgId).then(
      () => true,
      () => false,
    );
  }

  /** An operator verifies the certificates of firms that applied to one of the parks it operates; for others, 404. */
  private async requireOperatesParkOf(operatorOrgId: string, orgId: string) {
    const memberships = await this.memberships.listByOrg(orgId, { limit: 100 });
    const parks = await this.parks.getMany(memberships.items.map((m) => m.parkId));
    // A claimed certificate is private to the firm and its parks' operators: to anyone else it does not exist.
    if (!parks.some((p) => p.operatorOrgId === operatorOrgId)) throw notFound('certificate');
  }
}
