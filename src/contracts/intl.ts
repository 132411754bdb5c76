/*
 * Intl formatters, made once per language tag and options and then reused, by the server and
 * the web alike. Making one is
 * costly (a profile of the job board found 14% of busy time in their constructors) and holds
 * native memory the heap does not show; formatting with a made one is cheap.
 */

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function cached<F>(cache: Map<string, F>, tag: string, options: object, make: () => F): F {
  const key = `${tag}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

/** `new Intl.DateTimeFormat(tag, options)`, made once. Pass options as a literal of fixed shape. */
export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached(dateFormats, tag, options, () => new Intl.DateTimeFormat(tag, options));
}

/** `new Intl.NumberFormat(tag, options)`, made once. */
export function numberFormat(tag: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(numberFormats, tag, options, () => new Intl.NumberFormat(tag, options));
}

/** A time as the clock on the wall in `timeZone` shows it. */
export interface WallClock {
  /** "YYYY-MM-DD HH:mm". */
  text: string;
  /** The same wall-clock time as a UTC instant: spreadsheets have no time zones and read dates as UTC. */
  asUtc: Date;
}

export function wallClock(date: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    dateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  const [y, mo, d, h, mi] = [parts.year, parts.month, parts.day, parts.hour, parts.minute].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return {
    text: `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`,
    asUtc: new Date(Date.UTC(y, mo - 1, d, h, mi)),
  };
}
