const offsetMinutes = (instant: Date, timeZone: string): number => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
};

/**
 * The instant a wall-clock time (HH:MM) of a calendar day (YYYY-MM-DD) is in a zone: 09:00 on a Paris
 * Sunday is 08:00Z in winter, 07:00Z in summer. Guessed as UTC, then corrected by the zone's offset there
 * (twice, for a day whose offset changes between the guess and the answer).
 */
export const localInstant = (date: string, time: string, timeZone: string): Date => {
  const guess = Date.parse(`${date}T${time}:00Z`);
  let instant = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  instant = guess - offsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
};
