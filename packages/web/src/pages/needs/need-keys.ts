export const needKey = (needId: string) => ['needs', needId] as const;
export const needBidsKey = (needId: string) => ['needs', needId, 'bids'] as const;
export const myBidKey = (needId: string) => ['needs', needId, 'bids', 'mine'] as const;
export const auctionKey = (needId: string) => ['needs', needId, 'auction'] as const;
export const questionsKey = (needId: string) => ['needs', needId, 'questions'] as const;
export const matchesKey = (needId: string) => ['needs', needId, 'matches'] as const;
export const amendmentsKey = (needId: string) => ['needs', needId, 'amendments'] as const;
