import type { SupplierSourceReader } from '@parkbridge/domain/discovery';
import type { Db } from '../core';
import { DynamoListingRepository } from '../listings/listing.repository';
import { DynamoCertificateRepository } from '../orgs/certificate.repository';
import { DynamoMembershipRepository } from '../orgs/membership.repository';
import { DynamoOrgRepository } from '../orgs/org.repository';

/** A firm belongs to few parks and holds few certificates: one page of each (100) is all of them. */
const ONE_PAGE = { limit: 100 };

/** The records a supplier's directory entry is rebuilt from, each read by its own key. */
export class DynamoSupplierSources implements SupplierSourceReader {
  private readonly orgsRepo: DynamoOrgRepository;
  private readonly listings: DynamoListingRepository;
  private readonly membershipsRepo: DynamoMembershipRepository;
  private readonly certificatesRepo: DynamoCertificateRepository;

  constructor(db: Db) {
    this.orgsRepo = new DynamoOrgRepository(db);
    this.listings = new DynamoListingRepository(db);
    this.membershipsRepo = new DynamoMembershipRepository(db);
    this.certificatesRepo = new DynamoCertificateRepository(db);
  }

  org(orgId: string) {
    return this.orgsRepo.get(orgId);
  }

  async memberships(orgId: string) {
    return (await this.membershipsRepo.listByOrg(orgId, ONE_PAGE)).items;
  }

  activeListings(orgId: string, limit: number) {
    return this.listings.activeByOrg(orgId, limit);
  }

  async certificates(orgId: string) {
    return (await this.certificatesRepo.listByOrg(orgId, ONE_PAGE)).items;
  }
}
