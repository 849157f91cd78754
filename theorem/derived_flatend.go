package theorem

// derived_flatend.go: a 2-layer fine-tuning network that saves one neuron
// over Thm 4.4 whenever the kept interpolant has a flat piece, which two
// consecutive unchanged samples always give ("flat piece"). The C4.2 check
// uses it to decide points where Cor 4.2 does not follow from Thm 4.1; it is
// beyond the paper and labelled so.
//
// Setting (as in Thm 4.4 and Lemma 4.5): project the samples on a direction a
// with pairwise distinct aᵀx_i (always possible for distinct x_i) and sort,
// t_1 < … < t_K, values v_i = z_i. Keep J = T ∪ {the two ends of every block
// of consecutive zeros} (Def. 4.3, eq. 14); between two kept zeros of a block
// the interpolant of J is 0, so interpolating J fine-tunes all K samples.
// Let p_1 < … < p_n be the kept positions, s_k the slope of the interpolant
// on [p_k, p_{k+1}], and c_k = s_k − s_{k−1} its jump at p_k (k = 2..n−1).
//
// The network. If some piece is flat, s_f = 0, face the units left of it
// left and the units right of it right:
//
//	g(t) = v_{p_f} + Σ_{k ≤ f} c_k·σ(p_k − t) + Σ_{k > f} c_k·σ(t − p_k).
//
// On [p_f, p_{f+1}] every unit is off and g = v_{p_f}, the interpolant's
// value there. A unit c·σ(t − p) has slope 0 left of p and c right of it; a
// unit c·σ(p − t) has slope −c left of p and 0 right of it; both jump by +c
// at p. So g has the interpolant's jumps at every p_k and its slope 0 on the
// flat piece, hence its slope everywhere (by telescoping from the flat piece
// outwards): g is the interpolant, with n − 2 units. With no flat piece,
// g(t) = v_{p_1} + s_1·σ(t − p_1) + Σ_{k≥2} c_k·σ(t − p_k) (Lemma 4.5's n − 1).
// A block of ≥ 2 zeros keeps its two ends, consecutive in J with value 0: a
// flat piece.
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
	for i := 1; i < len(t); i++ {
		if t[i-1].Cmp(t[i]) >= 0 {
			panic(fmt.Sprintf("theorem: flatEndNet: t[%d] = %s ≥ t[%d] = %s (positions must increase)", i-1, t[i-1].RatString(), i, t[i].RatString()))
		}
	}
	J := flatEndKept(v)
	n := len(J)
	slope := make([]*big.Rat, n-1)
	for k := 0; k+1 < n; k++ {
		dv := new(big.Rat).Sub(v[J[k+1]], v[J[k]])
		slope[k] = dv.Quo(dv, new(big.Rat).Sub(t[J[k+1]], t[J[k]]))
	}
	flat := -1
	for k := range slope {
		if slope[k].Sign() == 0 {
			flat = k
			break
		}
	}
	var units []flatUnit
	bias := new(big.Rat).Set(v[J[0]])
	if flat < 0 {
		units = append(units, flatUnit{1, t[J[0]], slope[0]})
	} else {
		bias.Set(v[J[flat]])
	}
	for k := 1; k+1 < n; k++ {
		c := new(big.Rat).Sub(slope[k], slope[k-1])
		if c.Sign() == 0 {
			continue
		}
		dir := int64(1)
		if k <= flat {
			dir = -1
		}
		units = append(units, flatUnit{dir, t[J[k]], c})
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
