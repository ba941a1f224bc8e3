export * from './me.routes';
export * from './unsubscribe.routes';
