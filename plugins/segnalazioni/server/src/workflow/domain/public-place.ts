/**
 * Where a report is, as the public may see it. The citizen's address and point are private: they can
 * say more than the problem's place ("citofono Rossi", the reporter's own front door). The officer
 * approves a public address (as written, edited, or none) and chooses how precise the public point is.
 */

export const POSITION_CHOICES = ['exact', 'rounded', 'hidden'] as const;
export type PositionChoice = (typeof POSITION_CHOICES)[number];

/** Unless the officer chooses otherwise: near enough to find a pothole, too coarse to single out a door. */
export const DEFAULT_POSITION_CHOICE: PositionChoice = 'rounded';

/** About 50 m: 0.0005° is 56 m north–south, and 39 m east–west at 45° N. */
export const ROUNDING_STEP_DEGREES = 0.0005;

export interface Place {
  readonly address?: string | null;
  /** Decimal columns may come back from the database as text. */
  readonly latitude?: number | string | null;
  readonly longitude?: number | string | null;
}

export interface PublicPlace {
  readonly publicAddress: string | null;
  readonly publicLatitude: number | null;
  readonly publicLongitude: number | null;
}

export interface PlaceDecision {
  /** Absent: the citizen's address as written; `null` or blank: no public address. */
  readonly publicAddress?: string | null;
  readonly position?: PositionChoice;
}

const roundToStep = (degrees: number) => Number((Math.round(degrees / ROUNDING_STEP_DEGREES) * ROUNDING_STEP_DEGREES).toFixed(4));

/** The public place an officer's decision gives for a report's private one. */
export function publicPlaceOf(place: Place, decision: PlaceDecision = {}): PublicPlace {
  const written = decision.publicAddress === undefined ? place.address : decision.publicAddress;
  const publicAddress = written?.trim() ? written.trim() : null;
  const choice = decision.position ?? DEFAULT_POSITION_CHOICE;
  const hasPoint = place.latitude != null && place.longitude != null;
  if (!hasPoint || choice === 'hidden') return { publicAddress, publicLatitude: null, publicLongitude: null };
  const latitude = Number(place.latitude);
  const longitude = Number(place.longitude);
  return choice === 'exact'
    ? { publicAddress, publicLatitude: latitude, publicLongitude: longitude }
    : { publicAddress, publicLatitude: roundToStep(latitude), publicLongitude: roundToStep(longitude) };
}

/** What a rejected or not yet moderated place leaves public: nothing. */
export const NO_PUBLIC_PLACE: PublicPlace = { publicAddress: null, publicLatitude: null, publicLongitude: null };
