import type { SundayMove, SundayTaken } from '../accept-post.ts';

/**
 * What the author is told when her post's Sunday was not the one she gave: it moved with an edit, or it
 * belonged to another issue (a new issue takes the next free Sunday, an edited one keeps its own).
 */
export const sundayNotes = (
  result: { sundayMoved?: SundayMove | undefined; sundayTaken?: SundayTaken | undefined },
  outcome: string,
) => {
  const { sundayMoved, sundayTaken } = result;
  return {
    ...(sundayMoved
      ? {
          sundayMoved: {
            ...sundayMoved,
            message: `Sunday moved from ${sundayMoved.from} to ${sundayMoved.to}.`,
          },
        }
      : {}),
    ...(sundayTaken
      ? {
          sundayTaken: {
            ...sundayTaken,
            message:
              `${sundayTaken.asked} already belongs to ${sundayTaken.holder}: ` +
              (outcome === 'created'
                ? `this issue takes the first free Sunday after it, ${sundayTaken.sunday}.`
                : `this issue keeps its own Sunday, ${sundayTaken.sunday}; move it from the studio.`),
          },
        }
      : {}),
  };
};
