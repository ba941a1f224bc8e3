export * from './user.repository';
