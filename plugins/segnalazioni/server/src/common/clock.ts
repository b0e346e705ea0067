/**
 * The time the workflow runs on. Deadlines, protocol years and reminders all read it here, so a
 * test (or an operator replaying a day) can set it; in normal running it is the system clock.
 */
export default () => {
  let fixed: Date | null = null;
  return {
    now(): Date {
      return fixed ? new Date(fixed) : new Date();
    },
    /** Sets the clock to `at`; `null` returns to the system clock. */
    set(at: Date | null): void {
      fixed = at ? new Date(at) : null;
    },
  };
};
