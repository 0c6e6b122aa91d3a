// Generates the ts-fsrs replay fixtures next to this file (run from a directory with ts-fsrs@5.4.1 installed:
// npm install ts-fsrs@5.4.1 && node replay.mjs). Each line: card_id,review_ms,rating, then what ts-fsrs computed
// after the review: state,stability,difficulty,scheduled_days,due_ms. Default parameters and steps.
import { fsrs, createEmptyCard, State } from 'ts-fsrs'
import { writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

let seed = 20260322 // a fixed LCG keeps the fixtures reproducible
const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
const here = dirname(fileURLToPath(import.meta.url))
for (const [name, shortTerm, fuzz] of [['short-term-fuzz', true, true], ['long-term-fuzz', false, true],
                                       ['short-term-no-fuzz', true, false]]) {
  const f = fsrs({ enable_fuzz: fuzz, enable_short_term: shortTerm })
  const lines = ['card_id,review_ms,rating,state,stability,difficulty,scheduled_days,due_ms']
  for (let c = 0; c < 70; c++) {
    let card = createEmptyCard(new Date(Date.UTC(2025, 0, 1, 8, 0) + c * 3600_000 * 7.3))
    let now = card.due
    const n = 4 + Math.floor(rnd() * 9)
    for (let i = 0; i < n; i++) {
      const u = rnd()
      const g = u < 0.15 ? 1 : u < 0.25 ? 2 : u < 0.9 ? 3 : 4
      card = f.next(card, now, g).card
      lines.push([`c${c}`, now.getTime(), g, State[card.state], card.stability, card.difficulty, card.scheduled_days,
        card.due.getTime()].join(','))
      // the next review comes at the due time, up to 5 days late, or early (never before this one)
      const v = rnd()
      let next = card.due.getTime()
      if (v < 0.3) next += Math.floor(rnd() * 5 * 86400_000)
      else if (v < 0.4) next -= Math.floor(rnd() * 0.5 * (card.due.getTime() - now.getTime()))
      now = new Date(Math.max(next, now.getTime()))
    }
  }
  writeFileSync(`${here}/${name}.csv`, lines.join('\n') + '\n')
}
