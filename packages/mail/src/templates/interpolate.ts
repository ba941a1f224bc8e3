/** A template that cannot be filled: a test fails on it, an email is never sent with a hole. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/** The {name} placeholders of a message. */
export const placeholders = (message: string): string[] =>
  [...message.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1] as string);

/** Fills {name} placeholders; any placeholder without a value throws. Values are plain text. */
export function fill(message: string, values: Record<string, string>, where: string): string {
  return message.replace(/\{([A-Za-z]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new TemplateError(`${where}: no value for {${name}}.`);
    return value;
  });
}
