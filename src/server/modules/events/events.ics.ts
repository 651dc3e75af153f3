import { createEvent } from 'ics';
import type { Event } from '../../../shared/contracts/events';

// The event as an iCalendar file (RFC 5545) for the participants' calendars. Times go out in UTC
// so every calendar shows them in its own zone; the uid is stable so a re-import updates it.
export function eventIcs(event: Event, link: string): string {
  const { error, value } = createEvent({
    uid: `${event.id}@livinglab-spbe`,
    title: event.title,
    description: event.agenda ? `${event.agenda}\n\n${link}` : link,
    location: event.place || event.onlineUrl || undefined,
    url: link,
    start: Date.parse(event.startsAt),
    end: Date.parse(event.endsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    endInputType: 'utc',
    endOutputType: 'utc',
    status: event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: event.organiser.name },
    productId: 'living-lab-spbe/events',
  });
  if (error || !value) throw error ?? new Error('ics: no output');
  return value;
}
