export * from './entity-names.reader';
export * from './mail.keys';
export * from './mail-people.repository';
export * from './outbox.repository';
export * from './suppression.repository';
