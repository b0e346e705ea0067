/**
 * The `updatedAt` a change writes. The optimistic guard of every change to a report compares it, so
 * it must move on even when the clock does not (a frozen clock in tests, a day replayed, two changes
 * in one millisecond): otherwise two writers who read the same stamp could both pass the guard.
 */
export const changeStampAfter = (previous: string | Date, now: Date): Date => new Date(Math.max(now.getTime(), new Date(previous).getTime() + 1));
