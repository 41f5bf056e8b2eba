/** Calendar days in Montréal (the pilot's time zone) as instants: the deadline is the end of its day. */
const ZONE = 'America/Toronto';

function offsetOf(instant: Date): string {
  const part = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName');
  const match = /GMT([+-]\d{2}:\d{2})/.exec(part?.value ?? '');
  return match ? match[1]! : '+00:00';
}

/** `2026-12-20` → the first or last instant of that day in Montréal. */
export function montrealDay(day: string, edge: 'start' | 'end'): Date {
  const time = edge === 'start' ? 'T00:00:00.000' : 'T23:59:59.999';
  const guess = new Date(`${day}${time}Z`);
  return new Date(`${day}${time}${offsetOf(guess)}`);
}

/** The Montréal calendar day of an instant, as `YYYY-MM-DD` (form values). */
export function montrealDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
