import type { Change } from '../stream/change';

type Image = Record<string, unknown> | null;

/** The need item by the need contract's key (pk `NEED#…`, sk `NEED`), whoever wrote it. */
export const isNeedItem = (c: Change): boolean => {
  const img = c.newImage ?? c.oldImage;
  return typeof img?.pk === 'string' && img.pk.startsWith('NEED#') && img.sk === 'NEED';
};

export const needIdOf = (c: Change): string => String((c.newImage ?? c.oldImage)?.needId ?? '');

const status = (i: Image) => (i?.status as string | undefined) ?? null;

/** The close schedule must follow: the need opened, closed, or its effective close moved. */
export const scheduleChanged = (c: Change): boolean =>
  isNeedItem(c) &&
  (c.kind === 'REMOVE' ||
    status(c.oldImage) !== status(c.newImage) ||
    c.oldImage?.closesAtMs !== c.newImage?.closesAtMs);

/** The status became `to` in this change. */
export const becameStatus = (c: Change, to: string): boolean =>
  isNeedItem(c) && status(c.newImage) === to && status(c.oldImage) !== to;
