/**
 * In AWS the stack writes /config.json next to the app: the API's URL and Cognito's hosted sign-in.
 * Locally there is none (404) and the app talks to its own origin with the demo-user picker.
 */
export interface CognitoConfig {
  /** The hosted UI's base URL, e.g. https://parkbridge-dev.auth.eu-central-1.amazoncognito.com */
  domain: string;
  clientId: string;
  /** Registered with the app client; the stack registers the app's root, `${origin}/`. */
  redirectUri?: string;
  /** Registered with the app client; defaults to the app's root. */
  logoutUri?: string;
  scopes?: string[];
}

export interface AppConfig {
  /** Base URL of the HTTP API (no trailing /v1); empty: same origin. */
  apiUrl: string;
  cognito: CognitoConfig | null;
}

export async function loadConfig(): Promise<AppConfig> {
  try {
    const res = await fetch('/config.json', { headers: { accept: 'application/json' }, cache: 'no-cache' });
    if (res.ok && (res.headers.get('content-type') ?? '').includes('json')) {
      const raw = (await res.json()) as {
        apiUrl?: string;
        cognito?: Partial<CognitoConfig> & { signInUrl?: string };
      };
      // The stack writes the hosted UI's address as `signInUrl`; `domain` is accepted too.
      const c = raw.cognito;
      const domain = c?.domain ?? c?.signInUrl;
      const cognito: CognitoConfig | null =
        c && domain && c.clientId
          ? {
              domain,
              clientId: c.clientId,
              ...(c.redirectUri ? { redirectUri: c.redirectUri } : {}),
              ...(c.logoutUri ? { logoutUri: c.logoutUri } : {}),
              ...(c.scopes ? { scopes: c.scopes } : {}),
            }
          : null;
      return { apiUrl: (raw.apiUrl ?? '').replace(/\/+$/, ''), cognito };
    }
  } catch {
    // No config file: the local server.
  }
  return { apiUrl: '', cognito: null };
}
