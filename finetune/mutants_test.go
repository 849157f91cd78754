package finetune

// Equivalent mutants
//
// Mutations of this package's code (shared/checks/mutate.py's operators)
// that change nothing a test can observe:
//
//   - stream.go, streamer.pass, `st.passes > 1` → `>= 1`: in the first
//     pass K is counted by that same pass, so row = K there.
//   - stream.go, findDirection, `min(s0+w, MomentTries)` → `max(`: every
//     remaining s tried in one pass; the least distinct one is still taken
//     (in order), only the memory grows.
//   - stream.go, findDirection, `st.d > 1` → `>= 1`: for d = 1 every s
//     gives a = (1), which already failed; the extra tries fail the same.
//   - stream.go, hashList.repeats, `len(b) > 0` → `>= 0`: blocks are made
//     by add and never empty.
//   - stream.go, blockHeap.push, `<=` → `<`: on equal heads it swaps, still
//     a heap.
//   - stream.go, zeroOnGaps, `Points[i].Cmp(lo) > 0` → `>= 0`: φ(lo) = 0 was
//     checked just before.
//   - stream.go, findDirection, `s0+w >= MomentTries` → `>`: one more
//     window with no s in it, then the same error.
