package construction

// The flat-end network: a 2-layer network on a line that fine-tunes with one
// neuron fewer than Theorem 4.4 whenever the kept interpolant has a flat
// piece, which two consecutive unchanged samples always give. Beyond the
// paper (Sec. 4, Thm 4.4 and Lemma 4.5 are its starting point); the C4.2
// check of package theorem uses it to decide grid points where Cor. 4.2 does
// not follow from Thm 4.1.
//
// Setting (as in Thm 4.4 and Lemma 4.5): the samples are projected on a
// direction a with pairwise distinct aᵀx_i and sorted, t_1 < … < t_K, with
// values v_i = z_i. Keep J = T ∪ {the two ends of every block of consecutive
// zeros} (Def. 4.3, eq. 14); between two kept zeros of a block the
// interpolant of J is 0, so interpolating J fine-tunes all K samples. Let
// p_1 < … < p_n be the kept positions, s_k the slope of the interpolant on
// [p_k, p_{k+1}], and c_k = s_k − s_{k−1} its jump at p_k (k = 2..n−1).
//
// Why it interpolates. If some piece is flat, s_f = 0, face the units left
// of it left and the units right of it right:
//
//	g(t) = v_{p_f} + Σ_{k ≤ f} c_k·σ(p_k − t) + Σ_{k > f} c_k·σ(t − p_k).
//
// On [p_f, p_{f+1}] every unit is off and g = v_{p_f}, the interpolant's
// value there. A unit c·σ(t − p) has slope 0 left of p and c right of it; a
// unit c·σ(p − t) has slope −c left of p and 0 right of it; both jump by +c
// at p. So g has the interpolant's jumps at every p_k and its slope 0 on the
// flat piece, hence its slope everywhere (by telescoping from the flat piece
// outwards): g is the interpolant, with n − 2 units (fewer when a jump is 0).
// With no flat piece, g(t) = v_{p_1} + s_1·σ(t − p_1) + Σ_{k≥2} c_k·σ(t − p_k)
// (Lemma 4.5's n − 1). A block of ≥ 2 zeros keeps its two ends, consecutive
// in J with value 0: a flat piece.
//
// Worst case over T with |T| = N (checked by package theorem): K − 1 for
// K ≤ 2N+1, K − 2 for 2N+1 < K ≤ 3N+2, 3N for K ≥ 3N+2.

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/oracle"
)

// FlatEnd builds the flat-end network of the comment above for strictly
// increasing positions t and values v (len(t) = len(v) ≥ 2): a 2-layer
// network on ℚ¹ with g(t_i) = v_i for every i. It panics if t does not
// increase or the lengths differ (a programming error: callers sort first).
func FlatEnd(t, v []*big.Rat) *oracle.Network {
	if len(t) != len(v) || len(t) < 2 {
		panic(fmt.Sprintf("construction: FlatEnd: %d positions and %d values (need equal, ≥ 2)", len(t), len(v)))
	}
	for i := 1; i < len(t); i++ {
		if t[i-1].Cmp(t[i]) >= 0 {
			panic(fmt.Sprintf("construction: FlatEnd: t[%d] = %s ≥ t[%d] = %s (positions must increase)", i-1, t[i-1].RatString(), i, t[i].RatString()))
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
	var units []lineUnit
	bias := new(big.Rat).Set(v[J[0]])
	if flat < 0 {
		units = append(units, lineUnit{1, t[J[0]], slope[0]})
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
		units = append(units, lineUnit{dir, t[J[k]], c})
	}
	return lineUnitsNet(units, bias)
}

// flatEndKept returns the kept positions J (0-based) of sorted values v: the
// nonzero values and the two ends of every block of zeros.
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

// lineUnit is the neuron coef·σ(a·(t − p)) on a line, a = ±1.
type lineUnit struct {
	a       int64
	p, coef *big.Rat
}

// lineUnitsNet is t ↦ bias + Σ coef·σ(a·(t − p)) as a 2-layer network on ℚ¹
// (the zero network plus bias when there are no units). Weights are fresh.
func lineUnitsNet(us []lineUnit, bias *big.Rat) *oracle.Network {
	if len(us) == 0 {
		z := oracle.Zero(1)
		z.Layers[len(z.Layers)-1].B[0] = new(big.Rat).Set(bias)
		return z
	}
	l1 := oracle.Layer{}
	l2 := oracle.Layer{W: [][]*big.Rat{{}}, B: []*big.Rat{new(big.Rat).Set(bias)}}
	for _, u := range us {
		a := big.NewRat(u.a, 1)
		l1.W = append(l1.W, []*big.Rat{a})
		l1.B = append(l1.B, new(big.Rat).Neg(new(big.Rat).Mul(a, u.p)))
		l2.W[0] = append(l2.W[0], new(big.Rat).Set(u.coef))
	}
	return &oracle.Network{Layers: []oracle.Layer{l1, l2}}
}
