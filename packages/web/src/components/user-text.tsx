import type { ReactNode } from 'react';

/**
 * Text a person typed (a firm's name, a need's title) keeps its own direction inside a sentence of
 * the interface's language: a Persian title in English text, or "Alborz Steel Pipe Co." in Persian
 * text, with its full stop on its own side.
 */
export function UserText(props: { children: ReactNode }) {
  return <bdi>{props.children}</bdi>;
}

/**
 * The same isolation inside a translated string (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE),
 * for placeholders filled with user text: `t('bid.awardTo', { name: isolate(name) })`.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
