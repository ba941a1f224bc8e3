import { z } from 'zod';

const MAX_NAME_BYTES = 255;

/**
 * A file's original name, kept to show and to offer on download, never used as a path: any script,
 * but no path separators, no control or direction-override characters, not `.` or `..`, at most
 * 255 bytes of UTF-8 (what file systems accept). Normalised to NFC so the same name is one string.
 */
export const FileName = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, 'Give the file a name.')
      .refine((s) => new TextEncoder().encode(s).length <= MAX_NAME_BYTES, 'At most 255 bytes of UTF-8.')
      .refine((s) => !/[/\\]/.test(s), 'A file name cannot contain / or \\.')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
      .refine((s) => !/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(s), {
        message: 'A file name cannot contain control or direction-override characters.',
      })
      .refine((s) => s !== '.' && s !== '..', 'Not a file name.'),
  );
