import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * The browser tab's title and the page's meta description, per route and in the reader's language.
 * Search engines that run scripts (as the big ones do) read both; see docs/architecture.md.
 */
export function usePageMeta(title: string, description: string) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
    let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    meta.content = description;
  }, [title, description, t]);
}
