import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { allPages } from '../../api/queries';
import type { Need, Question } from '../../api/types';
import { useAbilities } from '../../auth/abilities';
import { ProblemAlert } from '../../components/problem';
import { Empty, QueryState } from '../../components/query-state';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/i18n';
import { questionsKey } from './need-keys';

function AnswerForm(props: { need: Need; q: Question }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const s = useSubmit(
    () =>
      api.post<Question>(`/v1/needs/${props.need.needId}/questions/${props.q.questionId}/answer`, { text }),
    { invalidate: [questionsKey(props.need.needId)], onSuccess: () => setText('') },
  );
  return (
    <form onSubmit={s.onSubmit}>
      <Stack gap="xs">
        <Textarea
          label={t('question.answer')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={s.fieldError('text')}
          autosize
          minRows={2}
        />
        {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={s.pending} disabled={!text.trim()}>
            {t('question.sendAnswer')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AskForm(props: { need: Need }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const s = useSubmit(
    (key) =>
      api.post<Question>(`/v1/needs/${props.need.needId}/questions`, { text }, { idempotencyKey: key }),
    { invalidate: [questionsKey(props.need.needId)], onSuccess: () => setText('') },
  );
  return (
    <form onSubmit={s.onSubmit}>
      <Stack gap="xs">
        <Textarea
          label={t('question.ask')}
          description={t('question.askHint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={s.fieldError('text')}
          autosize
          minRows={2}
          data-testid="question-text"
        />
        {s.error ? <ProblemAlert error={s.error} unclaimed={s.unclaimed()} /> : null}
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={s.pending} disabled={!text.trim()}>
            {t('question.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Clarification questions. Suppliers never see who asked; an answer goes to every bidder. The
 * owner answers; a supplier asks while the need is open.
 */
export function QuestionsPanel(props: { need: Need; owner: boolean }) {
  const { t, fmt } = useI18n();
  const can = useAbilities();
  const questions = useQuery({
    queryKey: questionsKey(props.need.needId),
    queryFn: () => allPages<Question>(`/v1/needs/${props.need.needId}/questions`),
  });
  return (
    <Stack>
      {!props.owner && props.need.status === 'open' && can.sell && (
        <Paper withBorder p="md">
          <AskForm need={props.need} />
        </Paper>
      )}
      <QueryState
        query={questions}
        isEmpty={(q) => q.length === 0}
        empty={<Empty title={t('question.none')} />}
      >
        {(list) => (
          <Stack gap="sm" data-testid="questions">
            {list.map((q) => (
              <Paper key={q.questionId} withBorder p="md">
                <Stack gap="xs">
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={600} size="sm">
                      {q.text}
                    </Text>
                    {q.mine && (
                      <Badge variant="outline" color="gray" size="sm">
                        {t('question.mine')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('question.askedAt', { at: fmt.dateTime(q.askedAt) })}
                  </Text>
                  {q.answer ? (
                    <Paper bg="teal.0" p="sm">
                      <Text size="sm">{q.answer}</Text>
                      <Text size="xs" c="dimmed">
                        {t('question.answeredAt', { at: fmt.dateTime(q.answeredAt) })}
                      </Text>
                    </Paper>
                  ) : props.owner && can.buy ? (
                    <AnswerForm need={props.need} q={q} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('question.unanswered')}
                    </Text>
                  )}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
