export * from './invitation.repository';
export * from './member.repository';
export * from './people.keys';
export * from './roster';
