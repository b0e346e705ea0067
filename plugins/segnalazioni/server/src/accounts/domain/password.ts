/** A citizen's password: long enough to resist guessing; users-permissions itself asks only for one. */
export const MIN_PASSWORD_LENGTH = 8;

/** Counts characters, not UTF-16 units, so an accented or emoji password is measured as typed. */
export const isLongEnoughPassword = (password: string): boolean => Array.from(password).length >= MIN_PASSWORD_LENGTH;
