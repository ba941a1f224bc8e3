export * from './award-request.keys';
export * from './award-request.repository';
export * from './deal.keys';
export * from './deal.repository';
export * from './deal-message.keys';
export * from './deal-message.repository';
