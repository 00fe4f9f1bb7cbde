/** 0:42, 3:45, 12:05: minutes are not padded, seconds always are. */
export const formatDuration = (totalSeconds: number): string => {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return `${minutes}:${seconds}`;
};

/** The whole playlist's length, only when every track's is known: a partial sum would mislead. */
export const playlistMinutes = (durations: readonly (number | undefined)[]): number | undefined => {
  let total = 0;
  for (const seconds of durations) {
    if (seconds === undefined) return undefined;
    total += seconds;
  }
  return durations.length > 0 ? Math.round(total / 60) : undefined;
};

/** What is known about a track beyond artist and title, in reading order: album, then length. */
export const trackDetails = (track: { album?: string; durationSeconds?: number }): string[] => {
  const details: string[] = [];
  if (track.album) details.push(track.album);
  if (track.durationSeconds !== undefined) details.push(formatDuration(track.durationSeconds));
  return details;
};
