import { Button, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import type { Org } from '../../api/types';
import { useConfig } from '../../app/config-context';
import { homePath } from '../../app/home';
import { renewSession } from '../../auth/login';
import { getSession, useSession } from '../../auth/session';
import { Page } from '../../components/page';
import { ProblemAlert } from '../../components/problem';
import { useDraft } from '../../components/use-draft';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/i18n';
import { MyInvitations } from './my-invitations';

/** A new user has no organisation yet: it creates one, then signs in again to carry it in the token. */
export default function OnboardingPage() {
  const { t } = useI18n();
  const config = useConfig();
  const session = useSession();
  const navigate = useNavigate();
  const draft = useDraft('onboarding', () => ({
    name: '',
    kinds: ['tenant'] as string[],
    country: '',
    city: '',
  }));
  const v = draft.value;
  const s = useSubmit(
    (key) =>
      api.post<Org>(
        '/v1/orgs',
        {
          name: v.name,
          kinds: v.kinds,
          country: v.country.toUpperCase(),
          ...(v.city.trim() ? { city: v.city } : {}),
        },
        { idempotencyKey: key },
      ),
    {
      onSuccess: async () => {
        draft.clear();
        await renewSession(config);
        navigate(getSession()?.orgId ? '/org' : homePath(getSession()), { replace: true });
      },
    },
  );

  if (session?.orgId) {
    return (
      <Page title={t('onboarding.title')}>
        <Text>{t('onboarding.already')}</Text>
      </Page>
    );
  }

  return (
    <Page title={t('onboarding.title')}>
      <MyInvitations inOrganisation={false} hideWhenNone />
      <Text c="dimmed">{t('onboarding.intro')}</Text>
      <Paper withBorder p="lg" maw={560}>
        <form onSubmit={s.onSubmit}>
          <Stack>
            <TextInput
              label={t('org.name')}
              required
              value={v.name}
              onChange={(e) => draft.set('name', e.currentTarget.value)}
              error={s.fieldError('name')}
            />
            <Checkbox.Group
              label={t('org.kinds')}
              value={v.kinds}
              onChange={(kinds) => draft.set('kinds', kinds)}
              error={s.fieldError('kinds')}
              required
            >
              <Group mt="xs">
                <Checkbox value="tenant" label={t('role.tenant')} />
                <Checkbox value="supplier" label={t('role.supplier')} />
              </Group>
            </Checkbox.Group>
            <TextInput
              label={t('org.country')}
              description={t('org.countryHint')}
              required
              maxLength={2}
              value={v.country}
              onChange={(e) => draft.set('country', e.currentTarget.value.toUpperCase())}
              error={s.fieldError('country')}
            />
            <TextInput
              label={t('org.city')}
              value={v.city}
              onChange={(e) => draft.set('city', e.currentTarget.value)}
              error={s.fieldError('city')}
            />
            {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={s.pending}>
                {t('onboarding.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Page>
  );
}
