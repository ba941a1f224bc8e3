export * from './certificate.repository';
export * from './membership.repository';
export * from './org.repository';
