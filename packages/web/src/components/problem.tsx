import { Alert, Button, List, Text } from '@mantine/core';
import { ApiError, type FieldError } from '../api/client';
import { useI18n } from '../i18n/i18n';

/**
 * The problem in the user's language: a sentence per problem code (every code the API sends has
 * one, tests/web/problem-codes.test.ts), else one per status. The server's own detail is English
 * developer text (ISO instants, field paths): it goes under "details", never in the main text.
 */
export function useProblemText() {
  const { t, tMaybe } = useI18n();
  return (error: unknown): { title: string; detail: string; technical: string } => {
    if (error instanceof ApiError) {
      const byCode = tMaybe(`problem.${error.code}`);
      const title = byCode ?? tMaybe(`problem.status.${error.status}`) ?? t('problem.generic');
      if (error.status === 0) return { title, detail: t('problem.network.detail'), technical: '' };
      return { title, detail: '', technical: error.problem.detail };
    }
    return {
      title: t('problem.generic'),
      detail: '',
      technical: error instanceof Error ? error.message : '',
    };
  };
}

/**
 * A failed request: what went wrong, the fields no input on the page claimed, and a retry. The
 * form's values stay where they were: nothing typed is lost.
 */
export function ProblemAlert(props: { error: unknown; unclaimed?: FieldError[]; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = useProblemText()(props.error);
  const requestId = props.error instanceof ApiError ? props.error.problem.requestId : undefined;
  return (
    <Alert color="red" title={text.title} role="alert">
      {text.detail && <Text size="sm">{text.detail}</Text>}
      {!!props.unclaimed?.length && (
        <List size="sm" mt="xs">
          {props.unclaimed.map((e) => (
            <List.Item key={`${e.path}|${e.message}`}>
              <Text span ff="monospace" size="sm">
                {e.path}
              </Text>
              : {e.message}
            </List.Item>
          ))}
        </List>
      )}
      {(requestId || text.technical) && (
        <details data-testid="problem-details">
          <Text component="summary" size="xs" c="dimmed" mt="xs" style={{ cursor: 'pointer' }}>
            {t('problem.details')}
          </Text>
          {text.technical && (
            <Text size="xs" c="dimmed" dir="ltr">
              {text.technical}
            </Text>
          )}
          {requestId && (
            <Text size="xs" c="dimmed" dir="ltr">
              {t('problem.requestId', { id: requestId })}
            </Text>
          )}
        </details>
      )}
      {props.onRetry && (
        <Button size="xs" variant="light" color="red" mt="sm" onClick={props.onRetry}>
          {t('action.retry')}
        </Button>
      )}
    </Alert>
  );
}
