import { Button, Dialog } from '@strapi/design-system';
import * as React from 'react';
import { useT } from '../useT';

type Variant = 'default' | 'success' | 'danger-light' | 'secondary';

/** A button whose action asks first: what happens, said in a dialog, then the same words to confirm. */
export const ConfirmButton = ({
  label,
  title,
  body,
  variant = 'default',
  busy,
  disabled,
  onConfirm,
}: {
  label: string;
  title: string;
  body: string;
  variant?: Variant;
  busy: boolean;
  disabled?: boolean;
  onConfirm: () => void;
}) => {
  const { t } = useT();
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button variant={variant} loading={busy} disabled={disabled}>
          {label}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body>{body}</Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('cancel', 'Annulla')}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant={variant} onClick={onConfirm}>
              {label}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
