/** Call dates are instants; forms show and read them as Montréal wall-clock times (`datetime-local`). */
const ZONE = 'America/Toronto';
const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/;

function offsetOf(instant: Date): string {
  const part = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName');
  const match = /GMT([+-]\d{2}:\d{2})/.exec(part?.value ?? '');
  return match ? match[1]! : '+00:00';
}

/** `2026-12-20T17:00` (Montréal) or an ISO 8601 instant with a zone → Date; anything else → null. */
export function parseCallDate(value: string): Date | null {
  const local = LOCAL.exec(value);
  if (local) {
    const guess = new Date(`${local[1]}T${local[2]}:00Z`);
    if (Number.isNaN(guess.getTime())) return null;
    const d = new Date(`${local[1]}T${local[2]}:00${offsetOf(guess)}`);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** An instant as a `datetime-local` value in Montréal. */
export function toMontrealLocal(instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
