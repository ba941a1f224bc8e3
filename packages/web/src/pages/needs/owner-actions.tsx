import { Button, Group, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Need } from '../../api/types';
import { etagFor } from '../../components/inputs';
import { ProblemAlert } from '../../components/problem';
import { useSubmit } from '../../components/use-submit';
import { ZonedDateTimeInput } from '../../components/zoned-input';
import { utcToZonedInput, zonedInputToUtc } from '../../format/zoned-time';
import { useI18n } from '../../i18n/i18n';
import { needsKey } from '../tenant/needs.page';
import { AmendForm } from './amend-panel';
import { needKey } from './need-keys';

/** What the owner can do with its need in its current state: publish, amend, move the close, cancel. */
export function OwnerActions(props: { need: Need; timeZone: string }) {
  const { t } = useI18n();
  const { need } = props;
  const queryClient = useQueryClient();
  const [panel, setPanel] = useState<'none' | 'extend' | 'cancel' | 'amend' | 'edit'>('none');
  const [reason, setReason] = useState('');
  const [closesAt, setClosesAt] = useState(() => utcToZonedInput(need.closesAt, props.timeZone));
  const done = (n: Need) => {
    queryClient.setQueryData(needKey(n.needId), n);
    void queryClient.invalidateQueries({ queryKey: needsKey });
    setPanel('none');
  };
  const publish = useSubmit(
    () => api.post<Need>(`/v1/needs/${need.needId}/publish`, undefined, { ifMatch: etagFor(need) }),
    { onSuccess: done },
  );
  const extend = useSubmit(
    () =>
      api.post<Need>(
        `/v1/needs/${need.needId}/extend`,
        { closesAt: zonedInputToUtc(closesAt, props.timeZone) ?? closesAt },
        { ifMatch: etagFor(need) },
      ),
    { onSuccess: done },
  );
  const cancel = useSubmit(
    () => api.post<Need>(`/v1/needs/${need.needId}/cancel`, { reason }, { ifMatch: etagFor(need) }),
    { onSuccess: done },
  );
  const canCancel = ['draft', 'open', 'closed'].includes(need.status);
  if (!canCancel) return null;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        {need.status === 'draft' && (
          <Button
            variant="default"
            onClick={() => setPanel(panel === 'edit' ? 'none' : 'edit')}
            aria-expanded={panel === 'edit'}
            data-testid="need-edit-draft"
          >
            {t('need.editDraft')}
          </Button>
        )}
        {need.status === 'draft' && (
          <Button
            loading={publish.pending}
            onClick={() => void publish.submit()}
            data-testid="need-publish-action"
          >
            {t('need.publish')}
          </Button>
        )}
        {need.status === 'open' && (
          <Button
            variant="default"
            onClick={() => setPanel(panel === 'amend' ? 'none' : 'amend')}
            aria-expanded={panel === 'amend'}
            data-testid="need-amend"
          >
            {t('amend.open')}
          </Button>
        )}
        {need.status === 'open' && (
          <Button
            variant="default"
            onClick={() => setPanel(panel === 'extend' ? 'none' : 'extend')}
            aria-expanded={panel === 'extend'}
          >
            {t('need.extend')}
          </Button>
        )}
        <Button
          variant="default"
          color="red"
          onClick={() => setPanel(panel === 'cancel' ? 'none' : 'cancel')}
          aria-expanded={panel === 'cancel'}
        >
          {t('need.cancel')}
        </Button>
      </Group>
      {publish.error ? <ProblemAlert error={publish.error} unclaimed={publish.unclaimed()} /> : null}
      {panel === 'edit' && need.status === 'draft' && (
        <DraftEditForm need={need} timeZone={props.timeZone} onDone={done} />
      )}
      {panel === 'amend' && need.status === 'open' && (
        <AmendForm need={need} onDone={() => setPanel('none')} />
      )}
      {panel === 'extend' && (
        <Paper withBorder p="md">
          <form onSubmit={extend.onSubmit}>
            <Stack gap="sm">
              <ZonedDateTimeInput
                label={t('need.newClose')}
                required
                timeZone={props.timeZone}
                value={closesAt}
                onChange={setClosesAt}
                error={extend.fieldError('closesAt')}
              />
              {extend.error ? <ProblemAlert error={extend.error} unclaimed={extend.unclaimed()} /> : null}
              <Group justify="flex-end">
                <Button type="submit" loading={extend.pending}>
                  {t('need.extend')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      {panel === 'cancel' && (
        <Paper withBorder p="md">
          <form onSubmit={cancel.onSubmit}>
            <Stack gap="sm">
              <TextInput
                label={t('need.cancelReason')}
                required
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={cancel.fieldError('reason')}
              />
              {cancel.error ? <ProblemAlert error={cancel.error} unclaimed={cancel.unclaimed()} /> : null}
              <Group justify="flex-end">
                <Button type="submit" color="red" loading={cancel.pending}>
                  {t('need.cancelConfirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}

/**
 * A draft's title, description and close, edited in place (PATCH; an open need changes through an
 * amendment instead). The rest of a draft is as it was posted.
 */
function DraftEditForm(props: { need: Need; timeZone: string; onDone: (n: Need) => void }) {
  const { t } = useI18n();
  const { need } = props;
  const [title, setTitle] = useState(need.title);
  const [description, setDescription] = useState(need.description);
  const [closesAt, setClosesAt] = useState(() => utcToZonedInput(need.closesAt, props.timeZone));
  const save = useSubmit(
    () =>
      api.patch<Need>(
        `/v1/needs/${need.needId}`,
        { title, description, closesAt: zonedInputToUtc(closesAt, props.timeZone) ?? closesAt },
        { ifMatch: etagFor(need) },
      ),
    { onSuccess: props.onDone },
  );
  return (
    <Paper withBorder p="md">
      <form onSubmit={save.onSubmit} data-testid="need-draft-form">
        <Stack gap="sm">
          <TextInput
            label={t('need.titleField')}
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={save.fieldError('title')}
            dir="auto"
          />
          <Textarea
            label={t('common.description')}
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={save.fieldError('description')}
            dir="auto"
          />
          <ZonedDateTimeInput
            label={t('need.closesAt')}
            required
            timeZone={props.timeZone}
            value={closesAt}
            onChange={setClosesAt}
            error={save.fieldError('closesAt')}
          />
          {save.error ? <ProblemAlert error={save.error} unclaimed={save.unclaimed()} /> : null}
          <Group justify="flex-end">
            <Button type="submit" loading={save.pending} data-testid="need-draft-save">
              {t('action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
