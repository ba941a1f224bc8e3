import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// System fonts only: nothing to download on a slow connection. Persian falls back to Vazirmatn or
// Noto where installed, else DejaVu Sans, which every Debian has.
const FONTS =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Vazirmatn", "Noto Sans Arabic", "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  fontFamily: FONTS,
  headings: { fontFamily: FONTS },
  defaultRadius: 'sm',
  autoContrast: true,
});

// Text on light-variant badges and alerts: each palette's darkest shade at 72 % brightness, on its
// lightest tint (contrast 5:1 to 16:1, checked with the WCAG formula). Hex, not color-mix, so every
// checker reads them.
const LIGHT_TEXT: Record<string, string> = {
  teal: '#055b41',
  green: '#1e632c',
  red: '#901e1e',
  orange: '#9c330a',
  yellow: '#a55500',
  blue: '#11487b',
  gray: '#171a1d',
  grape: '#602170',
  cyan: '#07525f',
  indigo: '#26388f',
};

/**
 * Mantine's default dimmed text and light-variant labels fall under WCAG AA contrast on white:
 * darker shades here, so every badge, hint and active link reads at 4.5:1 or better.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-teal-9)',
    '--mantine-primary-color-light-color': LIGHT_TEXT.teal as string,
    '--mantine-primary-color-light': 'var(--mantine-color-teal-0)',
    ...Object.fromEntries(
      Object.entries(LIGHT_TEXT).flatMap(([c, text]) => [
        [`--mantine-color-${c}-light-color`, text],
        [`--mantine-color-${c}-light`, `var(--mantine-color-${c}-0)`],
      ]),
    ),
  },
  dark: {},
});
