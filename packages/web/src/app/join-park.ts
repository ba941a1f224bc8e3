/**
 * The park a visitor chose to join on its public page. Kept for the session through sign-in and
 * creating the organisation, so the membership form opens on that park.
 */
const KEY = 'parkbridge.joinPark';

export const rememberParkToJoin = (parkId: string) => sessionStorage.setItem(KEY, parkId);

export const parkToJoin = (fromUrl: string | null): string => fromUrl ?? sessionStorage.getItem(KEY) ?? '';

export const forgetParkToJoin = () => sessionStorage.removeItem(KEY);
