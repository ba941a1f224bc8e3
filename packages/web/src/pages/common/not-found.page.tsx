import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { Page } from '../../components/page';
import { useI18n } from '../../i18n/i18n';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <Text>{t('notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('nav.home')}
      </Anchor>
    </Page>
  );
}
