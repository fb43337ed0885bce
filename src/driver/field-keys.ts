/**
 * The browser's own date and time fields (`<input type="date">` and the like) hold their value in one form (the HTML
 * standard's: 2026-12-24, 14:30) and show it in segments the customer types into one after another (12/24/2026,
 * 02:30 PM). A scenario may write either. Written in the value's form, it is typed as the customer types it into the
 * segments: Chromium's US English order, month before day, a 12-hour clock with AM or PM.
 */

const VALUE_FORMS: Record<string, RegExp> = {
  date: /^(\d{4})-(\d{2})-(\d{2})$/,
  time: /^(\d{2}):(\d{2})$/,
  'datetime-local': /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  week: /^(\d{4})-W(\d{2})$/,
};

/** 14:30 as typed into a time field's segments: "0230P". */
function clockKeys(hours: string, minutes: string): string {
  const h = Number(hours);
  return `${String(h % 12 || 12).padStart(2, '0')}${minutes}${h < 12 ? 'A' : 'P'}`;
}

/**
 * The keys that put `text` into a field of this type, segment by segment; null when the text is not the field's
 * value form (it is then typed as written, the way the customer sees the field).
 */
export function segmentKeys(type: string, text: string): string | null {
  const kind = type.toLowerCase();
  const parts = VALUE_FORMS[kind]?.exec(text.trim())?.slice(1);
  if (!parts) return null;
  switch (kind) {
    case 'date': {
      const [year, month, day] = parts as [string, string, string];
      return `${month}${day}${year}`;
    }
    case 'time': {
      const [hours, minutes] = parts as [string, string];
      return clockKeys(hours, minutes);
    }
    case 'datetime-local': {
      const [year, month, day, hours, minutes] = parts as [string, string, string, string, string];
      return `${month}${day}${year}${clockKeys(hours, minutes)}`;
    }
    case 'month': {
      const [year, month] = parts as [string, string];
      return `${month}${year}`;
    }
    default: {
      const [year, week] = parts as [string, string];
      return `${week}${year}`;
    }
  }
}
