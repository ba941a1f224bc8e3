export * from './idempotency.repository';
