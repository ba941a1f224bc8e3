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

const COLORS = ['teal', 'green', 'red', 'orange', 'yellow', 'blue', 'gray', 'grape', 'cyan', 'indigo'];

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
    '--mantine-primary-color-light-color': 'var(--mantine-color-teal-9)',
    '--mantine-primary-color-light': 'var(--mantine-color-teal-0)',
    ...Object.fromEntries(
      COLORS.map((c) => [`--mantine-color-${c}-light-color`, `var(--mantine-color-${c}-9)`]),
    ),
  },
  dark: {},
});
