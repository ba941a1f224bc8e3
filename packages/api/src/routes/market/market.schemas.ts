import { z } from '@hono/zod-openapi';
import { Chain } from '@parkbridge/domain/chains';
import { PageQuery } from '@parkbridge/domain/core';
import { Listing, ListingKind } from '@parkbridge/domain/listings';
import { InboxEntry, Match, MatchReason } from '@parkbridge/domain/matching';
import { Need, NeedAmendment, NeedStatus } from '@parkbridge/domain/needs';

const Id = z.string().min(1).max(64);
const Flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');
const CategoryFilter = z
  .string()
  .regex(/^\d{2,4}$/, 'An ISIC division, group or class code.')
  .optional()
  .describe('A division or group includes everything under it.');
const Q = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .optional()
  .describe('Free text, matched across scripts and diacritics.');

export const ChainParams = z.object({ chainId: Id });
export const ChainInputParams = ChainParams.extend({ inputId: Id });
export const NeedParams = z.object({ needId: Id });
export const ListingParams = z.object({ listingId: Id });

export const ChainListQuery = PageQuery.extend({
  mine: Flag.describe('Your own chains (the default for firms).'),
  parkId: Id.optional().describe("A park's chains (its operator), or yours in that park."),
});

export const NeedListQuery = PageQuery.extend({
  category: CategoryFilter,
  parkId: Id.optional(),
  status: NeedStatus.optional().describe('Default open; drafts are listed only with mine=true.'),
  q: Q,
  mine: Flag.describe("Your organisation's needs, drafts included."),
});

export const ListingListQuery = PageQuery.extend({
  category: CategoryFilter,
  parkId: Id.optional(),
  kind: ListingKind.optional(),
  q: Q,
  mine: Flag.describe('Your own listings, paused ones included.'),
});

export const ChainView = Chain.meta({ id: 'Chain' });
export const NeedView = Need.meta({ id: 'Need' });
export const ListingView = Listing.meta({ id: 'Listing' });
export const AmendmentView = NeedAmendment;

export const MatchView = Match.omit({ needOwnerOrgId: true, needTitle: true })
  .extend({
    reasons: z.array(MatchReason),
    listingTitle: z.string().nullable(),
    listingKind: z.string().nullable(),
    supplierName: z.string().nullable(),
  })
  .meta({ id: 'Match' });

export const InboxItemView = InboxEntry.extend({
  reasons: z.array(MatchReason),
  need: z.object({
    title: z.string(),
    category: z.string(),
    parkId: z.string(),
    quantity: z.number(),
    unit: z.string(),
    currency: z.string(),
    mode: z.string(),
    visibility: z.string(),
    closesAt: z.string(),
  }),
}).meta({ id: 'InboxItem' });
