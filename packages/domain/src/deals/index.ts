export * from './award.service';
export * from './award-request';
export * from './deal';
export * from './deal.service';
export * from './deal-room';
export * from './deal-room.service';
export * from './deal-side';
export * from './ports';
