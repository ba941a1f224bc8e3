export * from './unsubscribe-tokens';
