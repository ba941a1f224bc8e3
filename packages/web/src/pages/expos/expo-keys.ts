export const expoKey = (expoId: string) => ['expos', 'one', expoId] as const;
export const floorKey = (expoId: string) => ['expos', 'floor', expoId] as const;
export const myBookingsKey = ['bookings', 'mine'] as const;
export const expoBookingsKey = (expoId: string) => ['bookings', 'expo', expoId] as const;
export const statsKey = (expoId: string) => ['expos', 'stats', expoId] as const;
