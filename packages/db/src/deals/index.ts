export * from './deal.keys';
export * from './deal.repository';
