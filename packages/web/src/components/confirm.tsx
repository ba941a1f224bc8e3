import { Button, type ButtonProps, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ProblemAlert } from './problem';

export interface ConfirmProps {
  /** What the dialog asks, e.g. "Award this contract?". */
  title: string;
  /** What will happen, naming the thing, the amount and the counterparty. */
  message: ReactNode;
  /** The dialog's confirming button, a verb: "Award", "Reject". */
  confirmLabel: string;
  /** Resolves true when done (the dialog closes), false when it failed (the dialog stays, with `error`). */
  onConfirm: () => Promise<boolean>;
  pending?: boolean;
  error?: unknown;
  /** Irreversible and against the other side's hopes (reject, cancel): a red confirming button. */
  danger?: boolean;
  /** What the user types before confirming (a reason), shown above the buttons. */
  children?: ReactNode;
  /** Confirming stays disabled while this is true (a required reason is empty). */
  confirmDisabled?: boolean;
}

/**
 * An action that cannot be taken back asks once, saying what it will do. One dialog for every such
 * action (award, confirm, deliver, accept, cancel, approve, reject, verify) so they all read alike.
 */
export function ConfirmButton(
  props: ConfirmProps & {
    label: ReactNode;
    button?: ButtonProps & { 'aria-label'?: string; 'data-testid'?: string; disabled?: boolean };
  },
) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button {...props.button} loading={props.pending} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={props.title}
        centered
        data-testid="confirm-dialog"
      >
        <Stack gap="md">
          <Text size="sm" data-testid="confirm-message">
            {props.message}
          </Text>
          {props.children}
          {props.error ? <ProblemAlert error={props.error} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpen(false)} data-testid="confirm-no">
              {t('confirm.back')}
            </Button>
            <Button
              color={props.danger ? 'red' : undefined}
              loading={props.pending}
              disabled={props.confirmDisabled}
              data-testid="confirm-yes"
              onClick={async () => {
                if (await props.onConfirm()) setOpen(false);
              }}
            >
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
