/**
 * The secret of an invitation's link: 256 random bits, kept only as its SHA-256. Web Crypto, so
 * the domain needs no platform module.
 */
export async function mintSecret(): Promise<{ token: string; hash: string }> {
  const token = toHex(crypto.getRandomValues(new Uint8Array(32)));
  return { token, hash: await hashSecret(token) };
}

export async function hashSecret(token: string): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))));
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
