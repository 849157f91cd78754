package props

// Generators of point sets, changed sets T, targets z and whole fine-tuning
// instances (x, T, z) with a frozen network f and labels y = f(x) + z.

import (
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"pgregory.net/rapid"
)

// Point-set shapes of Points.
const (
	ShapeRandom    = iota // coordinates from SmallRat
	ShapeCollinear        // x_i = p + t_i·u, u ≠ 0
	ShapeSimplex          // integer points with equal coordinate sum: all collide along (1,…,1)
	ShapeGrid             // integer points in [−2, 2]^d
	ShapeClose            // a base point plus offsets of 10⁻⁹ along axes
	numShapes
)

// ShapeNames names the shapes of Points for messages.
var ShapeNames = [numShapes]string{"random", "collinear", "simplex", "grid", "close"}

var nano = big.NewRat(1, 1_000_000_000)

// Points draws K pairwise distinct points of ℚ^d (any d ≥ 1; up to 16 is
// what the tests use) in one of the shapes above, labelled "shape" and
// "x[i]". Drawn points that coincide with an earlier one are moved
// deterministically (along the shape: the sum is kept for ShapeSimplex, the
// line for ShapeCollinear), so no draw is ever rejected and shrinking lands on
// small integer points.
func Points(K, d int) *rapid.Generator[[][]*big.Rat] {
	if K < 0 || d < 1 {
		panic(fmt.Sprintf("props: Points(%d, %d)", K, d))
	}
	return rapid.Custom(func(t *rapid.T) [][]*big.Rat {
		shape := rapid.IntRange(0, numShapes-1).Draw(t, "shape")
		return PointsShaped(K, d, shape).Draw(t, ShapeNames[shape])
	})
}

// PointsShaped is Points with a fixed shape (ShapeSimplex needs d ≥ 2 and
// falls back to ShapeGrid in d = 1).
func PointsShaped(K, d, shape int) *rapid.Generator[[][]*big.Rat] {
	return rapid.Custom(func(t *rapid.T) [][]*big.Rat {
		if shape == ShapeSimplex && d == 1 {
			shape = ShapeGrid
		}
		if K == 0 {
			rapid.Bool().Draw(t, "empty") // a Custom generator must draw something
			return [][]*big.Rat{}
		}
		if shape == ShapeCollinear {
			return collinear(t, K, d)
		}
		seen := map[string]bool{}
		X := make([][]*big.Rat, K)
		var base []*big.Rat
		sum := 0
		switch shape {
		case ShapeClose:
			base = rapid.SliceOfN(SmallRat(), d, d).Draw(t, "base")
		case ShapeSimplex:
			sum = rapid.IntRange(0, 3).Draw(t, "sum")
		}
		for i := range X {
			x := drawPoint(t, shape, d, base, sum, i)
			for seen[key(x)] {
				nudge(shape, x)
			}
			seen[key(x)] = true
			X[i] = x
		}
		return X
	})
}

func drawPoint(t *rapid.T, shape, d int, base []*big.Rat, sum, i int) []*big.Rat {
	label := fmt.Sprintf("x[%d]", i+1)
	switch shape {
	case ShapeSimplex:
		c := rapid.SliceOfN(rapid.IntRange(0, 3), d-1, d-1).Draw(t, label)
		x := make([]*big.Rat, d)
		last := int64(sum)
		for j, v := range c {
			x[j] = big.NewRat(int64(v), 1)
			last -= int64(v)
		}
		x[d-1] = big.NewRat(last, 1)
		return x
	case ShapeGrid:
		c := rapid.SliceOfN(rapid.IntRange(-2, 2), d, d).Draw(t, label)
		x := make([]*big.Rat, d)
		for j, v := range c {
			x[j] = big.NewRat(int64(v), 1)
		}
		return x
	case ShapeClose:
		axis := rapid.IntRange(0, d-1).Draw(t, label+".axis")
		k := rapid.IntRange(-3, 3).Draw(t, label+".offset")
		x := scaled(base, big.NewRat(1, 1))
		x[axis].Add(x[axis], new(big.Rat).Mul(nano, big.NewRat(int64(k), 1)))
		return x
	}
	return rapid.SliceOfN(SmallRat(), d, d).Draw(t, label)
}

// nudge moves x off a collision, staying in its shape.
func nudge(shape int, x []*big.Rat) {
	step := big.NewRat(1, 1)
	if shape == ShapeClose {
		step = nano
	}
	x[0].Add(x[0], step)
	if shape == ShapeSimplex {
		x[len(x)-1].Sub(x[len(x)-1], step)
	}
}

func collinear(t *rapid.T, K, d int) [][]*big.Rat {
	p := rapid.SliceOfN(SmallRat(), d, d).Draw(t, "p")
	u := rapid.SliceOfN(SmallRat(), d, d).Draw(t, "u")
	if isZero(u) {
		u[0] = big.NewRat(1, 1)
	}
	seen := map[string]bool{}
	X := make([][]*big.Rat, K)
	for i := range X {
		ti := SmallRat().Draw(t, fmt.Sprintf("t[%d]", i+1))
		for seen[ti.RatString()] {
			ti.Add(ti, big.NewRat(1, 1))
		}
		seen[ti.RatString()] = true
		X[i] = make([]*big.Rat, d)
		for j := range X[i] {
			X[i][j] = new(big.Rat).Add(p[j], new(big.Rat).Mul(ti, u[j]))
		}
	}
	return X
}

func isZero(v []*big.Rat) bool {
	for _, x := range v {
		if x.Sign() != 0 {
			return false
		}
	}
	return true
}

func key(x []*big.Rat) string {
	var b strings.Builder
	for _, v := range x {
		b.WriteString(v.RatString())
		b.WriteByte(',')
	}
	return b.String()
}

// Shapes of the changed set T drawn by TSet.
const (
	TRandom      = iota // each index in T with probability ½
	TAlternating        // every s-th index, s ∈ {2, 3}, from an offset
	TClustered          // one block of consecutive indices
	TEnds               // a prefix and a suffix of [K]
	numTShapes
)

// TShapeNames names the shapes of TSet for messages.
var TShapeNames = [numTShapes]string{"random", "alternating", "clustered", "ends"}

// TSet draws a changed set T ⊆ {0, …, K−1} (0-based, sorted, as
// instance.Instance.T returns it) with minN ≤ |T| ≤ maxN, in one of the
// shapes above; indices are then added from the front or dropped from the back
// to meet the bounds. It shrinks towards small prefixes.
func TSet(K, minN, maxN int) *rapid.Generator[[]int] {
	maxN = min(maxN, K)
	if minN < 0 || minN > maxN {
		panic(fmt.Sprintf("props: TSet(K=%d, N in [%d, %d])", K, minN, maxN))
	}
	return rapid.Custom(func(t *rapid.T) []int {
		in := make([]bool, K)
		switch rapid.IntRange(0, numTShapes-1).Draw(t, "Tshape") {
		case TRandom:
			for i := range in {
				in[i] = rapid.Bool().Draw(t, fmt.Sprintf("T∋%d", i+1))
			}
		case TAlternating:
			step := rapid.IntRange(2, 3).Draw(t, "step")
			for i := rapid.IntRange(0, step-1).Draw(t, "offset"); i < K; i += step {
				in[i] = true
			}
		case TClustered:
			lo := rapid.IntRange(0, K).Draw(t, "from")
			hi := rapid.IntRange(lo, K).Draw(t, "to")
			for i := lo; i < hi; i++ {
				in[i] = true
			}
		case TEnds:
			pre := rapid.IntRange(0, K).Draw(t, "prefix")
			suf := rapid.IntRange(0, K-pre).Draw(t, "suffix")
			for i := 0; i < pre; i++ {
				in[i] = true
			}
			for i := K - suf; i < K; i++ {
				in[i] = true
			}
		}
		return boundN(in, minN, maxN)
	})
}

func boundN(in []bool, minN, maxN int) []int {
	n := 0
	for _, b := range in {
		if b {
			n++
		}
	}
	for i := 0; n < minN; i++ {
		if !in[i] {
			in[i], n = true, n+1
		}
	}
	for i := len(in) - 1; n > maxN; i-- {
		if in[i] {
			in[i], n = false, n-1
		}
	}
	var T []int
	for i, b := range in {
		if b {
			T = append(T, i)
		}
	}
	return T
}

// Kinds of targets drawn by Targets.
const (
	ZUnit  = iota // p/q in [−1, 1] ∖ {0}, q ≤ 6
	ZEqual        // one nonzero value for every i ∈ T
	ZTiny         // ±1/(a huge integer)
	ZHuge         // ±(a huge integer)/q, far outside [−1, 1]
	ZSmall        // nonzero SmallRat, often outside [−1, 1]
	numZKinds
)

// ZKindNames names the kinds of Targets for messages.
var ZKindNames = [numZKinds]string{"unit", "equal", "tiny", "huge", "small"}

// Targets draws residual targets z ∈ ℚ^K with z_i ≠ 0 exactly for i ∈ T
// (0-based). With unit set every z_i lies in [−1, 1] (Theorem 5.1's
// assumption); otherwise the kind may put them far outside.
func Targets(K int, T []int, unit bool) *rapid.Generator[[]*big.Rat] {
	return rapid.Custom(func(t *rapid.T) []*big.Rat {
		kinds := []int{ZUnit, ZEqual, ZTiny}
		if !unit {
			kinds = append(kinds, ZHuge, ZSmall)
		}
		kind := kinds[rapid.IntRange(0, len(kinds)-1).Draw(t, "zKind")]
		z := oracle.Zeros(K)
		var equal *big.Rat
		for _, i := range T {
			label := fmt.Sprintf("z[%d]", i+1)
			switch {
			case kind == ZEqual && equal != nil:
				z[i].Set(equal)
				continue
			case kind == ZTiny:
				z[i].SetFrac(big.NewInt(1), HugeInt().Draw(t, label))
			case kind == ZHuge:
				z[i].SetInt(HugeInt().Draw(t, label))
			case kind == ZSmall:
				z[i].Set(nonzero(SmallRat().Draw(t, label)))
			default:
				q := rapid.IntRange(1, 6).Draw(t, label+".q")
				z[i].SetFrac64(int64(rapid.IntRange(1, q).Draw(t, label+".p")), int64(q))
			}
			if rapid.Bool().Draw(t, label+".neg") {
				z[i].Neg(z[i])
			}
			equal = z[i]
		}
		return z
	})
}

func nonzero(r *big.Rat) *big.Rat {
	if r.Sign() == 0 {
		return r.SetInt64(1)
	}
	return r
}

// InstanceOptions bound the fine-tuning instances drawn by Instance. Zero
// fields take the defaults in brackets.
type InstanceOptions struct {
	MinK, MaxK int  // number of samples [3, 8]
	MinD, MaxD int  // input dimension [1, 3]; MaxD up to 16 is fine
	OneD       bool // d = 1 (overrides MinD, MaxD)
	MinN, MaxN int  // |T| [0, K]
	ZInUnit    bool // every z_i ∈ [−1, 1] (Theorem 5.1)
	FDepth     int  // frozen network f: depth 1..FDepth [3]
	FWidth     int  // and hidden widths 1..FWidth [3]
}

func (o InstanceOptions) withDefaults() InstanceOptions {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&o.MinK, 3)
	def(&o.MaxK, max(8, o.MinK))
	def(&o.MinD, 1)
	def(&o.MaxD, max(3, o.MinD))
	def(&o.FDepth, 3)
	def(&o.FWidth, 3)
	if o.OneD {
		o.MinD, o.MaxD = 1, 1
	}
	if o.MaxN == 0 {
		o.MaxN = o.MaxK
	}
	return o
}

// FineTune is one drawn fine-tuning problem: the instance (x, T, z), the
// frozen network f, and the labels y_i = f(x_i) + z_i, so that
// instance.FromNetwork(F, Inst.X, Y) is Inst again.
type FineTune struct {
	Inst *instance.Instance
	F    *oracle.Network
	Y    []*big.Rat
}

// Instance draws a FineTune within opts, labelled "K", "d", "x[i]", "T",
// "z[i]" and "f".
func Instance(opts InstanceOptions) *rapid.Generator[*FineTune] {
	o := opts.withDefaults()
	return rapid.Custom(func(t *rapid.T) *FineTune {
		K := rapid.IntRange(o.MinK, o.MaxK).Draw(t, "K")
		d := rapid.IntRange(o.MinD, o.MaxD).Draw(t, "d")
		X := Points(K, d).Draw(t, "x")
		T := TSet(K, min(o.MinN, K), min(o.MaxN, K)).Draw(t, "T")
		z := Targets(K, T, o.ZInUnit).Draw(t, "z")
		f := AnyNetwork(o.FDepth, o.FWidth, d).Draw(t, "f")
		y := make([]*big.Rat, K)
		for i := range y { // the reference Eval, so that fast paths are tested against it
			y[i] = new(big.Rat).Add(f.Eval(X[i]), z[i])
		}
		return &FineTune{Inst: &instance.Instance{X: X, Z: z}, F: f, Y: y}
	})
}

// GoString prints the problem exactly (rapid logs draws with %#v).
func (ft *FineTune) GoString() string {
	var b strings.Builder
	T := ft.Inst.T()
	for i := range T {
		T[i]++
	}
	fmt.Fprintf(&b, "FineTune{K=%d d=%d T=%v (1-based)\n", ft.Inst.K(), ft.Inst.Dim(), T)
	for i, x := range ft.Inst.X {
		fmt.Fprintf(&b, "  x[%d]=%s z=%s y=%s\n", i+1, fmtVec(x), oracle.FormatRat(ft.Inst.Z[i]), oracle.FormatRat(ft.Y[i]))
	}
	b.WriteString("  f=")
	ft.F.WriteJSON(&b)
	b.WriteString("}")
	return b.String()
}

func fmtVec(v []*big.Rat) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = oracle.FormatRat(x)
	}
	return "(" + strings.Join(s, ", ") + ")"
}

// SortedByProjection returns the row order of X sorted by aᵀx (ties kept in
// row order): a helper for tests of rank-one constructions.
func SortedByProjection(X [][]*big.Rat, a []*big.Rat) []int {
	proj := make([]*big.Rat, len(X))
	for i, x := range X {
		proj[i] = new(big.Rat)
		for j := range x {
			proj[i].Add(proj[i], new(big.Rat).Mul(a[j], x[j]))
		}
	}
	idx := make([]int, len(X))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return proj[idx[i]].Cmp(proj[idx[j]]) < 0 })
	return idx
}
