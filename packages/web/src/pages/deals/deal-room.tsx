import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { api } from '../../api/client';
import { allPages } from '../../api/queries';
import type { Attachment, Deal, DealMessage } from '../../api/types';
import { FileDrop, FileList } from '../../components/files';
import { ProblemAlert } from '../../components/problem';
import { Loading } from '../../components/query-state';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/i18n';

const roomKey = (dealId: string) => ['deals', dealId, 'messages'];

/**
 * The deal's own thread: the buyer and the seller write, with files (delivery notes, invoices); each
 * message tells the other side. Oldest first, like a conversation.
 */
export function DealRoom(props: {
  deal: Deal;
  side: 'buyer' | 'seller';
  /** Viewers read the room; only the side's buyers or sellers (and admins) write in it. */
  canPost: boolean;
  timeZone?: string | undefined;
}) {
  const { t, fmt } = useI18n();
  const { deal } = props;
  const queryClient = useQueryClient();
  const messages = useQuery({
    queryKey: roomKey(deal.dealId),
    queryFn: () => allPages<DealMessage>(`/v1/deals/${deal.dealId}/messages`),
    refetchInterval: 15_000,
  });
  // An email about a message links to /deals/{id}#room: the room may sit below the deal's details.
  const { hash } = useLocation();
  const room = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (hash === '#room') room.current?.scrollIntoView({ block: 'start' });
  }, [hash]);
  const [text, setText] = useState('');
  const [files, setFiles] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const send = useSubmit(
    (key) =>
      api.post<DealMessage>(
        `/v1/deals/${deal.dealId}/messages`,
        {
          ...(text.trim() ? { text } : {}),
          ...(files.length ? { attachments: files.map((f) => f.attachmentId) } : {}),
        },
        { idempotencyKey: key },
      ),
    {
      onSuccess: () => {
        setText('');
        setFiles([]);
        void queryClient.invalidateQueries({ queryKey: roomKey(deal.dealId) });
      },
    },
  );
  return (
    <Paper
      withBorder
      p="md"
      data-testid="deal-room"
      id="room"
      ref={room}
      // Scrolled to, it starts below the app's fixed header.
      style={{ scrollMarginTop: 'calc(var(--app-shell-header-offset, 0px) + var(--mantine-spacing-md))' }}
    >
      <Stack>
        <div>
          <Title order={2} size="h4">
            {t('room.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('room.hint')}
          </Text>
        </div>
        {messages.error ? (
          <ProblemAlert error={messages.error} onRetry={() => messages.refetch()} />
        ) : !messages.data ? (
          <Loading />
        ) : messages.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('room.empty')}
          </Text>
        ) : (
          <Stack gap="sm" data-testid="deal-messages">
            {messages.data.map((m) => {
              const mine = m.side === props.side;
              return (
                <Paper
                  key={m.messageId}
                  p="sm"
                  radius="md"
                  bg={mine ? 'blue.0' : 'gray.0'}
                  maw="85%"
                  style={{ alignSelf: mine ? 'flex-end' : 'flex-start' }}
                  data-testid="deal-message"
                >
                  <Group justify="space-between" gap="md">
                    <Text size="xs" fw={600}>
                      {t(m.side === 'buyer' ? 'room.fromBuyer' : 'room.fromSeller')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {fmt.dateTime(m.createdAt, props.timeZone)}
                    </Text>
                  </Group>
                  {m.text && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {m.text}
                    </Text>
                  )}
                  <FileList files={m.attachments} />
                </Paper>
              );
            })}
          </Stack>
        )}
        {props.canPost ? (
          <form onSubmit={send.onSubmit}>
            <Stack gap="sm">
              <Textarea
                label={t('room.message')}
                autosize
                minRows={2}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={send.fieldError('text')}
                data-testid="deal-message-text"
              />
              <FileDrop purpose="deal" files={files} onChange={setFiles} onBusy={setUploading} />
              {send.error ? <ProblemAlert error={send.error} unclaimed={send.unclaimed()} /> : null}
              <Group justify="flex-end">
                <Button
                  type="submit"
                  loading={send.pending}
                  disabled={uploading || (!text.trim() && !files.length)}
                  data-testid="deal-message-send"
                >
                  {t('room.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
