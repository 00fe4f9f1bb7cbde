import type { Language } from '../../domain/issue.ts';
import { shellStrings } from './shell-strings.ts';
import { signInStrings } from './sign-in-strings.ts';
import { stateStrings } from './state-strings.ts';
import { weekStrings } from './week-strings.ts';
import { warningStrings } from './warning-strings.ts';
import { issueStrings } from './issue-strings.ts';
import { actionStrings } from './action-strings.ts';
import { campaignStrings } from './campaign-strings.ts';
import { subscriberStrings } from './subscriber-strings.ts';
import { settingsStrings } from './settings-strings.ts';

/** The pages' wording, one catalogue per concept: here they are put together as the pages read them. */
const fr = {
  ...shellStrings.fr,
  ...signInStrings.fr,
  ...stateStrings.fr,
  ...weekStrings.fr,
  ...warningStrings.fr,
  ...issueStrings.fr,
  ...actionStrings.fr,
  ...campaignStrings.fr,
  ...subscriberStrings.fr,
  ...settingsStrings.fr,
};

export type StudioStrings = typeof fr;

const en: StudioStrings = {
  ...shellStrings.en,
  ...signInStrings.en,
  ...stateStrings.en,
  ...weekStrings.en,
  ...warningStrings.en,
  ...issueStrings.en,
  ...actionStrings.en,
  ...campaignStrings.en,
  ...subscriberStrings.en,
  ...settingsStrings.en,
};

/** The studio in AUTHOR_LANGUAGE: French by default, or English, every page (test/studio/author-language.test.ts). */
export const studioStrings = (language: Language): StudioStrings => (language === 'en' ? en : fr);

export const localeOf = (language: Language) => (language === 'en' ? 'en-GB' : 'fr-FR');
