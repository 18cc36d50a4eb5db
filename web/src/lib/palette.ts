import type { Decision } from '../types/api';

/** Okabe & Ito's colour-blind safe palette. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Series colours in order (black left out: it is the client's marker). */
export const SERIES = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.orange,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
] as const;

/** Raises the risk / lowers it: vermillion and blue, told apart by every common colour vision. */
export const RAISES = OKABE_ITO.vermillion;
export const LOWERS = OKABE_ITO.blue;
/** The client's own point or line. */
export const CLIENT_MARK = OKABE_ITO.black;

/** Decision colours for shapes (with an icon and words beside them, never alone). */
export const DECISION_COLOUR: Readonly<Record<Decision, string>> = {
  accepted: OKABE_ITO.blue,
  review: OKABE_ITO.orange,
  refused: OKABE_ITO.vermillion,
};

/** Decision icons: a tick, a question mark in a diamond, a cross. */
export const DECISION_ICON: Readonly<Record<Decision, string>> = {
  accepted: '✓',
  review: '?',
  refused: '✕',
};
