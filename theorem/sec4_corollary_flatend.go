package theorem

// sec4_corollary_flatend.go: the worst-case neuron count of the flat-end network
// (construction.FlatEnd, beyond the paper), and its exact verification on
// every (or many) N-subsets T of [K]. The C4.2 check uses it to decide grid
// points where Cor 4.2 does not follow from Thm 4.1; it is labelled beyond
// the paper.
//
// The network (construction/flatend.go) interpolates the kept set J of
// Thm 4.4 on the projected line and saves one neuron over Lemma 4.5 whenever
// the interpolant of J has a flat piece, which two consecutive unchanged
// samples always give.
//
// Worst case over T with |T| = N. The K − N zeros fill N+1 gaps around the
// changed samples; a gap of g zeros drops max{g − 2, 0} points from J, and a
// gap of ≥ 2 zeros gives a flat piece. Without a flat piece every gap holds
// ≤ 1 zero: K − N ≤ N + 1, and then the count is K − 1. Allowing a flat piece
// costs the adversary one neuron but lets every gap hold 2 zeros without
// drops, up to K − N ≤ 2N + 2; beyond, every extra zero is dropped. Hence
//
//	m*(N, K) ≤ flatEndUpper(N, K) = K − 1 (K ≤ 2N+1), K − 2 (2N+1 < K ≤ 3N+2), 3N (K ≥ 3N+2),
//
// and with Thm 4.1.2 (min{3N, K−2} ≤ m*): m*(N, K) = min{3N, K−2} exactly
// for every K ≥ 2N+2. The tests check the closed form against every
// T ⊆ [K] for small K and verify the networks with the exact oracle.

import (
	"fmt"
	"math/big"
	"math/bits"
	"math/rand/v2"
	"sync"

	"github.com/ftcheck/ftcheck/oracle"
)

// flatEndUpper is the worst-case neuron count of the flat-end network over
// all T ⊆ [K] with |T| = N (see the file comment).
func flatEndUpper(N, K int) int {
	switch {
	case N == 0:
		return 0
	case K <= 2*N+1:
		return K - 1
	case K <= 3*N+2:
		return K - 2
	}
	return 3 * N
}

// flatEndInstance is T ⊆ [K] (bit i of mask set iff sample i+1 is changed)
// on the line t_i = i + i²/7 with generic nonzero targets on T.
func flatEndInstance(K int, mask uint64) (t, z []*big.Rat, N int) {
	for i := 0; i < K; i++ {
		t = append(t, big.NewRat(int64(7*i+i*i), 7))
		v := new(big.Rat)
		if mask&(1<<i) != 0 {
			N++
			v.SetFrac64(int64((i+2)*(i+3)+1), int64(i%3+1))
			if i%2 == 1 {
				v.Neg(v)
			}
		}
		z = append(z, v)
	}
	return t, z, N
}

// flatEndMasks returns every N-subset of [K] when there are at most limit of
// them, else limit pseudo-random ones (deterministic in N, K).
func flatEndMasks(N, K, limit int) (masks []uint64, all bool) {
	if K <= 20 {
		for mask := uint64(0); mask < 1<<K; mask++ {
			if bits.OnesCount64(mask) == N {
				masks = append(masks, mask)
			}
		}
		if len(masks) <= limit {
			return masks, true
		}
		masks = nil
	}
	r := rand.New(rand.NewPCG(uint64(N), uint64(K)))
	for len(masks) < limit {
		var mask uint64
		for _, i := range r.Perm(K)[:N] {
			mask |= 1 << i
		}
		masks = append(masks, mask)
	}
	return masks, false
}

var flatEndCache = struct {
	sync.Mutex
	m map[[2]int]string
}{m: map[[2]int]string{}}

// verifyFlatEnd builds and exactly verifies the networks of bestTwoLayer on N-subsets
// T of [K] (all of them, or 256 pseudo-random ones) and says what was checked.
func verifyFlatEnd(N, K int) string {
	flatEndCache.Lock()
	defer flatEndCache.Unlock()
	if s, ok := flatEndCache.m[[2]int{N, K}]; ok {
		return s
	}
	masks, all := flatEndMasks(N, K, 256)
	worst := 0
	for _, mask := range masks {
		t, z, _ := flatEndInstance(K, mask)
		g, err := bestTwoLayerNet(t, z)
		if err != nil {
			panic("theorem: " + err.Error())
		}
		X := make([][]*big.Rat, K)
		for i := range X {
			X[i] = []*big.Rat{t[i]}
		}
		if _, err := oracle.Verify(g, nil, X, z); err != nil {
			panic(fmt.Sprintf("theorem: flat-end network fails at K=%d T=%b: %v", K, mask, err))
		}
		worst = max(worst, g.Hidden())
	}
	which := fmt.Sprintf("%d pseudo-random", len(masks))
	if all {
		which = fmt.Sprintf("all %d", len(masks))
	}
	s := fmt.Sprintf("checked exactly (oracle.Verify, 1-D line, generic targets) on %s sets T: at most %d neurons", which, worst)
	flatEndCache.m[[2]int{N, K}] = s
	return s
}
