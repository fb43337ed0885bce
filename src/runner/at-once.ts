/**
 * Runs `work(i)` for each index from 0 to length - 1, at most `limit` at a time, starting them in index order; once
 * `stop()` says so, no more are started (those running finish).
 */
export async function atOnce(length: number, limit: number, work: (i: number) => Promise<void>, stop: () => boolean = () => false): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < length && !stop()) {
      const i = next;
      next += 1;
      await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, length)) }, worker));
}
