/** Where an entity lives in the app, from its id's prefix (need_…, deal_…; see domain core ids). */
export function entityPath(entityId: string, data: Record<string, unknown> = {}): string | null {
  const prefix = entityId.split('_')[0];
  const str = (k: string) => (typeof data[k] === 'string' ? (data[k] as string) : null);
  switch (prefix) {
    case 'need':
      return `/needs/${entityId}`;
    case 'q':
    case 'bid':
      return str('needId') ? `/needs/${str('needId')}` : null;
    case 'deal':
      return `/deals/${entityId}`;
    case 'lst':
      return `/listings/${entityId}`;
    case 'chain':
      return `/chains/${entityId}`;
    case 'expo':
      return `/expos/${entityId}`;
    case 'bkg':
    case 'slot':
      return str('expoId') ? `/expos/${str('expoId')}` : '/bookings';
    case 'park':
      return `/parks/${entityId}`;
    case 'org':
      return '/org';
    case 'usr':
      return '/settings';
    default:
      return str('needId') ? `/needs/${str('needId')}` : null;
  }
}
