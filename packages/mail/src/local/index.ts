export * from './local-mail-server';
