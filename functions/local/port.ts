import { createServer } from 'node:net';
import { EnvName } from '@parkbridge/config';

/**
 * The local server's one port, and what to say when it cannot have it: one line that names the
 * port and the variable to change, never a stack trace.
 */
export class PortProblem extends Error {
  override readonly name = 'PortProblem';
}

export function portFrom(env: Record<string, string | undefined>): number {
  const raw = env[EnvName.port] ?? '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new PortProblem(
      `${EnvName.port}=${raw} is not a port: use a number from 1 to 65535, e.g. PORT=3000.`,
    );
  }
  return port;
}

/** Turns a failed listen into the one line to print; other errors pass through. */
export function portProblem(port: number, err: unknown): Error {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return new PortProblem(
      `Port ${port} is already in use: stop what is using it, or choose another port with ` +
        `${EnvName.port}, e.g. ${EnvName.port}=${port === 3001 ? 3002 : 3001} npm start.`,
    );
  }
  if (code === 'EACCES') {
    return new PortProblem(
      `Port ${port} needs privileges this user does not have: choose a port above 1023 with ` +
        `${EnvName.port}, e.g. ${EnvName.port}=3000 npm start.`,
    );
  }
  return err instanceof Error ? err : new Error(String(err));
}

/**
 * Fails fast (`npm start` asks before the build, DynamoDB Local and the seed spend their seconds)
 * when the port is taken. The server's own listen can still lose a race to another process; it
 * reports that the same way.
 */
export function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err) => reject(portProblem(port, err)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
