import { Box, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import * as React from 'react';
import { parseDayText, WEEK_FROM_MONDAY, weekTexts, type Weekday } from '../../../server/src/service-levels/domain/opening-hours-text';
import { BIELLA_URP_HOURS } from '../../../server/src/service-levels/domain/working-calendar';
import { useT } from '../useT';

const EMPTY_WEEK = { 0: [], 1: [], 2: [], 3: [], 4: [], 5: [], 6: [] };
const DAY_DEFAULTS: Record<Weekday, string> = { 1: 'Lunedì', 2: 'Martedì', 3: 'Mercoledì', 4: 'Giovedì', 5: 'Venerdì', 6: 'Sabato', 0: 'Domenica' };

/** What the Content Manager passes a custom field's input; Strapi's types declare none of it, hence all optional. */
interface Props {
  name?: string;
  label?: React.ReactNode;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  error?: string;
  value?: unknown;
  onChange?: (name: string, value: unknown) => void;
}

/**
 * The Content Manager's editor of an office's hours (the `opening-hours` custom field): a line per
 * day, Monday first, "08:30-12:00, 14:15-16:00", empty for closed; the default hours as placeholders
 * while the office has none of its own, and as the other days' hours once one day is written. What it stores is what the calendar reads; a day it cannot
 * read is stored as typed, so that saving is refused with the reason rather than losing the text.
 */
export const OpeningHoursInput = ({ name = 'openingHours', label, hint, required, disabled, error, value, onChange }: Props) => {
  const { t } = useT();
  const hasOwn = value !== null && value !== undefined;
  const [texts, setTexts] = React.useState(() => weekTexts(hasOwn ? value : null, EMPTY_WEEK));
  const defaults = React.useMemo(() => weekTexts(null, BIELLA_URP_HOURS), []);

  const change = (day: Weekday, text: string) => {
    // The first day written for an office on the default hours keeps the defaults on the other days.
    const next = { ...(hasOwn ? texts : defaults), [day]: text };
    setTexts(next);
    const typed = WEEK_FROM_MONDAY.map((each) => [each, next[each]] as const);
    if (typed.every(([, dayText]) => dayText.trim() === '')) return onChange?.(name, null);
    onChange?.(
      name,
      Object.fromEntries(
        typed.map(([each, dayText]) => {
          const parsed = parseDayText(dayText);
          return [each, parsed.ok ? parsed.periods : dayText];
        }),
      ),
    );
  };

  return (
    <Field.Root name={name} hint={hint} error={error} required={required}>
      <Field.Label>{label}</Field.Label>
      <Box paddingTop={1} paddingBottom={2}>
        <Typography variant="pi" textColor="neutral600">
          {hasOwn
            ? t('hours.own', 'Scrivi le fasce di ogni giorno come 08:30-12:00, separate da virgole; lascia vuoto un giorno di chiusura.')
            : t('hours.none', 'L’ufficio non ha un orario proprio: valgono le fasce in grigio. Scrivine uno per cambiarle.')}
        </Typography>
      </Box>
      <Flex direction="column" alignItems="stretch" gap={2}>
        {WEEK_FROM_MONDAY.map((day) => {
          const parsed = parseDayText(texts[day]);
          return (
            <Field.Root key={day} name={`${name}.${day}`} error={parsed.ok ? undefined : parsed.message}>
              <Flex gap={3} alignItems="flex-start">
                <Box minWidth="96px" paddingTop={2}>
                  <Field.Label>{t(`hours.day.${day}`, DAY_DEFAULTS[day])}</Field.Label>
                </Box>
                <Box grow={1}>
                  <TextInput
                    value={texts[day]}
                    placeholder={hasOwn ? t('hours.closed', 'chiuso') : defaults[day] || t('hours.closed', 'chiuso')}
                    disabled={disabled}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => change(day, event.target.value)}
                  />
                  <Field.Error />
                </Box>
              </Flex>
            </Field.Root>
          );
        })}
      </Flex>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};
