import type { Lang } from '@parkbridge/domain/shared';
import { en, type Messages } from './en';
import { fa } from './fa';
import { mn } from './mn';
import { vi } from './vi';
import { zh } from './zh';

export type { MessageKey, Messages } from './en';

export const MESSAGES: Record<Lang, Messages> = { en, fa, mn, vi, zh };
