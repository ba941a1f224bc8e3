export * from './env-names';
export * from './http-policy';
export * from './quotas';
export * from './rules';
export * from './runtime';
