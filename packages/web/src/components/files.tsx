import {
  ActionIcon,
  Anchor,
  Badge,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../api/client';
import type { Attachment, UploadPurpose } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useProblemText } from './problem';

/** What the API carries (packages/domain/src/documents/file-types.ts): extension → type and label. */
const KINDS: Record<string, { type: string; label: string }> = {
  pdf: { type: 'application/pdf', label: 'PDF' },
  png: { type: 'image/png', label: 'PNG' },
  jpg: { type: 'image/jpeg', label: 'JPEG' },
  jpeg: { type: 'image/jpeg', label: 'JPEG' },
  webp: { type: 'image/webp', label: 'WebP' },
  dxf: { type: 'image/vnd.dxf', label: 'DXF' },
  dwg: { type: 'image/vnd.dwg', label: 'DWG' },
  step: { type: 'model/step', label: 'STEP' },
  stp: { type: 'model/step', label: 'STEP' },
  iges: { type: 'model/iges', label: 'IGES' },
  igs: { type: 'model/iges', label: 'IGES' },
  stl: { type: 'model/stl', label: 'STL' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'XLSX' },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'DOCX' },
  csv: { type: 'text/csv', label: 'CSV' },
  txt: { type: 'text/plain', label: 'TXT' },
};
const MAX_BYTES = 25 * 1024 * 1024;
const MAX_FILES = 20;

const kindOf = (name: string) => KINDS[name.slice(name.lastIndexOf('.') + 1).toLowerCase()];
const labelOfType = (type: string) => Object.values(KINDS).find((k) => k.type === type)?.label ?? type;

/** A size in the reader's language and digits (kB or MB). */
export function useFileSize() {
  const { fmt } = useI18n();
  return (bytes: number) =>
    bytes < 1024 * 1024
      ? fmt.number(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' })
      : fmt.number(Math.round((bytes / (1024 * 1024)) * 10) / 10, { style: 'unit', unit: 'megabyte' });
}

/** Opens a file: the API answers a short-lived URL for those who may see it. */
async function openFile(a: Attachment) {
  const { url } = await api.get<{ url: string }>(`/v1/attachments/${a.attachmentId}`);
  window.location.assign(url);
}

/** A thing's files, with their size and type; each downloads on a click. */
export function FileList(props: {
  files: readonly Attachment[] | undefined;
  onRemove?: (a: Attachment) => void;
}) {
  const { t } = useI18n();
  const size = useFileSize();
  const problem = useProblemText();
  const [error, setError] = useState<string | null>(null);
  if (!props.files?.length) return null;
  return (
    <Stack gap={4} data-testid="file-list">
      {props.files.map((a) => (
        <Group key={a.attachmentId} gap="xs" wrap="nowrap">
          <Badge variant="light" size="sm" miw={52}>
            {labelOfType(a.contentType)}
          </Badge>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => openFile(a).catch((err) => setError(problem(err).title))}
            aria-label={t('files.download', { name: a.fileName })}
            style={{ overflowWrap: 'anywhere', textAlign: 'start' }}
          >
            {a.fileName}
          </Anchor>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {size(a.size)}
          </Text>
          {props.onRemove && (
            <ActionIcon
              variant="subtle"
              color="red"
              size="sm"
              onClick={() => props.onRemove?.(a)}
              aria-label={t('files.remove', { name: a.fileName })}
            >
              ×
            </ActionIcon>
          )}
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red.9" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

interface Pending {
  id: number;
  name: string;
  progress: number;
  stage: 'uploading' | 'checking';
  error?: string;
}

interface Presigned {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
}

/** The form POST straight to object storage, with progress (fetch cannot report an upload's). */
function postForm(p: Presigned, file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(p.fields)) form.append(k, v);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', p.url);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new Error(`storage ${xhr.status}`)));
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(form);
  });
}

async function sha256Hex(file: File): Promise<string | undefined> {
  if (!crypto.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Start, send, complete (again while the malware scan is pending): the file, ready to attach. */
async function uploadOne(
  purpose: UploadPurpose,
  file: File,
  onProgress: (f: number) => void,
  onChecking: () => void,
) {
  const kind = kindOf(file.name) as { type: string };
  const sha256 = await sha256Hex(file);
  const presigned = await api.post<Presigned>('/v1/uploads', {
    purpose,
    fileName: file.name,
    contentType: kind.type,
    size: file.size,
    ...(sha256 ? { sha256 } : {}),
  });
  await postForm(presigned, file, onProgress);
  onChecking();
  for (let attempt = 0; ; attempt++) {
    const done = await api.post<Attachment & { status: 'ready' | 'scanning' }>(
      `/v1/uploads/${presigned.uploadId}/complete`,
    );
    if (done.status === 'ready' || attempt >= 30) return done;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/**
 * Drag files here (or choose them): each goes straight to object storage with a progress bar, is
 * checked by the server, and joins the list the form sends as `attachments`.
 */
export function FileDrop(props: {
  purpose: UploadPurpose;
  files: readonly Attachment[];
  onChange: (files: Attachment[]) => void;
  label?: string;
  /** Told whether a file is still on its way, so the form waits for it before sending. */
  onBusy?: (busy: boolean) => void;
}) {
  const { t } = useI18n();
  const problem = useProblemText();
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  const [over, setOver] = useState(false);
  const current = useRef(props.files);
  current.current = props.files;
  const seq = useRef(0);

  const busy = pending.some((p) => !p.error);
  const onBusy = props.onBusy;
  useEffect(() => onBusy?.(busy), [busy, onBusy]);

  const update = (id: number, change: Partial<Pending>) =>
    setPending((list) => list.map((p) => (p.id === id ? { ...p, ...change } : p)));

  async function add(list: FileList | null) {
    const files = [...(list ?? [])];
    for (const file of files) {
      seq.current += 1;
      const id = seq.current;
      const kind = kindOf(file.name);
      const early = !kind
        ? t('files.typeNotAllowed', { name: file.name })
        : file.size > MAX_BYTES
          ? t('files.tooLarge', { name: file.name })
          : current.current.length + 1 > MAX_FILES
            ? t('files.tooMany')
            : undefined;
      setPending((p) => [
        ...p,
        { id, name: file.name, progress: 0, stage: 'uploading', ...(early ? { error: early } : {}) },
      ]);
      if (early) continue;
      try {
        const done = await uploadOne(
          props.purpose,
          file,
          (f) => update(id, { progress: f }),
          () => update(id, { progress: 1, stage: 'checking' }),
        );
        const { status: _s, ...attachment } = done as Attachment & { status: string; uploadId?: string };
        const clean: Attachment = {
          attachmentId: attachment.attachmentId,
          fileName: attachment.fileName,
          contentType: attachment.contentType,
          size: attachment.size,
          sha256: attachment.sha256,
        };
        current.current = [...current.current, clean];
        props.onChange([...current.current]);
        setPending((p) => p.filter((x) => x.id !== id));
      } catch (err) {
        const reason = err instanceof ApiError ? problem(err).title : String((err as Error).message);
        update(id, { error: t('files.failed', { name: file.name, reason }) });
      }
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void add(e.dataTransfer.files);
  };

  return (
    <Stack gap="xs">
      {props.label && (
        <Text size="sm" fw={500}>
          {props.label}
        </Text>
      )}
      <FileList files={props.files} onRemove={(a) => props.onChange(props.files.filter((f) => f !== a))} />
      <UnstyledButton
        onClick={() => input.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid={`file-drop-${props.purpose}`}
      >
        <Paper
          withBorder
          p="md"
          radius="md"
          style={{
            borderStyle: 'dashed',
            borderWidth: 2,
            background: over ? 'var(--mantine-color-blue-0)' : undefined,
          }}
        >
          <Text size="sm" ta="center">
            {t('files.drop')}
          </Text>
          <Text size="xs" c="dimmed" ta="center">
            {t('files.dropHint')}
          </Text>
        </Paper>
      </UnstyledButton>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={Object.keys(KINDS)
          .map((e) => `.${e}`)
          .join(',')}
        onChange={(e) => {
          void add(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
        data-testid={`file-input-${props.purpose}`}
      />
      {pending.map((p) => (
        <Stack key={p.id} gap={2} data-testid="file-progress">
          <Text size="xs" c={p.error ? 'red.9' : undefined} role={p.error ? 'alert' : undefined}>
            {p.error ?? t(p.stage === 'uploading' ? 'files.uploading' : 'files.checking', { name: p.name })}
          </Text>
          {!p.error && (
            <Progress
              value={p.progress * 100}
              animated={p.stage === 'checking'}
              aria-label={t('files.uploading', { name: p.name })}
            />
          )}
        </Stack>
      ))}
    </Stack>
  );
}
