import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Tabs, Textarea, Toggle } from '@strapi/design-system';
import * as React from 'react';
import { INTERIM_REPLY_KINDS, isOneOf, type InterimReplyKind } from '../../../server/src/workflow/domain/report-states';
import type { Action, Options } from '../api';
import { ConfirmButton } from './ConfirmButton';
import { PublicPreview } from './PublicPreview';
import { useT } from '../useT';

/** The Italian words of a reply's kind, before its translation loads (translations/ has both languages). */
const REPLY_KIND_DEFAULTS: Record<InterimReplyKind, string> = { feasibility: 'Fattibilità', progress: 'Aggiornamento' };

export const ANSWER_ACTIONS = ['reply', 'close', 'reject', 'reopen'] as const;
export type AnswerAction = (typeof ANSWER_ACTIONS)[number];

type Template = Options['replyTemplates'][number];

/** A message box with its label, hint and a reply template to start from. */
const MessageField = ({
  name,
  label,
  hint,
  value,
  onChange,
  templates,
  onTemplate,
}: {
  name: string;
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  templates?: readonly Template[];
  onTemplate?: (template: Template) => void;
}) => {
  const { t } = useT();
  return (
    <>
      {templates && templates.length > 0 && onTemplate && (
        <Box paddingBottom={3} maxWidth="400px">
          <SingleSelect
            aria-label={t('report.template', 'Usa un modello di risposta')}
            placeholder={t('report.template', 'Usa un modello di risposta')}
            onChange={(documentId: string | number) => {
              const template = templates.find((each) => each.documentId === documentId);
              if (template) onTemplate(template);
            }}
          >
            {templates.map((template) => (
              <SingleSelectOption key={template.documentId} value={template.documentId}>
                {template.name}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Box>
      )}
      <Field.Root name={name} hint={hint} required>
        <Field.Label>{label}</Field.Label>
        <Textarea value={value} onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => onChange(event.target.value)} />
        <Field.Hint />
      </Field.Root>
    </>
  );
};

const PublicToggle = ({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) => {
  const { t } = useT();
  return (
    <Field.Root name="public">
      <Field.Label>{t('report.replyPublic', 'Visibile nell’archivio pubblico')}</Field.Label>
      <Toggle
        onLabel={t('yes', 'Sì')}
        offLabel={t('no', 'No')}
        checked={checked}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.checked)}
      />
    </Field.Root>
  );
};

/**
 * What an officer says to the citizen, one form per action the lifecycle allows now: a reply, the
 * closing answer, a rejection, a reopening. Each asks for its own fields; a public text is previewed
 * as the archive will show it and checked for personal data; closing, rejecting and reopening ask
 * for confirmation.
 */
export const AnswerForms = ({
  allowed,
  templates,
  busy,
  onAct,
}: {
  allowed: readonly AnswerAction[];
  templates: readonly Template[];
  busy: boolean;
  onAct: (action: Action, body: Record<string, unknown>, done: () => void) => void;
}) => {
  const { t } = useT();
  // Until the officer picks a tab, the first action allowed now (a reply before a closing).
  const [chosen, setChosen] = React.useState<AnswerAction | null>(null);
  const [reply, setReply] = React.useState('');
  const [replyKind, setReplyKind] = React.useState<InterimReplyKind>('feasibility');
  const [replyPublic, setReplyPublic] = React.useState(true);
  const [closing, setClosing] = React.useState('');
  const [closingPublic, setClosingPublic] = React.useState(true);
  const [rejection, setRejection] = React.useState('');
  const [reopening, setReopening] = React.useState('');
  const current = chosen && allowed.includes(chosen) ? chosen : allowed[0];
  const titles: Record<AnswerAction, string> = {
    reply: t('answer.tab.reply', 'Risposta'),
    close: t('answer.tab.close', 'Chiusura'),
    reject: t('answer.tab.reject', 'Rifiuto'),
    reopen: t('answer.tab.reopen', 'Riapertura'),
  };
  const publicHint = t(
    'report.message.publicHint',
    'Questa risposta sarà pubblica nell’archivio: non scrivere nomi, telefoni, targhe o altri dati personali. Il cittadino la riceve anche per email.',
  );
  const privateHint = t(
    'report.message.privateHint',
    'Questa risposta resta riservata: la riceve solo il cittadino, per email o sul canale da cui ha scritto.',
  );

  const forms: Record<AnswerAction, React.ReactNode> = {
    reply: (
      <>
        <MessageField
          name="reply"
          label={t('answer.reply.label', 'Testo della risposta')}
          hint={replyPublic ? publicHint : privateHint}
          value={reply}
          onChange={setReply}
          templates={templates.filter((template) => isOneOf(INTERIM_REPLY_KINDS, template.kind))}
          onTemplate={(template) => {
            setReply(template.body);
            if (isOneOf(INTERIM_REPLY_KINDS, template.kind)) setReplyKind(template.kind);
          }}
        />
        <Flex gap={4} paddingTop={3} wrap="wrap" alignItems="flex-end">
          <Field.Root name="replyKind" required>
            <Field.Label>{t('report.replyKind', 'Tipo di risposta')}</Field.Label>
            <SingleSelect value={replyKind} onChange={(value: string | number) => isOneOf(INTERIM_REPLY_KINDS, value) && setReplyKind(value)}>
              {INTERIM_REPLY_KINDS.map((kind) => (
                <SingleSelectOption key={kind} value={kind}>
                  {t(`reply.${kind}`, REPLY_KIND_DEFAULTS[kind])}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <PublicToggle checked={replyPublic} onChange={setReplyPublic} />
        </Flex>
        {replyPublic && <PublicPreview text={reply} kind={replyKind} />}
        <Box paddingTop={4}>
          <Button
            loading={busy}
            disabled={!reply.trim()}
            onClick={() => onAct('reply', { kind: replyKind, body: reply, public: replyPublic }, () => setReply(''))}
          >
            {t('action.reply', 'Invia la risposta')}
          </Button>
        </Box>
      </>
    ),
    close: (
      <>
        <MessageField
          name="closing"
          label={t('answer.close.label', 'Risposta finale')}
          hint={closingPublic ? publicHint : privateHint}
          value={closing}
          onChange={setClosing}
          templates={templates.filter((template) => template.kind === 'final')}
          onTemplate={(template) => setClosing(template.body)}
        />
        <Box paddingTop={3}>
          <PublicToggle checked={closingPublic} onChange={setClosingPublic} />
        </Box>
        {closingPublic && <PublicPreview text={closing} kind="final" />}
        <Box paddingTop={4}>
          <ConfirmButton
            variant="success"
            busy={busy}
            disabled={!closing.trim()}
            label={t('action.close', 'Chiudi la segnalazione')}
            title={t('answer.close.confirmTitle', 'Chiudere la segnalazione?')}
            body={t(
              'answer.close.confirm',
              'Il cittadino riceve subito la risposta finale e la segnalazione esce dalle scadenze dell’ufficio. Potrà essere riaperta, se serve.',
            )}
            onConfirm={() => onAct('close', { body: closing, public: closingPublic }, () => setClosing(''))}
          />
        </Box>
      </>
    ),
    reject: (
      <>
        <MessageField
          name="rejection"
          label={t('answer.reject.label', 'Motivo del rifiuto')}
          hint={t('answer.reject.hint', 'Il motivo va solo al cittadino: una segnalazione respinta non è mai pubblica e, se lo era, esce dall’archivio.')}
          value={rejection}
          onChange={setRejection}
          templates={templates.filter((template) => template.kind === 'rejection')}
          onTemplate={(template) => setRejection(template.body)}
        />
        <Box paddingTop={4}>
          <ConfirmButton
            variant="danger-light"
            busy={busy}
            disabled={!rejection.trim()}
            label={t('action.reject', 'Respingi la segnalazione')}
            title={t('answer.reject.confirmTitle', 'Respingere la segnalazione?')}
            body={t(
              'answer.reject.confirm',
              'La segnalazione sarà respinta con questo motivo e il cittadino lo riceve subito. Una segnalazione respinta non può essere riaperta.',
            )}
            onConfirm={() => onAct('reject', { body: rejection }, () => setRejection(''))}
          />
        </Box>
      </>
    ),
    reopen: (
      <>
        <MessageField
          name="reopening"
          label={t('answer.reopen.label', 'Motivo della riapertura')}
          hint={t('answer.reopen.hint', 'Il cittadino riceve il motivo; le scadenze dell’ufficio ripartono.')}
          value={reopening}
          onChange={setReopening}
        />
        <Box paddingTop={4}>
          <ConfirmButton
            variant="secondary"
            busy={busy}
            disabled={!reopening.trim()}
            label={t('action.reopen', 'Riapri la segnalazione')}
            title={t('answer.reopen.confirmTitle', 'Riaprire la segnalazione?')}
            body={t('answer.reopen.confirm', 'La segnalazione torna in lavorazione e il cittadino riceve il motivo della riapertura.')}
            onConfirm={() => onAct('reopen', { reason: reopening }, () => setReopening(''))}
          />
        </Box>
      </>
    ),
  };

  return (
    <Tabs.Root value={current} onValueChange={(value) => isOneOf(ANSWER_ACTIONS, value) && setChosen(value)}>
      <Tabs.List aria-label={t('report.answer', 'Risposta al cittadino')}>
        {allowed.map((action) => (
          <Tabs.Trigger key={action} value={action}>
            {titles[action]}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {/* Every form stays mounted, so a draft survives a look at another tab. */}
      {allowed.map((action) => (
        <Tabs.Content key={action} value={action} forceMount>
          <Box paddingTop={4} hidden={action !== current}>
            {forms[action]}
          </Box>
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
};
