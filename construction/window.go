package construction

// Hard-tanh windows over groups of consecutive projected samples
// (Appendix A, eq. 28–29; the same layer 1 as Sec. 5.2's U3 and as Yun et
// al. 2019, Theorem 3.1).
//
// The samples are projected on a line, c_i = vᵀx_i, and sorted. They are cut
// into groups s_1, …, s_G of consecutive samples, with extreme positions
// lo_j = c_{s_j^min} ≤ hi_j = c_{s_j^max} and hi_j < lo_{j+1}. Window j has
// the ends
//
//	L_j = (hi_{j−1} + lo_j)/2,   R_j = (hi_j + lo_{j+1})/2,
//
// with hi_0 = lo_1 − ε and lo_{G+1} = hi_G + ε (the paper's c_0 = c_1 − ε and
// c_{K+1} = c_K + ε), and the pre-activation
//
//	α¹_j(x) = s_j·(2c − L_j − R_j)/(R_j − L_j),   s_j = (−1)^{j−1},
//
// the affine map sending L_j ↦ −s_j and R_j ↦ +s_j. Written out this is
// exactly eq. 28–29: the denominator c_{s_j^max} + c_{s_{j+1}^min} −
// c_{s_{j−1}^max} − c_{s_j^min} is 2(R_j − L_j), so eq. 28's weight
// (−1)^{j−1}·4/(2(R_j − L_j))·vᵀ is s_j·2/(R_j − L_j)·vᵀ and eq. 29's bias
// (−1)^j·2(R_j + L_j)/(2(R_j − L_j)) is −s_j(R_j + L_j)/(R_j − L_j).
//
// Why the paper's property holds ("α¹_j(x_i) ∈ [−1, 1] iff i ∈ s_j"): the map
// is affine and monotone in c, it is ±1 exactly at L_j and R_j, and every
// member of s_j lies strictly between them (L_j < lo_j, hi_j < R_j because
// consecutive groups are separated), while every other sample lies strictly
// outside [L_j, R_j] (a sample of s_{j±1} is beyond the midpoint). So members
// of s_j land strictly inside (−1, 1) and are passed by σH unchanged; samples
// of earlier groups are clipped to −s_j, of later groups to +s_j. The
// orientation s_j alternates, as in the paper's Fig. 6 and 10.
//
// Each window is one σH unit, 2 ReLUs (HardTanh). A dataset point that is
// not a group member (the dropped points of U3) may fall inside a window's
// range; that is allowed, and the layer-2 λ takes care of it (u3.go).

import (
	"fmt"
	"math/big"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// Window is one layer-1 unit σH(Sign·(2c − L − R)/(R − L)) on the projected
// line c = vᵀx (eq. 28–29), Sign = ±1.
type Window struct {
	L, R *big.Rat
	Sign int
}

// Pre is the pre-activation α¹(c) = Sign·(2c − L − R)/(R − L).
func (w Window) Pre(c *big.Rat) *big.Rat {
	num := new(big.Rat).Add(c, c)
	num.Sub(num, w.L)
	num.Sub(num, w.R)
	num.Quo(num, new(big.Rat).Sub(w.R, w.L))
	if w.Sign < 0 {
		num.Neg(num)
	}
	return num
}

// Out is β¹(c) = σH(α¹(c)).
func (w Window) Out(c *big.Rat) *big.Rat {
	return HardTanh.Apply(w.Pre(c))
}

// Affine returns the weights of the window on x ∈ ℚ^d for the direction v:
// row s·2/(R−L)·vᵀ and bias −s·(R+L)/(R−L) (eq. 28–29).
func (w Window) Affine(v []*big.Rat) ([]*big.Rat, *big.Rat) {
	width := new(big.Rat).Sub(w.R, w.L)
	k := new(big.Rat).Quo(big.NewRat(int64(2*w.Sign), 1), width)
	row := make([]*big.Rat, len(v))
	for i, vi := range v {
		row[i] = new(big.Rat).Mul(k, vi)
	}
	b := new(big.Rat).Add(w.R, w.L)
	b.Quo(b, width)
	if w.Sign > 0 {
		b.Neg(b)
	}
	return row, b
}

// GroupWindows returns the windows of eq. 28–29 for groups with extreme
// positions lo[j] ≤ hi[j] (hi[j] < lo[j+1]) and margin ε > 0. It panics if the
// groups are not separated (programmer misuse: the callers build them sorted).
func GroupWindows(lo, hi []*big.Rat, eps *big.Rat) []Window {
	G := len(lo)
	if len(hi) != G || G == 0 || eps.Sign() <= 0 {
		panic(fmt.Sprintf("construction: GroupWindows: %d lows, %d highs, ε = %s", len(lo), len(hi), eps.RatString()))
	}
	half := big.NewRat(1, 2)
	mid := func(a, b *big.Rat) *big.Rat { s := new(big.Rat).Add(a, b); return s.Mul(s, half) }
	ws := make([]Window, G)
	for j := range ws {
		prev := new(big.Rat).Sub(lo[0], eps) // hi_0 = lo_1 − ε
		if j > 0 {
			prev = hi[j-1]
		}
		next := new(big.Rat).Add(hi[G-1], eps) // lo_{G+1} = hi_G + ε
		if j < G-1 {
			next = lo[j+1]
		}
		if lo[j].Cmp(hi[j]) > 0 || prev.Cmp(lo[j]) >= 0 || hi[j].Cmp(next) >= 0 {
			panic(fmt.Sprintf("construction: GroupWindows: group %d is not separated from its neighbours", j+1))
		}
		ws[j] = Window{L: mid(prev, lo[j]), R: mid(hi[j], next), Sign: altSign(j)}
	}
	return ws
}

// altSign is s_j = (−1)^{j−1} for the 0-based index j.
func altSign(j int) int {
	if j%2 == 0 {
		return 1
	}
	return -1
}

// windowLayer is the affine map x ↦ (α¹_1(x), …, α¹_G(x)) of the windows.
func windowLayer(ws []Window, v []*big.Rat) ([][]*big.Rat, []*big.Rat) {
	W := make([][]*big.Rat, len(ws))
	b := make([]*big.Rat, len(ws))
	for j, w := range ws {
		W[j], b[j] = w.Affine(v)
	}
	return W, b
}

// projected is an instance on its line: the direction v, the sorted
// positions c and the targets by position, divided by scale when some
// |z_i| > 1 (Theorem 5.1 assumes z ∈ [−1, 1]; the output layer multiplies
// scale back).
type projected struct {
	v     []*big.Rat
	c     []*big.Rat
	z     []*big.Rat
	scale *big.Rat
	notes []string
}

// project validates in (K ≥ 3 as Theorem 5.1 assumes, distinct samples, one
// dimension), projects it with Separate and rescales the targets.
func project(in *instance.Instance) (*projected, error) {
	if in == nil {
		return nil, fmt.Errorf("construction: nil instance")
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if in.K() < 3 {
		return nil, &SmallKError{K: in.K()}
	}
	pr, err := Separate(in.X)
	if err != nil {
		return nil, err
	}
	p := &projected{v: pr.A, scale: big.NewRat(1, 1)}
	for _, z := range in.Z {
		if a := new(big.Rat).Abs(z); a.Cmp(p.scale) > 0 {
			p.scale = a
		}
	}
	for _, i := range pr.Order {
		p.c = append(p.c, pr.Values[i])
		p.z = append(p.z, new(big.Rat).Quo(in.Z[i], p.scale))
	}
	p.notes = append(p.notes, fmt.Sprintf("projection v = %s (%s)", ratVec(pr.A), pr.Method))
	if p.scale.Cmp(big.NewRat(1, 1)) != 0 {
		p.notes = append(p.notes, fmt.Sprintf("targets outside [−1, 1]: fitted z/s with s = max|z_i| = %s; the output layer multiplies by s",
			oracle.FormatRat(p.scale)))
	}
	return p, nil
}

func ratVec(v []*big.Rat) string {
	s := "("
	for i, x := range v {
		if i > 0 {
			s += ", "
		}
		s += oracle.FormatRat(x)
	}
	return s + ")"
}
