import { dayText, parseDayText, weekTexts } from './opening-hours-text';
import { BIELLA_URP_HOURS, parseWeeklyHours } from './working-calendar';

describe('an office’s hours as text', () => {
  it('reads the ways people write a day, and writes it back one way', () => {
    expect(parseDayText('8:30-12, 14.15 – 16:00')).toEqual({ ok: false, message: '«8:30-12» non è una fascia oraria: scrivila come 08:30-12:00.' });
    expect(parseDayText('8:30-12:00; 14.15 – 16:00')).toEqual({
      ok: true,
      periods: [
        ['08:30', '12:00'],
        ['14:15', '16:00'],
      ],
    });
    expect(parseDayText('  ')).toEqual({ ok: true, periods: [] });
    expect(dayText(BIELLA_URP_HOURS[1])).toBe('08:30–12:00, 14:15–16:00');
  });

  it.each(['12:00-08:30', '08:30-12:00, 11:00-13:00', '08:30-25:00', 'mattina'])('refuses %s, saying why', (text) => {
    const parsed = parseDayText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/fascia|fasce/);
  });

  it('shows the stored week Monday first, and the default hours when none are stored', () => {
    const texts = weekTexts({ 1: [['09:00', '13:00']], 6: [['09:00', '12:00']] }, BIELLA_URP_HOURS);
    expect(Object.keys(texts)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(texts).toMatchObject({ 1: '09:00–13:00', 2: '', 6: '09:00–12:00', 0: '' });
    expect(weekTexts(null, BIELLA_URP_HOURS)[4]).toBe('08:30–16:00');
    expect(weekTexts('not hours', BIELLA_URP_HOURS)[1]).toBe('08:30–12:00, 14:15–16:00');
    // What the text gives back is what the calendar reads.
    const week = Object.fromEntries(Object.entries(texts).map(([day, text]) => [day, (parseDayText(text) as { periods: [string, string][] }).periods]));
    expect(parseWeeklyHours(week)?.[1]).toEqual([['09:00', '13:00']]);
  });
});
