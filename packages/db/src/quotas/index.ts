export * from './quota.keys';
export * from './quota.repository';
