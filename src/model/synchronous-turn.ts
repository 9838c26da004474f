let turn = 0;
let endQueued = false;

/**
 * A number that stays the same until the current synchronous run of code ends (the next
 * microtask): results kept within one synthesis are stamped with it. One shared microtask
 * ends the turn, instead of one per kept result, so that nothing kept holds a construct tree
 * alive after its app is dropped (a test or benchmark that builds many apps in one turn would
 * otherwise keep every one of them until the turn ends).
 */
export function synchronousTurn(): number {
  if (!endQueued) {
    endQueued = true;
    queueMicrotask(() => {
      turn++;
      endQueued = false;
    });
  }
  return turn;
}
