export * from './invitation';
export * from './invitation.service';
export * from './member';
export * from './member.service';
export * from './ports';
export * from './roles';
export * from './secret';
