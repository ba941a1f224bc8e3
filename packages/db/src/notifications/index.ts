export * from './notification.repository';
