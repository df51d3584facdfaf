function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Every published figure from three 2016-2018 press reports on stalking and harassment in England and
 * Wales, typed and deeply frozen, each with the wording of its source in `note` or `press`:
 *
 * - police recorded stalking, harassment and malicious communications by community safety partnership,
 *   2015 and 2017 (ONS);
 * - stalking offences recorded by all forces, 1 April 2013 to 4 February 2016 (Suzy Lamplugh Trust FOI
 *   request): 7,706 in England and Wales, Lincolnshire 22, Bedfordshire 179;
 * - CSEW 2015 stalking prevalence: 4.9% of women and 2.4% of men aged 16-59, 10.3% of women 16-19,
 *   7.2% of women 20-24, about 1.1 million people (no bases or intervals were published);
 * - about half of victims report to the police; perpetrator relationship shares (ex-partner 45%,
 *   acquaintance 22%, stranger 10%, colleague 5%, family 4%); stalking identified in 27 of about 500
 *   domestic homicide reviews.
 *
 * The percentage increases printed for Wycombe, South Bucks and Chiltern divide the change by the 2017
 * count; relative to 2015 they are 57%, 54% and 80% (see the note in
 * `policeRecordedStalkingHarassmentMaliciousCommunications2015.press`).
 *
 * Source: facts as reported in the press; the underlying statistics are ONS figures (Office for National
 * Statistics licensed under the Open Government Licence v3.0) and Suzy Lamplugh Trust figures (FOI request).
 * Typed in by hand. See docs/data-sources.md.
 *
 * @example
 * ```ts
 * import { stalkingFigures } from 'darkfigure/data';
 * const { identified, reviews } = stalkingFigures.domesticHomicideReviews; // 27, 500
 * ```
 */
export const stalkingFigures = /* @__PURE__ */ deepFreeze(
  {
    about: "Published figures on stalking and harassment in England and Wales, as reported in 2016-2018 press coverage of ONS police recorded crime, the Crime Survey for England and Wales (CSEW) and a Suzy Lamplugh Trust freedom-of-information request. Each figure keeps the wording of its source in 'note'. See docs/data-sources.md in the darkfigure repository.",
    policeRecordedStalkingHarassmentMaliciousCommunications2017: {
      note: "Police recorded cases of stalking, harassment or malicious communications in calendar year 2017, by community safety partnership (ONS, first local breakdown).",
      period: { from: "2017-01-01", to: "2017-12-31" },
      areas: [
        { area: "Lewisham", recorded: 1579 },
        { area: "Dartford and Gravesham", recorded: 1481 },
        { area: "Bromley", recorded: 1468 },
        { area: "Greenwich", recorded: 1459 },
        { area: "Bexley", recorded: 974 },
        { area: "Wycombe", recorded: 239 },
        { area: "South Bucks", recorded: 108 },
        { area: "Chiltern", recorded: 106 }
      ],
      press: [
        "Lewisham: 'an average of more than four a day'",
        "Bexley: 'more than two cases reported every day'",
        "Wycombe: 'at least one case ... every other day'"
      ]
    },
    policeRecordedStalkingHarassmentMaliciousCommunications2015: {
      period: { from: "2015-01-01", to: "2015-12-31" },
      areas: [
        { area: "Wycombe", recorded: 152 },
        { area: "South Bucks", recorded: 70 },
        { area: "Chiltern", recorded: 59 }
      ],
      press: [
        "Wycombe 'increased by 36 per cent over the past two years, from 152 cases in 2015' (to 239 in 2017)",
        "South Bucks 'increased by 35 per cent, from 70 cases in 2015' (to 108)",
        "Chiltern 'a 44 per cent increase over the past two years, from 59 cases' (to 106)",
        "Note: each published percentage equals (2017 - 2015) / 2017, i.e. the change is divided by the newer count; relative to 2015 the increases are 57%, 54% and 80%."
      ]
    },
    englandWalesRecordedIncreaseLastYear: {
      note: "'a 33 per cent increase in recorded incidents of stalking and harassment across England and Wales in the last year' (Women's Aid, 2018).",
      percentIncrease: 33
    },
    policeRecordedStalkingFOI: {
      note: "Stalking offences recorded by all police forces in England and Wales between 1 April 2013 and 4 February 2016 (Suzy Lamplugh Trust FOI request).",
      period: { from: "2013-04-01", to: "2016-02-04" },
      englandWales: 7706,
      forces: [
        {
          force: "Lincolnshire",
          recorded: 22,
          note: "population roughly similar to Bedfordshire"
        },
        {
          force: "Bedfordshire",
          recorded: 179
        }
      ]
    },
    csew2015StalkingPrevalence: {
      note: "Share of people who experienced stalking in the last year, Crime Survey for England and Wales 2015 (reported as 'British Crime Survey 2015'). No unweighted bases or confidence intervals were published in the coverage.",
      ageRange: "16-59",
      rows: [
        { sex: "female", age: "16-59", prevalence: 0.049 },
        { sex: "male", age: "16-59", prevalence: 0.024 },
        { sex: "female", age: "16-19", prevalence: 0.103 },
        { sex: "female", age: "20-24", prevalence: 0.072 }
      ],
      totalVictimsQuoted: 1100000
    },
    reportingToPolice: {
      note: "'only about half of victims go to the police' (Suzy Lamplugh Trust).",
      share: 0.5
    },
    perpetratorRelationship: {
      note: "Relationship of the stalker to the victim. Shares do not add to 100%; the remainder (14%) is not described. 'current former colleagues' as printed.",
      shares: {
        "ex-partner": 0.45,
        acquaintance: 0.22,
        stranger: 0.1,
        colleague: 0.05,
        family: 0.04
      }
    },
    physicalViolence: {
      note: "'30-40% of stalking cases involve physical violence' (research cited by the Suzy Lamplugh Trust).",
      range: [0.3, 0.4]
    },
    domesticHomicideReviews: {
      note: "Of about 500 domestic homicide reviews since 2010, stalking was identified in the lead-up to the murder in 27 (called 'the tip of the iceberg').",
      identified: 27,
      reviews: 500
    },
    usFemicideStudy: {
      note: "A US study found 76% of women murdered by partners or former partners had been stalked by them.",
      share: 0.76
    }
  } as const,
);
