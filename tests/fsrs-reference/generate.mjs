// Generates the reference fixture that the C# scheduler is checked against.
//
// It makes seeded random review histories (random grades at irregular times: early, on time and
// late reviews, same-day repeats, lapses, long gaps), runs each one through ts-fsrs and writes every
// step's input and output to tests/InterviewPrep.Tests/Flashcards/fsrs-reference.json.
// The output is the same on every run: all randomness comes from the seed below.
//
//   npm install && node generate.mjs

import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  createEmptyCard,
  default_w,
  FSRSVersion,
  fsrs,
  generatorParameters,
  Rating,
  State,
} from 'ts-fsrs'

const SEED = 20240607
const TS_FSRS_VERSION = '5.4.2'
const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

// The fixture is only meaningful for the version the C# port was checked against.
if (!FSRSVersion.startsWith(`v${TS_FSRS_VERSION} `)) {
  throw new Error(`expected ts-fsrs ${TS_FSRS_VERSION}, found ${FSRSVersion}; run npm install`)
}

const here = dirname(fileURLToPath(import.meta.url))
const output = join(here, '..', 'InterviewPrep.Tests', 'Flashcards', 'fsrs-reference.json')

// mulberry32: a tiny seeded generator, so the fixture does not change between runs.
function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const random = mulberry32(SEED)
const between = (min, max) => min + random() * (max - min)
const intBetween = (min, max) => Math.floor(between(min, max + 1))
const pick = (weighted) => {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0)
  let r = random() * total
  for (const [value, w] of weighted) {
    r -= w
    if (r < 0) return value
  }
  return weighted[weighted.length - 1][0]
}

// Each history is run with one of these parameter sets; the default one gets most of them.
const variants = [
  { name: 'default', count: 200, params: {} },
  { name: 'retention-0.8', count: 15, params: { request_retention: 0.8 } },
  { name: 'retention-0.95', count: 15, params: { request_retention: 0.95 } },
  { name: 'no-short-term', count: 10, params: { enable_short_term: false } },
  { name: 'fuzz', count: 10, params: { enable_fuzz: true } },
  { name: 'max-interval-180', count: 5, params: { maximum_interval: 180 } },
]

// How a learner grades: some forget often, some know the material.
const gradeProfiles = [
  [[Rating.Again, 15], [Rating.Hard, 15], [Rating.Good, 55], [Rating.Easy, 15]],
  [[Rating.Again, 35], [Rating.Hard, 20], [Rating.Good, 40], [Rating.Easy, 5]],
  [[Rating.Again, 5], [Rating.Hard, 10], [Rating.Good, 50], [Rating.Easy, 35]],
]

// When the next review happens, relative to the card's due time.
function nextReviewTime(card, previous) {
  const due = card.due.getTime()
  const scheduled = due - previous
  const learning = card.state === State.Learning || card.state === State.Relearning
  const kind = learning
    ? pick([['on-time', 40], ['minutes-late', 25], ['hours-late', 15], ['early', 10], ['days-late', 10]])
    : pick([['on-time', 30], ['same-day', 5], ['early', 20], ['late', 30], ['long-gap', 15]])
  let at
  switch (kind) {
    case 'on-time':
      at = due + (random() < 0.5 ? 0 : between(-2 * HOUR, 2 * HOUR))
      break
    case 'minutes-late':
      at = due + between(0, 30 * MINUTE)
      break
    case 'hours-late':
      at = due + between(1 * HOUR, 20 * HOUR)
      break
    case 'days-late':
      at = due + between(1 * DAY, 10 * DAY)
      break
    case 'same-day':
      at = previous + between(1 * MINUTE, 3 * HOUR)
      break
    case 'early':
      at = previous + scheduled * between(0.05, 0.9)
      break
    case 'late':
      at = due + scheduled * between(0.1, 2.5) + between(0, 2 * DAY)
      break
    case 'long-gap':
      at = due + between(60 * DAY, 1500 * DAY)
      break
  }
  // Never before the previous review; most times land on whole seconds, a few keep milliseconds.
  at = Math.max(at, previous + MINUTE)
  return random() < 0.8 ? Math.round(at / 1000) * 1000 : Math.round(at)
}

const iso = (date) => date.toISOString()

function snapshot(card) {
  return {
    due: iso(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    state: card.state,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    last_review: card.last_review ? iso(card.last_review) : null,
  }
}

const histories = []
let id = 0
for (const variant of variants) {
  const scheduler = fsrs(generatorParameters(variant.params))
  const p = scheduler.parameters
  for (let n = 0; n < variant.count; n++) {
    const profile = gradeProfiles[intBetween(0, gradeProfiles.length - 1)]
    const length = intBetween(5, 25)
    // Start anywhere in 2023-2025 at any time of day, so reviews cross UTC midnights.
    const start = Date.UTC(2023, 0, 1) + Math.floor(random() * 3 * 365 * DAY / 1000) * 1000
    let card = createEmptyCard(new Date(start))
    let previous = start
    const steps = []
    for (let i = 0; i < length; i++) {
      const at = i === 0 ? start + intBetween(0, 3600) * 1000 : nextReviewTime(card, previous)
      const now = new Date(at)
      const grade = pick(profile)
      const retrievability = scheduler.get_retrievability(card, now, false)
      const preview = scheduler.repeat(card, now)
      const next = scheduler.next(card, now, grade).card
      steps.push({
        grade,
        review: iso(now),
        retrievability,
        preview_due: [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy].map((g) => iso(preview[g].card.due)),
        card: snapshot(next),
      })
      card = next
      previous = at
    }
    histories.push({
      id: id++,
      variant: variant.name,
      parameters: {
        request_retention: p.request_retention,
        maximum_interval: p.maximum_interval,
        enable_fuzz: p.enable_fuzz,
        enable_short_term: p.enable_short_term,
        learning_steps: p.learning_steps,
        relearning_steps: p.relearning_steps,
      },
      created: iso(new Date(start)),
      steps,
    })
  }
}

const fixture = {
  generator: `ts-fsrs ${TS_FSRS_VERSION} via tests/fsrs-reference/generate.mjs`,
  seed: SEED,
  w: Array.from(default_w),
  history_count: histories.length,
  step_count: histories.reduce((sum, h) => sum + h.steps.length, 0),
  histories,
}

// One history per line keeps the file diffable without making it huge.
const body = [
  '{',
  `  "generator": ${JSON.stringify(fixture.generator)},`,
  `  "seed": ${fixture.seed},`,
  `  "w": ${JSON.stringify(fixture.w)},`,
  `  "history_count": ${fixture.history_count},`,
  `  "step_count": ${fixture.step_count},`,
  '  "histories": [',
  histories.map((h) => '    ' + JSON.stringify(h)).join(',\n'),
  '  ]',
  '}',
  '',
].join('\n')
writeFileSync(output, body)
console.log(`wrote ${fixture.history_count} histories, ${fixture.step_count} steps to ${output}`)
