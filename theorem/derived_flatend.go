package theorem

// derived_flatend.go: a 2-layer fine-tuning network that saves one neuron
// over Thm 4.4 when the data end in two unchanged samples ("flat end"). The
// C4.2 check uses it to decide points where Cor 4.2 does not follow from
// Thm 4.1; it is beyond the paper and labelled so.
//
// Setting (as in Thm 4.4 and Lemma 4.5): project the samples on a direction a
// with pairwise distinct aᵀx_i (always possible for distinct x_i) and sort,
// t_1 < … < t_K, values v_i = z_i. Keep J = T ∪ {the two ends of every block
// of consecutive zeros} (Def. 4.3, eq. 14); between two kept zeros of a block
// the interpolant of J is 0, so interpolating J fine-tunes all K samples.
// Let p_1 < … < p_n be the kept positions, s_k the slope of the interpolant
// on [p_k, p_{k+1}], and c_k = s_k − s_{k−1} its jump at p_k (k = 2..n−1).
//
// The network. If the last segment is flat (s_{n−1} = 0, which holds when the
// samples end in a block of ≥ 2 zeros), use left-facing units only:
//
//	g(t) = v_n + Σ_{k=2}^{n−1} c_k·σ(p_k − t).
//
// Right of p_{n−1} every unit is off and g = v_n. A unit c·σ(p − t) has slope
// −c left of p and 0 right of it, so its jump at p is +c: g has exactly the
// jumps c_k, slope 0 at the right, and hence (telescoping) slope
// −Σ c_k = s_1 − s_{n−1} = s_1 at the left. Equal slopes everywhere and equal
// value at p_n: g is the interpolant. Symmetrically, a flat first segment
// uses right-facing units g(t) = v_1 + Σ c_k·σ(t − p_k). Otherwise
// g(t) = v_1 + s_1·σ(t − p_1) + Σ c_k·σ(t − p_k) (Lemma 4.5's count n − 1).
// So the network has at most n − 1 − [a flat end] neurons.
//
// Worst case over T with |T| = N (count of the kept set, Lemma 4.7's way):
// the K − N zeros fill N+1 gaps g_0 (left end), g_1..g_{N−1}, g_N (right end);
// a gap of size g drops max{g − 2, 0} points from J, and an end gap of size
// ≥ 2 gives the flat end. With no flat end the end gaps hold ≤ 1 zero and the
// inner gaps ≤ 2 without dropping anything: 2N zeros in all, so for
// K − N ≤ 2N the worst count is K − 1. Allowing one flat end costs the
// adversary one neuron but lets both end gaps hold 2: up to K ≤ 3N + 2 the
// worst count is K − 2, and beyond every extra zero is dropped: 3N. Hence
//
//	m*(N, K) ≤ flatEndUpper(N, K) = K − 1 (K ≤ 3N), K − 2 (3N < K ≤ 3N+2), 3N (K ≥ 3N+2),
//
// which with Thm 4.1.2 (min{3N, K−2} ≤ m*) gives m*(N, K) = 3N for K ≥ 3N+2
// and m*(N, 3N+1) = 3N − 1. The tests check the closed form against every
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
	case K <= 3*N:
		return K - 1
	case K <= 3*N+2:
		return K - 2
	}
	return 3 * N
}

// flatEndKept returns the kept positions J (0-based) of sorted values v.
func flatEndKept(v []*big.Rat) []int {
	var J []int
	for i := range v {
		zero := v[i].Sign() == 0
		leftEnd := i == 0 || v[i-1].Sign() != 0
		rightEnd := i == len(v)-1 || v[i+1].Sign() != 0
		if !zero || leftEnd || rightEnd {
			J = append(J, i)
		}
	}
	return J
}

// flatUnit is the neuron coef·σ(a·(t − p)), a = ±1.
type flatUnit struct {
	a       int64
	p, coef *big.Rat
}

// flatEndNet builds the 1-D network of the file comment for strictly
// increasing t and values v (len ≥ 2).
func flatEndNet(t, v []*big.Rat) *oracle.Network {
	J := flatEndKept(v)
	n := len(J)
	slope := make([]*big.Rat, n-1)
	for k := 0; k+1 < n; k++ {
		dv := new(big.Rat).Sub(v[J[k+1]], v[J[k]])
		slope[k] = dv.Quo(dv, new(big.Rat).Sub(t[J[k+1]], t[J[k]]))
	}
	var units []flatUnit
	bias := new(big.Rat).Set(v[J[0]])
	dir := int64(1)
	switch {
	case slope[n-2].Sign() == 0:
		dir, bias = -1, new(big.Rat).Set(v[J[n-1]])
	case slope[0].Sign() == 0:
	default:
		units = append(units, flatUnit{1, t[J[0]], slope[0]})
	}
	for k := 1; k+1 < n; k++ {
		if c := new(big.Rat).Sub(slope[k], slope[k-1]); c.Sign() != 0 {
			units = append(units, flatUnit{dir, t[J[k]], c})
		}
	}
	return unitsNet(units, bias)
}

// unitsNet is x ↦ bias + Σ coef·σ(a·(x − p)) as a 2-layer network on ℚ¹
// (the zero network plus bias when there are no units).
func unitsNet(us []flatUnit, bias *big.Rat) *oracle.Network {
	if len(us) == 0 {
		z := oracle.Zero(1)
		z.Layers[len(z.Layers)-1].B[0] = bias
		return z
	}
	l1 := oracle.Layer{}
	l2 := oracle.Layer{W: [][]*big.Rat{{}}, B: []*big.Rat{bias}}
	for _, u := range us {
		a := big.NewRat(u.a, 1)
		l1.W = append(l1.W, []*big.Rat{a})
		l1.B = append(l1.B, new(big.Rat).Neg(new(big.Rat).Mul(a, u.p)))
		l2.W[0] = append(l2.W[0], new(big.Rat).Set(u.coef))
	}
	return &oracle.Network{Layers: []oracle.Layer{l1, l2}}
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

// verifyFlatEnd builds and exactly verifies the flat-end network on N-subsets
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
		g := flatEndNet(t, z)
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
