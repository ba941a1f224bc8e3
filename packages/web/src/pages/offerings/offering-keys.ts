export const offeringKey = (id: string) => ['offerings', id] as const;
export const parkOfferingsKey = (parkId: string) => ['offerings', 'park', parkId] as const;
export const offeringBidsKey = (id: string) => ['offerings', id, 'bids'] as const;
export const myOfferingBidKey = (id: string) => ['offerings', id, 'bids', 'mine'] as const;
export const offeringAuctionKey = (id: string) => ['offerings', id, 'auction'] as const;
