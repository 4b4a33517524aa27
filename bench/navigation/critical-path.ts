/**
 * What the network did before the first card: data bytes, and the length of the chain of
 * sequential round trips (bench only).
 */

export interface Exchange {
  url: string;
  /** Request sent and response fully read, ms since the epoch (CDP timestamps moved there). */
  start: number;
  end: number;
  /** Bytes on the wire (headers + compressed body), Chromium's encodedDataLength. */
  encoded: number;
  mime: string;
}

/** Sum of the wire bytes of the JSON responses read completely by `until`. */
export function jsonBytesBefore(exchanges: readonly Exchange[], until: number): number {
  return exchanges.filter((e) => e.end <= until && e.mime.includes('json')).reduce((sum, e) => sum + e.encoded, 0);
}

/**
 * The longest chain of exchanges, among those finished by `until`, in which each one was sent
 * after the previous one had finished: the number of round trips that could not overlap. Each
 * exchange's chain length is 1 + the longest chain among exchanges that finished before it was
 * sent (dynamic programming in order of sending; an exchange can only follow one that ended
 * earlier). Timing says "after", not "because of": an unrelated late request also extends a
 * chain. Bounding the set by the first card's instant keeps those out, and the chain is returned
 * so its files show what it is made of (document → loader → chunk → index → events, typically).
 */
export function longestChain(exchanges: readonly Exchange[], until: number): Exchange[] {
  const done = exchanges.filter((e) => e.end <= until).sort((a, b) => a.start - b.start);
  const length: number[] = [];
  const previous: number[] = [];
  for (let i = 0; i < done.length; i++) {
    length[i] = 1;
    previous[i] = -1;
    // One that ended before i was sent was also sent before it: it comes earlier in the order.
    for (let j = 0; j < i; j++) {
      if (done[j]!.end > done[i]!.start) continue;
      // Of equally long chains, the one whose last answer came latest: the likeliest to have been
      // waited for, so the printed path names the file that held the request back.
      const longer = length[j]! + 1 > length[i]!;
      const later = length[j]! + 1 === length[i]! && previous[i]! >= 0 && done[j]!.end > done[previous[i]!]!.end;
      if (longer || later) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  let last = -1;
  for (let i = 0; i < done.length; i++) if (last < 0 || length[i]! > length[last]!) last = i;
  const chain: Exchange[] = [];
  for (let i = last; i >= 0; i = previous[i]!) chain.unshift(done[i]!);
  return chain;
}
