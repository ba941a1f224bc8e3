export * from './certificate';
export * from './certificate.service';
export * from './membership';
export * from './membership.service';
export * from './org';
export * from './org.service';
export * from './ports';
