/** Montréal calendar days and times as instants (the pilot's time zone). */
const ZONE = 'America/Toronto';

function offsetOf(instant: Date): string {
  const part = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName');
  const match = /GMT([+-]\d{2}:\d{2})/.exec(part?.value ?? '');
  return match ? match[1]! : '+00:00';
}

/** `2026-10-01` + `14:30` → that instant in Montréal. */
export function montrealInstant(day: string, time = '00:00'): Date {
  const local = `${day}T${time}:00.000`;
  return new Date(`${local}${offsetOf(new Date(`${local}Z`))}`);
}

/** The exclusive end of a period that runs through `day` (the first instant of the next Montréal day). */
export function endOfMontrealDay(day: string): Date {
  const next = new Date(`${day}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return montrealInstant(next.toISOString().slice(0, 10));
}

/** `YYYY-MM-DD` of an instant in Montréal (form values). */
export function montrealDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** `HH:MM` of an instant in Montréal (form values). */
export function montrealTime(instant: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** The time of day of an instant in Montréal, as people read it in this language (`14 h 00`, `2:00 p.m.`). */
export function timeLabel(instant: Date, localeTag: string): string {
  return new Intl.DateTimeFormat(localeTag, { timeZone: ZONE, timeStyle: 'short' }).format(instant);
}
