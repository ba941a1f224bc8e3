export * from './award.service';
export * from './deal';
export * from './deal.service';
export * from './ports';
