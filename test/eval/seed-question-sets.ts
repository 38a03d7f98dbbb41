/**
 * The colloquial question sets over the five seed documents, in one place for `npm run eval` and
 * `npm run fit:confidence`: which files exist and which are held out (scored by the shipped model, never fitted on).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One seed question set. */
export interface SeedQuestionSet {
  readonly name: string;
  readonly file: string;
  /** Held out: never fitted on and never used to choose anything; of seeds-fresh only the totals are looked at. */
  readonly heldOut: boolean;
}

/**
 * The seed question sets whose files exist, in a fixed order. Fitted on: seeds-dev (../shared), seeds-own, seeds-own-2,
 * seeds-own-3, seeds-train-1 and seeds-train-2 (all written blind from the five documents, each by another hand),
 * since the eighth session seeds-own-4 to seeds-own-7, since the ninth seeds-own-8 to seeds-own-10 and since the tenth
 * seeds-own-11 to seeds-own-14 (the judges of earlier sessions). Held out: seeds-own-15 and seeds-own-16 (written blind
 * before the changes they judge) and seeds-fresh (of which only totals are read).
 */
export function seedQuestionSets(root: string): SeedQuestionSet[] {
  const own = (name: string): string => join(root, 'test/eval/questions', `${name}.json`);
  const all: SeedQuestionSet[] = [
    { name: 'seeds-dev', file: resolve(root, '../shared/eval-data/seeds-dev.json'), heldOut: false },
    { name: 'seeds-own', file: own('seeds-own'), heldOut: false },
    { name: 'seeds-own-2', file: own('seeds-own-2'), heldOut: false },
    { name: 'seeds-own-3', file: own('seeds-own-3'), heldOut: false },
    { name: 'seeds-train-1', file: own('seeds-train-1'), heldOut: false },
    { name: 'seeds-train-2', file: own('seeds-train-2'), heldOut: false },
    { name: 'seeds-own-4', file: own('seeds-own-4'), heldOut: false },
    { name: 'seeds-own-5', file: own('seeds-own-5'), heldOut: false },
    { name: 'seeds-own-6', file: own('seeds-own-6'), heldOut: false },
    { name: 'seeds-own-7', file: own('seeds-own-7'), heldOut: false },
    { name: 'seeds-own-8', file: own('seeds-own-8'), heldOut: false },
    { name: 'seeds-own-9', file: own('seeds-own-9'), heldOut: false },
    { name: 'seeds-own-10', file: own('seeds-own-10'), heldOut: false },
    { name: 'seeds-own-11', file: own('seeds-own-11'), heldOut: false },
    { name: 'seeds-own-12', file: own('seeds-own-12'), heldOut: false },
    { name: 'seeds-own-13', file: own('seeds-own-13'), heldOut: false },
    { name: 'seeds-own-14', file: own('seeds-own-14'), heldOut: false },
    { name: 'seeds-own-15', file: own('seeds-own-15'), heldOut: true },
    { name: 'seeds-own-16', file: own('seeds-own-16'), heldOut: true },
    { name: 'seeds-fresh', file: own('seeds-fresh'), heldOut: true },
  ];
  return all.filter((set) => existsSync(set.file));
}
