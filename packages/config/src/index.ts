export * from './env-names';
export * from './http-policy';
export * from './rules';
export * from './runtime';
