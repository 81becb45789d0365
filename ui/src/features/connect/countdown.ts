// How long the Connect form waits before trying again after Telnyx said "too many requests".

/** Seconds to wait: what Telnyx asked for, at least 1 s, at most 5 minutes; 5 s when it did not say. */
export function retryDelaySeconds(retryAfterSeconds: number | null | undefined): number {
  if (retryAfterSeconds === null || retryAfterSeconds === undefined || !Number.isFinite(retryAfterSeconds)) {
    return 5;
  }
  return Math.min(300, Math.max(1, Math.ceil(retryAfterSeconds)));
}
