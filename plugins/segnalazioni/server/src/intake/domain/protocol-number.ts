/**
 * Protocol numbers: `YYYY/NNNNNN`, numbered from 1 each year, the year being the one in force in
 * the municipality (Europe/Rome) at the moment the report is taken in charge.
 */

export const PROTOCOL_TIME_ZONE = 'Europe/Rome';
export const MAX_SEQUENCE = 999_999;

const PATTERN = /^(\d{4})\/(\d{6})$/;

const yearFormatter = new Intl.DateTimeFormat('en-US', { timeZone: PROTOCOL_TIME_ZONE, year: 'numeric' });

export interface ProtocolNumber {
  readonly year: number;
  readonly sequence: number;
}

/** The protocol year of an instant: New Year's Eve at 23:30 UTC is already next year in Rome. */
export function protocolYear(at: Date): number {
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid date for a protocol year');
  return Number(yearFormatter.format(at));
}

export function formatProtocolNumber({ year, sequence }: ProtocolNumber): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Protocol year out of range: ${year}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`Protocol sequence out of range: ${sequence}`);
  }
  return `${year}/${String(sequence).padStart(6, '0')}`;
}

/** Reads a protocol number as citizens quote it; `null` when it is not one. */
export function parseProtocolNumber(value: string): ProtocolNumber | null {
  const match = PATTERN.exec(value.trim());
  if (!match) return null;
  const sequence = Number(match[2]);
  if (sequence < 1) return null;
  return { year: Number(match[1]), sequence };
}
